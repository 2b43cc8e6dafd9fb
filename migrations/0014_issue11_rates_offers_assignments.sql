CREATE TABLE "assignment_interruptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"reason" text NOT NULL,
	"resumed_date" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_interruptions_resumed_chk" CHECK ("assignment_interruptions"."resumed_date" is null or "assignment_interruptions"."resumed_date" > "assignment_interruptions"."from_date")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"provider_unit_id" uuid NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"rate_level" text NOT NULL,
	"meetings_per_month" integer,
	"frequency_text" text,
	"activities" text,
	"period_from" date NOT NULL,
	"period_to" date,
	"agreement_date" date,
	"person_signed_date" date,
	"contact_person_signed_date" date,
	"appointed_date" date,
	"payroll_notice_date" date,
	"start_date" date,
	"end_date" date,
	"end_reason" text,
	"end_note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_offer_id_unique" UNIQUE("offer_id"),
	CONSTRAINT "assignments_end_chk" CHECK (("assignments"."end_date" is null) = ("assignments"."end_reason" is null)),
	CONSTRAINT "assignments_end_after_start_chk" CHECK ("assignments"."end_date" is null or "assignments"."start_date" is null or "assignments"."end_date" >= "assignments"."start_date"),
	CONSTRAINT "assignments_meetings_chk" CHECK ("assignments"."meetings_per_month" is null or "assignments"."meetings_per_month" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "cp_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"assignment_id" uuid,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"provider_unit_id" uuid NOT NULL,
	"plan_version" integer NOT NULL,
	"goals" jsonb NOT NULL,
	"activities" text,
	"schedule" text,
	"person_wishes" text,
	"follow_up_how" text,
	"follow_up_date" date,
	"written_date" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matching_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"date" date NOT NULL,
	"time" text NOT NULL,
	"place" text NOT NULL,
	"participants" text,
	"outcome" text,
	"outcome_note" text,
	"outcome_date" date,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"provider_unit_id" uuid NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"offered_date" date NOT NULL,
	"response" text DEFAULT 'pending' NOT NULL,
	"response_date" date,
	"response_note" text,
	"closed_date" date,
	"closed_reason" text,
	"closed_note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_closed_chk" CHECK (("offers"."closed_date" is null) = ("offers"."closed_reason" is null)),
	CONSTRAINT "offers_response_chk" CHECK (("offers"."response" = 'pending') = ("offers"."response_date" is null))
);
--> statement-breakpoint
CREATE TABLE "rate_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"arvode" integer NOT NULL,
	"omkostnad" integer NOT NULL,
	"arvode_share_permille" integer,
	"omkostnad_share_permille" integer,
	"per_occasion" integer,
	"mileage_per_mil" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_levels_amounts_chk" CHECK ("rate_levels"."arvode" >= 0 and "rate_levels"."omkostnad" >= 0 and coalesce("rate_levels"."per_occasion", 0) >= 0 and coalesce("rate_levels"."mileage_per_mil", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"prisbasbelopp" integer NOT NULL,
	"rounding" text DEFAULT 'krona' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_years_year_chk" CHECK ("rate_years"."year" between 2000 and 2100),
	CONSTRAINT "rate_years_pbb_chk" CHECK ("rate_years"."prisbasbelopp" > 0)
);
--> statement-breakpoint
DROP INDEX "contact_persons_approved_idx";--> statement-breakpoint
ALTER TABLE "contact_persons" ADD COLUMN "current_load" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_interruptions" ADD CONSTRAINT "assignment_interruptions_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_interruptions" ADD CONSTRAINT "assignment_interruptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_provider_unit_id_units_id_fk" FOREIGN KEY ("provider_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_contacts" ADD CONSTRAINT "cp_contacts_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_contacts" ADD CONSTRAINT "cp_contacts_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_contacts" ADD CONSTRAINT "cp_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_provider_unit_id_units_id_fk" FOREIGN KEY ("provider_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_meetings" ADD CONSTRAINT "matching_meetings_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_meetings" ADD CONSTRAINT "matching_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_provider_unit_id_units_id_fk" FOREIGN KEY ("provider_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_levels" ADD CONSTRAINT "rate_levels_year_rate_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."rate_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_interruptions_assignment_idx" ON "assignment_interruptions" USING btree ("assignment_id","from_date");--> statement-breakpoint
CREATE INDEX "assignments_decision_idx" ON "assignments" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "assignments_order_idx" ON "assignments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "assignments_case_idx" ON "assignments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "assignments_contact_person_idx" ON "assignments" USING btree ("contact_person_id");--> statement-breakpoint
CREATE INDEX "assignments_provider_idx" ON "assignments" USING btree ("provider_unit_id");--> statement-breakpoint
CREATE INDEX "cp_contacts_contact_person_idx" ON "cp_contacts" USING btree ("contact_person_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_plans_version_uq" ON "implementation_plans" USING btree ("decision_id","plan_version");--> statement-breakpoint
CREATE INDEX "matching_meetings_offer_idx" ON "matching_meetings" USING btree ("offer_id","date");--> statement-breakpoint
CREATE INDEX "offers_order_idx" ON "offers" USING btree ("order_id","offered_date");--> statement-breakpoint
CREATE INDEX "offers_case_idx" ON "offers" USING btree ("case_id","offered_date");--> statement-breakpoint
CREATE INDEX "offers_contact_person_idx" ON "offers" USING btree ("contact_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_open_uq" ON "offers" USING btree ("order_id","contact_person_id") WHERE "offers"."closed_reason" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "rate_levels_year_code_uq" ON "rate_levels" USING btree ("year","code");--> statement-breakpoint
CREATE INDEX "contact_persons_approved_idx" ON "contact_persons" USING btree ("applied_date","id","ended_date","capacity","current_load") WHERE "contact_persons"."approved_date" is not null;--> statement-breakpoint
-- Hand-written from here. The contact person's places taken (current_load): open offers, which include those whose
-- assignment runs (ending closes the offer). Kept by a trigger in the same transaction, so nobody writes it by hand
-- and the register's status never drifts from the offers.
-- First wait for the row lock (another transaction changing the same contact person's offers), then count in a
-- statement of its own: its fresh snapshot sees what that transaction committed, so two concurrent changes never
-- leave a stale count (the same reasoning as refresh_case_facts, migration 0007).
CREATE FUNCTION refresh_contact_person_load(ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  PERFORM 1 FROM contact_persons WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
  UPDATE contact_persons cp SET current_load = (SELECT count(*) FROM offers o WHERE o.contact_person_id = cp.id AND o.closed_reason IS NULL)
  WHERE cp.id = ANY(ids);
END
$$;
--> statement-breakpoint
-- A bulk load (scripts/generate.ts, migration 0013's setting) recounts once at the end with refresh_contact_person_load.
CREATE FUNCTION contact_person_load_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF current_setting('kontakt.defer_case_facts', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM refresh_contact_person_load(ARRAY[OLD.contact_person_id]);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM refresh_contact_person_load(ARRAY[NEW.contact_person_id]);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER offers_load AFTER INSERT OR UPDATE OF contact_person_id, closed_reason OR DELETE ON offers
FOR EACH ROW EXECUTE FUNCTION contact_person_load_changed();
--> statement-breakpoint
-- Execution facts (issue 11): the same rule as executionFacts in src/assignments/rules.ts, over the offers and
-- assignments of the case's latest order (the order the ordered/confirmed facts come from). A renewed decision
-- continues the same order and its contact person, so execution is read through the order, not the decision. matching starts with the first offer; executed is the first start; ended is the first end
-- whose reason ends the decision (or a follow-up that ended it); interrupted_since is set when every started
-- assignment has stopped (open interruption, or ended waiting for a replacement): the latest such stop.
CREATE OR REPLACE VIEW case_facts_source AS
SELECT
  c.id AS case_id,
  c.received_date,
  c.application_date,
  c.acknowledged_date,
  i.started_date AS investigation_started_date,
  d.outcome AS decision_outcome,
  d.decision_date AS decision_date,
  d.end_date AS decision_end_date,
  o.sent_date AS ordered_date,
  o.confirmed_date AS order_confirmed_date,
  (SELECT min(f.offered_date) FROM offers f WHERE f.order_id = o.id) AS matching_started_date,
  x.executed_date,
  x.interrupted_since,
  LEAST(
    (SELECT min(f.date) FROM follow_ups f WHERE f.decision_id = d.id AND f.result = 'end'),
    x.ended_date
  ) AS ended_date,
  c.unit_id,
  c.responsible_user_id,
  p.last_name AS person_last_name,
  p.first_name AS person_first_name
FROM cases c
JOIN persons p ON p.id = c.person_id
LEFT JOIN investigations i ON i.case_id = c.id
LEFT JOIN LATERAL (
  SELECT dd.id, dd.outcome, dd.decision_date, dd.end_date
  FROM decisions dd
  WHERE dd.case_id = c.id AND dd.state = 'decided'
  ORDER BY dd.decision_date DESC, dd.created_at DESC
  LIMIT 1
) d ON true
LEFT JOIN LATERAL (
  SELECT oo.id, oo.sent_date, oo.confirmed_date
  FROM orders oo
  WHERE oo.case_id = c.id
  ORDER BY oo.sent_date DESC, oo.created_at DESC
  LIMIT 1
) o ON true
LEFT JOIN LATERAL (
  SELECT
    min(s.start_date) AS executed_date,
    min(s.end_date) FILTER (WHERE s.end_reason IN ('person_wish', 'decision_ended', 'moved', 'deceased')) AS ended_date,
    CASE WHEN count(*) > 0 AND bool_and(s.stop IS NOT NULL) THEN max(s.stop) END AS interrupted_since
  FROM (
    SELECT a.start_date, a.end_date, a.end_reason,
      LEAST(
        (SELECT min(ai.from_date) FROM assignment_interruptions ai WHERE ai.assignment_id = a.id AND ai.resumed_date IS NULL),
        a.end_date + 1
      ) AS stop
    FROM assignments a
    WHERE a.order_id = o.id AND a.start_date IS NOT NULL
  ) s
) x ON true;
--> statement-breakpoint
SELECT track_case_facts('offers', 'SELECT case_id FROM changed');
--> statement-breakpoint
SELECT track_case_facts('assignments', 'SELECT case_id FROM changed');
--> statement-breakpoint
SELECT track_case_facts('assignment_interruptions', 'SELECT a.case_id FROM changed x JOIN assignments a ON a.id = x.assignment_id');
--> statement-breakpoint
-- Executed and interrupted count from their day: an end recorded ahead of time stops the assignment only then.
CREATE OR REPLACE FUNCTION case_status(f case_facts, today date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN f.ended_date <= today THEN 'ended'
    WHEN f.decision_outcome IS NOT NULL THEN CASE
      WHEN f.decision_outcome = 'rejected' THEN 'rejected'
      WHEN f.decision_end_date < today THEN 'expired'
      WHEN f.interrupted_since <= today THEN 'interrupted'
      WHEN f.executed_date <= today THEN 'executed'
      WHEN f.matching_started_date IS NOT NULL THEN 'matching'
      WHEN f.order_confirmed_date IS NOT NULL THEN 'order_confirmed'
      WHEN f.ordered_date IS NOT NULL THEN 'ordered'
      ELSE 'granted'
    END
    WHEN f.investigation_started_date IS NOT NULL THEN 'under_investigation'
    WHEN f.application_date IS NULL THEN 'referral'
    WHEN f.acknowledged_date IS NOT NULL THEN 'acknowledged'
    ELSE 'requested'
  END
$$;
