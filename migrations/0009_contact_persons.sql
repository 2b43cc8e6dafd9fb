CREATE TABLE "contact_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identity_number" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"district_id" uuid,
	"motivation" text,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"interests_other" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"travel" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"age_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_gender" text,
	"comfortable_with" text,
	"pets" boolean,
	"smokes" boolean,
	"allergies" text,
	"experience" text,
	"source" text NOT NULL,
	"applied_date" date NOT NULL,
	"privacy_accepted_at" timestamp with time zone,
	"approved_date" date,
	"approved_by" uuid,
	"ended_date" date,
	"end_reason" text,
	"end_note" text,
	"last_contact_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_persons_capacity_chk" CHECK ("contact_persons"."capacity" between 0 and 20),
	CONSTRAINT "contact_persons_end_chk" CHECK (("contact_persons"."ended_date" is null) = ("contact_persons"."end_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "cp_apply_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cp_check_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"law" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"max_age_months" integer NOT NULL,
	"required_registers" text[] NOT NULL,
	"reengagement_months" integer DEFAULT 12 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cp_check_rules_range" CHECK ("cp_check_rules"."valid_to" is null or "cp_check_rules"."valid_to" >= "cp_check_rules"."valid_from"),
	CONSTRAINT "cp_check_rules_age" CHECK ("cp_check_rules"."max_age_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "cp_districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cp_districts_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "cp_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cp_pauses_range" CHECK ("cp_pauses"."until_date" is null or "cp_pauses"."until_date" >= "cp_pauses"."from_date")
);
--> statement-breakpoint
CREATE TABLE "cp_payment_details" (
	"contact_person_id" uuid PRIMARY KEY NOT NULL,
	"clearing_number" text NOT NULL,
	"account_number" text NOT NULL,
	"bank_name" text NOT NULL,
	"tax_table" integer,
	"tax_column" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cp_portal_accounts" (
	"contact_person_id" uuid PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cp_portal_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cp_portal_invites_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "cp_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text,
	"phone" text,
	"contacted_date" date,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cp_register_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"shown_date" date NOT NULL,
	"extract_date" date NOT NULL,
	"registers" text[] NOT NULL,
	"law" text NOT NULL,
	"seen_by" uuid NOT NULL,
	"returned_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cp_register_checks_dates" CHECK ("cp_register_checks"."extract_date" <= "cp_register_checks"."shown_date")
);
--> statement-breakpoint
CREATE TABLE "cp_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"requirements" jsonb NOT NULL,
	"references_required" integer DEFAULT 2 NOT NULL,
	"register_check_scope" text DEFAULT 'children' NOT NULL,
	"interests" jsonb NOT NULL,
	"reminder_within_days" integer DEFAULT 30 NOT NULL,
	"last_contact_days" integer DEFAULT 90 NOT NULL,
	"disposal_months" integer DEFAULT 6 NOT NULL,
	"applications_per_hour" integer DEFAULT 5 NOT NULL,
	"min_fill_seconds" integer DEFAULT 5 NOT NULL,
	"form_secret" text DEFAULT gen_random_uuid()::text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cp_settings_single_row" CHECK ("cp_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "cp_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"booked_date" date,
	"booked_time" text,
	"location" text,
	"done_date" date,
	"notes" text,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_persons" ADD CONSTRAINT "contact_persons_district_id_cp_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."cp_districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_persons" ADD CONSTRAINT "contact_persons_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_pauses" ADD CONSTRAINT "cp_pauses_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_pauses" ADD CONSTRAINT "cp_pauses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_payment_details" ADD CONSTRAINT "cp_payment_details_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_portal_accounts" ADD CONSTRAINT "cp_portal_accounts_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_portal_invites" ADD CONSTRAINT "cp_portal_invites_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_portal_invites" ADD CONSTRAINT "cp_portal_invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_references" ADD CONSTRAINT "cp_references_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_references" ADD CONSTRAINT "cp_references_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_register_checks" ADD CONSTRAINT "cp_register_checks_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_register_checks" ADD CONSTRAINT "cp_register_checks_seen_by_users_id_fk" FOREIGN KEY ("seen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_steps" ADD CONSTRAINT "cp_steps_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_steps" ADD CONSTRAINT "cp_steps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_persons_identity_idx" ON "contact_persons" USING btree ("identity_number");--> statement-breakpoint
CREATE INDEX "contact_persons_name_idx" ON "contact_persons" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE INDEX "contact_persons_district_idx" ON "contact_persons" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "contact_persons_interests_idx" ON "contact_persons" USING gin ("interests");--> statement-breakpoint
CREATE INDEX "contact_persons_languages_idx" ON "contact_persons" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "contact_persons_availability_idx" ON "contact_persons" USING gin ("availability");--> statement-breakpoint
CREATE INDEX "contact_persons_applied_idx" ON "contact_persons" USING btree ("applied_date","id");--> statement-breakpoint
CREATE INDEX "contact_persons_open_idx" ON "contact_persons" USING btree ("approved_date","ended_date");--> statement-breakpoint
CREATE UNIQUE INDEX "cp_check_rules_from_uq" ON "cp_check_rules" USING btree ("law","valid_from");--> statement-breakpoint
CREATE INDEX "cp_pauses_cp_idx" ON "cp_pauses" USING btree ("contact_person_id");--> statement-breakpoint
CREATE INDEX "cp_portal_invites_cp_idx" ON "cp_portal_invites" USING btree ("contact_person_id");--> statement-breakpoint
CREATE INDEX "cp_references_cp_idx" ON "cp_references" USING btree ("contact_person_id");--> statement-breakpoint
CREATE INDEX "cp_register_checks_cp_idx" ON "cp_register_checks" USING btree ("contact_person_id","extract_date");--> statement-breakpoint
CREATE UNIQUE INDEX "cp_steps_kind_uq" ON "cp_steps" USING btree ("contact_person_id","kind");