CREATE TABLE "audit_pseudonyms" (
	"pseudonym" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disposal_run_id" uuid
);
--> statement-breakpoint
CREATE TABLE "disposal_rules" (
	"record_type" text PRIMARY KEY NOT NULL,
	"active" boolean NOT NULL,
	"years_after_last_entry" integer NOT NULL,
	"keep_born_on_days" integer[] NOT NULL,
	"keep_lss_decisions" boolean NOT NULL,
	"pseudonymise_audit" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disposal_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dry_run" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"ran_by" uuid NOT NULL,
	"ran_by_name" text NOT NULL,
	"unit_id" uuid,
	"batches" integer DEFAULT 0 NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"audit_pseudonymised" integer DEFAULT 0 NOT NULL,
	"kept_born_on" integer DEFAULT 0 NOT NULL,
	"kept_lss" integer DEFAULT 0 NOT NULL,
	"kept_payroll" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disposal_runs" ADD CONSTRAINT "disposal_runs_ran_by_users_id_fk" FOREIGN KEY ("ran_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_id_persons_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Disposal (ADR 013): the audit log stays append-only, with one narrow exception. An UPDATE is let through only when
-- it pseudonymises a disposed person: the old person_id belongs to no person any more and is no pseudonym itself,
-- the new one is a pseudonym in audit_pseudonyms, entity_id changes only where it was that person's id (to the
-- pseudonym), and every other column is unchanged. DELETE and TRUNCATE are refused as before.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.person_id IS NOT NULL
     AND NEW.person_id IS DISTINCT FROM OLD.person_id
     AND NOT EXISTS (SELECT 1 FROM persons WHERE id = OLD.person_id)
     AND NOT EXISTS (SELECT 1 FROM audit_pseudonyms WHERE pseudonym = OLD.person_id)
     AND EXISTS (SELECT 1 FROM audit_pseudonyms WHERE pseudonym = NEW.person_id)
     AND NEW.id = OLD.id
     AND NEW.occurred_at = OLD.occurred_at
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.actor_username IS NOT DISTINCT FROM OLD.actor_username
     AND NEW.action = OLD.action
     AND NEW.entity_type = OLD.entity_type
     AND (NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
          OR (OLD.entity_id = OLD.person_id::text AND NEW.entity_id = NEW.person_id::text))
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
     AND NEW.details IS NOT DISTINCT FROM OLD.details
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The one way the runtime role (SELECT, INSERT on audit_log only) pseudonymises: runs as the owner, only for ids
-- that are no person any more, one fresh pseudonym per person, no mapping kept. Returns the rows changed.
CREATE OR REPLACE FUNCTION pseudonymise_audit_persons(p_person_ids uuid[], p_run_id uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_person uuid;
  v_pseudonym uuid;
  v_rows integer;
  v_total integer := 0;
BEGIN
  FOREACH v_person IN ARRAY coalesce(p_person_ids, '{}') LOOP
    IF EXISTS (SELECT 1 FROM persons WHERE id = v_person) THEN
      RAISE EXCEPTION 'person % still exists: only a disposed person is pseudonymised', v_person USING ERRCODE = 'insufficient_privilege';
    END IF;
    CONTINUE WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE person_id = v_person);
    v_pseudonym := gen_random_uuid();
    INSERT INTO audit_pseudonyms (pseudonym, disposal_run_id) VALUES (v_pseudonym, p_run_id);
    UPDATE audit_log
       SET person_id = v_pseudonym,
           entity_id = CASE WHEN entity_id = v_person::text THEN v_pseudonym::text ELSE entity_id END
     WHERE person_id = v_person;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    v_total := v_total + v_rows;
  END LOOP;
  RETURN v_total;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION pseudonymise_audit_persons(uuid[], uuid) FROM PUBLIC;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS persons_merged_into_idx ON persons (merged_into_id) WHERE merged_into_id IS NOT NULL;
