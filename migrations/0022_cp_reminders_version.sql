CREATE TABLE "cp_reminders_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cp_reminders_version_single_row" CHECK ("cp_reminders_version"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "contact_persons_ended_date_idx" ON "contact_persons" USING btree ("ended_date");--> statement-breakpoint
CREATE INDEX "contact_persons_district_approved_idx" ON "contact_persons" USING btree ("district_id","applied_date","id","ended_date","capacity","current_load") WHERE "contact_persons"."approved_date" is not null;
--> statement-breakpoint
INSERT INTO "cp_reminders_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
-- Hand-written from here. Any change to what the reminders read counts the version up once per transaction, at
-- commit (a deferred constraint trigger, as matching_register_changed in 0016: the version row is the last lock
-- the transaction takes, and a reader that sees the new number sees the change too).
CREATE FUNCTION cp_reminders_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF current_setting('kontakt.cp_reminders_version_counted', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('kontakt.cp_reminders_version_counted', 'on', true);
    UPDATE cp_reminders_version SET version = version + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER contact_persons_reminders_version AFTER INSERT OR UPDATE OR DELETE ON contact_persons
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cp_reminders_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cp_steps_reminders_version AFTER INSERT OR UPDATE OR DELETE ON cp_steps
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cp_reminders_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cp_register_checks_reminders_version AFTER INSERT OR UPDATE OR DELETE ON cp_register_checks
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cp_reminders_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cp_settings_reminders_version AFTER INSERT OR UPDATE OR DELETE ON cp_settings
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cp_reminders_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cp_check_rules_reminders_version AFTER INSERT OR UPDATE OR DELETE ON cp_check_rules
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cp_reminders_changed();
