CREATE TABLE "payment_change_reviews" (
	"change_id" uuid PRIMARY KEY NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"table_name" text NOT NULL,
	"op" text NOT NULL,
	"row_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"changed_by" uuid,
	"contact_person_id" uuid,
	"context" jsonb,
	"unit_id" uuid
);
--> statement-breakpoint
CREATE TABLE "payroll_cost_centres" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"cost_centre" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payroll_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" integer NOT NULL,
	"line_count" integer NOT NULL,
	"exported_by" uuid,
	"exported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payroll_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"for_month" text NOT NULL,
	"assignment_id" uuid NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"arvode" integer NOT NULL,
	"omkostnad" integer NOT NULL,
	"expenses" integer NOT NULL,
	"blocked" text,
	"paid_days" integer NOT NULL,
	"days_in_month" integer NOT NULL,
	"report_id" uuid,
	"identity_number" text NOT NULL,
	"name" text NOT NULL,
	"case_number" text NOT NULL,
	"level_code" text NOT NULL,
	"level_name" text NOT NULL,
	"pay_codes" jsonb NOT NULL,
	"cost_centre" text NOT NULL,
	"unit_id" uuid,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payroll_months" (
	"month" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payroll_months_month_chk" CHECK ("payroll_months"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "payroll_months_locked_chk" CHECK (("payroll_months"."status" = 'locked') = ("payroll_months"."locked_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "payroll_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"unreported_policy" text DEFAULT 'hold' NOT NULL,
	"approver_may_lock" boolean DEFAULT false NOT NULL,
	"pay_code_arvode" text DEFAULT 'ARV' NOT NULL,
	"pay_code_omkostnad" text DEFAULT 'OMK' NOT NULL,
	"pay_code_utlagg" text DEFAULT 'UTL' NOT NULL,
	"pay_code_correction" text DEFAULT 'KORR' NOT NULL,
	"default_cost_centre" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payroll_settings_single_row" CHECK ("payroll_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "payment_change_reviews" ADD CONSTRAINT "payment_change_reviews_change_id_payment_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."payment_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_change_reviews" ADD CONSTRAINT "payment_change_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_cost_centres" ADD CONSTRAINT "payroll_cost_centres_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_exports" ADD CONSTRAINT "payroll_exports_month_payroll_months_month_fk" FOREIGN KEY ("month") REFERENCES "public"."payroll_months"("month") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_exports" ADD CONSTRAINT "payroll_exports_exported_by_users_id_fk" FOREIGN KEY ("exported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_lines" ADD CONSTRAINT "payroll_lines_month_payroll_months_month_fk" FOREIGN KEY ("month") REFERENCES "public"."payroll_months"("month") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_lines" ADD CONSTRAINT "payroll_lines_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_lines" ADD CONSTRAINT "payroll_lines_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_lines" ADD CONSTRAINT "payroll_lines_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_months" ADD CONSTRAINT "payroll_months_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_months" ADD CONSTRAINT "payroll_months_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_changes_occurred_idx" ON "payment_changes" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "payroll_exports_month_idx" ON "payroll_exports" USING btree ("month","exported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payroll_lines_uq" ON "payroll_lines" USING btree ("month","assignment_id","kind","for_month");--> statement-breakpoint
CREATE INDEX "payroll_lines_for_month_idx" ON "payroll_lines" USING btree ("assignment_id","for_month");--> statement-breakpoint
CREATE INDEX "payroll_lines_for_month_only_idx" ON "payroll_lines" USING btree ("for_month");--> statement-breakpoint
-- Internal control of payments (issue 12 item 6): every change to payment data is logged here by triggers, in the
-- changing transaction, whichever code path made it: a contact person's bank and tax details, the rate table, and a
-- monthly report once approved (the report itself, its meetings, cancellations and expenses). Who: the actor that
-- writeUseCase declares to the transaction (`kontakt.actor_id`); null for start-up defaults and scripts. Only the
-- changed columns are kept (bookkeeping columns left out); an UPDATE that changes none of them is not logged.
CREATE OR REPLACE FUNCTION log_payment_change() RETURNS trigger AS $$
DECLARE
  kind text := TG_ARGV[0];
  old_j jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  new_j jsonb := CASE WHEN TG_OP IN ('UPDATE', 'INSERT') THEN to_jsonb(NEW) END;
  row_j jsonb := coalesce(new_j, old_j);
  skip text[] := ARRAY['id', 'version', 'created_at', 'updated_at', 'data'];
  b jsonb;
  a jsonb;
  cp uuid := nullif(row_j->>'contact_person_id', '')::uuid;
  unit uuid := NULL;
  report jsonb := NULL;
  ctx jsonb := NULL;
BEGIN
  IF kind = 'report' THEN
    IF TG_TABLE_NAME = 'cp_reports' THEN
      -- A change to an approved report: the old row was approved (approving it is the report's own audited step).
      IF TG_OP = 'INSERT' OR (old_j->>'status') IS DISTINCT FROM 'approved' THEN RETURN NULL; END IF;
      report := old_j;
    ELSE
      SELECT to_jsonb(r) INTO report FROM cp_reports r WHERE r.id = (row_j->>'report_id')::uuid;
      IF report IS NULL OR (report->>'status') IS DISTINCT FROM 'approved' THEN RETURN NULL; END IF;
    END IF;
    cp := (report->>'contact_person_id')::uuid;
    unit := (report->>'provider_unit_id')::uuid;
    skip := skip || ARRAY['submitted_at', 'submitted_on', 'submitted_by'];
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(k, old_j->k), jsonb_object_agg(k, new_j->k) INTO b, a
      FROM jsonb_object_keys(new_j) k WHERE NOT (k = ANY(skip)) AND (old_j->k) IS DISTINCT FROM (new_j->k);
    IF a IS NULL THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT jsonb_object_agg(k, new_j->k) INTO a FROM jsonb_object_keys(new_j) k WHERE NOT (k = ANY(skip));
  ELSE
    SELECT jsonb_object_agg(k, old_j->k) INTO b FROM jsonb_object_keys(old_j) k WHERE NOT (k = ANY(skip));
  END IF;
  -- What the reviewer needs to know which row it was: a rate level's year and code, a report's month.
  IF kind = 'rate' THEN
    ctx := jsonb_strip_nulls(jsonb_build_object('year', row_j->'year', 'code', row_j->'code'));
  ELSIF kind = 'report' THEN
    ctx := jsonb_build_object('month', report->'month');
  END IF;
  INSERT INTO payment_changes (kind, table_name, op, row_id, before, after, context, changed_by, contact_person_id, unit_id)
  VALUES (kind, TG_TABLE_NAME, lower(TG_OP), coalesce(row_j->>'id', row_j->>'contact_person_id', row_j->>'year'), b, a, ctx,
    nullif(current_setting('kontakt.actor_id', true), '')::uuid, cp, unit);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cp_payment_details_control AFTER INSERT OR UPDATE OR DELETE ON cp_payment_details
  FOR EACH ROW EXECUTE FUNCTION log_payment_change('bank_tax');
--> statement-breakpoint
CREATE TRIGGER rate_years_control AFTER INSERT OR UPDATE OR DELETE ON rate_years
  FOR EACH ROW EXECUTE FUNCTION log_payment_change('rate');
--> statement-breakpoint
CREATE TRIGGER rate_levels_control AFTER INSERT OR UPDATE OR DELETE ON rate_levels
  FOR EACH ROW EXECUTE FUNCTION log_payment_change('rate');
--> statement-breakpoint
CREATE TRIGGER cp_reports_control AFTER UPDATE OR DELETE ON cp_reports
  FOR EACH ROW EXECUTE FUNCTION log_payment_change('report');
--> statement-breakpoint
CREATE TRIGGER cp_report_expenses_control AFTER INSERT OR UPDATE OR DELETE ON cp_report_expenses
  FOR EACH ROW EXECUTE FUNCTION log_payment_change('report');
--> statement-breakpoint
CREATE TRIGGER cp_report_meetings_control AFTER INSERT OR UPDATE OR DELETE ON cp_report_meetings
  FOR EACH ROW EXECUTE FUNCTION log_payment_change('report');
--> statement-breakpoint
CREATE TRIGGER cp_report_cancellations_control AFTER INSERT OR UPDATE OR DELETE ON cp_report_cancellations
  FOR EACH ROW EXECUTE FUNCTION log_payment_change('report');
--> statement-breakpoint
-- The control log is append-only like the audit log (reviews are rows of payment_change_reviews).
CREATE OR REPLACE FUNCTION payment_changes_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'payment_changes is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payment_changes_no_update_delete BEFORE UPDATE OR DELETE ON payment_changes
  FOR EACH ROW EXECUTE FUNCTION payment_changes_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payment_changes_no_truncate BEFORE TRUNCATE ON payment_changes
  FOR EACH STATEMENT EXECUTE FUNCTION payment_changes_refuse_change();
