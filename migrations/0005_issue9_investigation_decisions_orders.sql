CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"received_date" date NOT NULL,
	"forwarded_date" date,
	"outcome" text,
	"outcome_date" date,
	"new_decision_id" uuid,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"previous_decision_id" uuid,
	"succession" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"outcome" text NOT NULL,
	"requested" text,
	"reasons" text NOT NULL,
	"legal_basis_id" uuid NOT NULL,
	"decision_date" date NOT NULL,
	"scope_unit" text,
	"scope_amount" integer,
	"level" text,
	"contact_person_count" integer,
	"start_date" date,
	"end_date" date,
	"period_reason" text,
	"home_care_tariff" boolean DEFAULT false NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"decided_by" uuid,
	"sent_date" date,
	"notified_date" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_scope_chk" CHECK ("decisions"."scope_amount" is null or "decisions"."scope_amount" between 1 and 200),
	CONSTRAINT "decisions_contact_persons_chk" CHECK ("decisions"."contact_person_count" is null or "decisions"."contact_person_count" between 1 and 5),
	CONSTRAINT "decisions_period_chk" CHECK ("decisions"."end_date" is null or "decisions"."start_date" is null or "decisions"."end_date" >= "decisions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"date" date NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"time" text NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"place" text,
	"person_takes_part" boolean DEFAULT true NOT NULL,
	"representative" text,
	"interpreter_language" text,
	"other_participants" text,
	"state" text DEFAULT 'booked' NOT NULL,
	"replaced_by_id" uuid,
	"change_reason" text,
	"booked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investigation_bookings_duration_chk" CHECK ("investigation_bookings"."duration_minutes" between 5 and 600)
);
--> statement-breakpoint
CREATE TABLE "investigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"started_date" date NOT NULL,
	"need_in_own_words" text,
	"assessment" text,
	"other_sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"living_situation" text,
	"living_situation_note" text,
	"household_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"personkrets_group" integer,
	"personkrets_documentation" text,
	"personkrets_documentation_date" date,
	"sol_criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sol_exclusions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"wished_gender" text,
	"wished_gender_required" boolean DEFAULT false NOT NULL,
	"wished_age_min" integer,
	"wished_age_max" integer,
	"wished_interests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"wished_languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"wishes_other" text,
	"warning_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed_date" date,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investigations_case_id_unique" UNIQUE("case_id"),
	CONSTRAINT "investigations_personkrets_group_chk" CHECK ("investigations"."personkrets_group" is null or "investigations"."personkrets_group" between 1 and 3),
	CONSTRAINT "investigations_wished_age_chk" CHECK ("investigations"."wished_age_min" is null or "investigations"."wished_age_max" is null or "investigations"."wished_age_min" <= "investigations"."wished_age_max")
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"text" text,
	"by_user" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"provider_unit_id" uuid NOT NULL,
	"sent_date" date NOT NULL,
	"sent_by" uuid,
	"information" text,
	"confirmed_date" date,
	"confirmed_by" uuid,
	"returned_at" timestamp with time zone,
	"return_question" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_decision_id_unique" UNIQUE("decision_id"),
	CONSTRAINT "orders_confirmed_after_sent" CHECK ("orders"."confirmed_date" is null or "orders"."confirmed_date" >= "orders"."sent_date")
);
--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "sol_min_age" integer DEFAULT 19 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "sol_criteria" jsonb;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "sol_exclusions" jsonb;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "decision_max_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "delegation_max_hours_per_month" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "delegation_max_contact_persons" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "monthly_hours_per_weekly_meeting_min" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "monthly_hours_per_weekly_meeting_max" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "scope_levels" jsonb;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "order_confirm_within_working_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "follow_up_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "ending_window_days" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_new_decision_id_decisions_id_fk" FOREIGN KEY ("new_decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_legal_basis_id_legal_bases_id_fk" FOREIGN KEY ("legal_basis_id") REFERENCES "public"."legal_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_bookings" ADD CONSTRAINT "investigation_bookings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_bookings" ADD CONSTRAINT "investigation_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_provider_unit_id_units_id_fk" FOREIGN KEY ("provider_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_decision_idx" ON "appeals" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decisions_case_idx" ON "decisions" USING btree ("case_id","decision_date");--> statement-breakpoint
CREATE INDEX "decisions_state_idx" ON "decisions" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_one_first" ON "decisions" USING btree ("case_id") WHERE previous_decision_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_one_successor" ON "decisions" USING btree ("previous_decision_id") WHERE previous_decision_id is not null;--> statement-breakpoint
CREATE INDEX "follow_ups_decision_idx" ON "follow_ups" USING btree ("decision_id","date");--> statement-breakpoint
CREATE INDEX "investigation_bookings_case_idx" ON "investigation_bookings" USING btree ("case_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "investigation_bookings_one_current" ON "investigation_bookings" USING btree ("case_id") WHERE state = 'booked';--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_provider_idx" ON "orders" USING btree ("provider_unit_id","sent_date");--> statement-breakpoint
CREATE INDEX "orders_case_idx" ON "orders" USING btree ("case_id");