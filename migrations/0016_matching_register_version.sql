CREATE TABLE "matching_register_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "matching_register_version_single_row" CHECK ("matching_register_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "matching_register_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
-- Hand-written from here. Any change to what the ranking reads of the register counts the version up once per
-- transaction, at commit (a deferred constraint trigger): the version row is then the last lock the transaction
-- takes, so two transactions never wait on each other through it (no deadlock with the row locks of
-- refresh_contact_person_load), and a reader that sees the new number sees the change too.
CREATE FUNCTION matching_register_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF current_setting('kontakt.register_version_counted', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('kontakt.register_version_counted', 'on', true);
    UPDATE matching_register_version SET version = version + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER contact_persons_register_version AFTER INSERT OR UPDATE OR DELETE ON contact_persons
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matching_register_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cp_register_checks_register_version AFTER INSERT OR UPDATE OR DELETE ON cp_register_checks
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matching_register_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cp_pauses_register_version AFTER INSERT OR UPDATE OR DELETE ON cp_pauses
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matching_register_changed();
