CREATE TABLE "cp_report_cancellations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"date" date NOT NULL,
	"cancelled_by" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "cp_report_expenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"amount_ore" integer NOT NULL,
	"description" text NOT NULL,
	"receipt_id" uuid,
	CONSTRAINT "cp_report_expenses_amount_chk" CHECK ("cp_report_expenses"."amount_ore" between 1 and 5000000)
);
--> statement-breakpoint
CREATE TABLE "cp_report_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"date" date NOT NULL,
	"minutes" integer NOT NULL,
	"activity" text NOT NULL,
	CONSTRAINT "cp_report_meetings_minutes_chk" CHECK ("cp_report_meetings"."minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "cp_report_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cp_report_receipts_size_chk" CHECK ("cp_report_receipts"."size_bytes" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "cp_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"provider_unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"message" text,
	"submitted_at" timestamp with time zone,
	"submitted_on" date,
	"first_submitted_on" date,
	"submitted_by" uuid,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"return_comment" text,
	"deviation_note" text,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cp_reports_month_chk" CHECK ("cp_reports"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "cp_reports_submitted_chk" CHECK ("cp_reports"."status" = 'draft' or "cp_reports"."submitted_at" is not null),
	CONSTRAINT "cp_reports_approved_chk" CHECK (("cp_reports"."status" = 'approved') = ("cp_reports"."approved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "portal_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"report_due_day" integer DEFAULT 5 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "portal_settings_single_row" CHECK ("portal_settings"."id" = 1),
	CONSTRAINT "portal_settings_due_day_chk" CHECK ("portal_settings"."report_due_day" between 1 and 28)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "contact_person_id" uuid;--> statement-breakpoint
ALTER TABLE "cp_report_cancellations" ADD CONSTRAINT "cp_report_cancellations_report_id_cp_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."cp_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_report_expenses" ADD CONSTRAINT "cp_report_expenses_report_id_cp_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."cp_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_report_expenses" ADD CONSTRAINT "cp_report_expenses_receipt_id_cp_report_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."cp_report_receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_report_meetings" ADD CONSTRAINT "cp_report_meetings_report_id_cp_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."cp_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_report_receipts" ADD CONSTRAINT "cp_report_receipts_report_id_cp_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."cp_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_report_receipts" ADD CONSTRAINT "cp_report_receipts_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reports" ADD CONSTRAINT "cp_reports_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reports" ADD CONSTRAINT "cp_reports_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reports" ADD CONSTRAINT "cp_reports_provider_unit_id_units_id_fk" FOREIGN KEY ("provider_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reports" ADD CONSTRAINT "cp_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reports" ADD CONSTRAINT "cp_reports_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reports" ADD CONSTRAINT "cp_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cp_report_cancellations_report_idx" ON "cp_report_cancellations" USING btree ("report_id","date");--> statement-breakpoint
CREATE INDEX "cp_report_expenses_report_idx" ON "cp_report_expenses" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "cp_report_meetings_report_idx" ON "cp_report_meetings" USING btree ("report_id","date");--> statement-breakpoint
CREATE INDEX "cp_report_receipts_report_idx" ON "cp_report_receipts" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cp_reports_assignment_month_uq" ON "cp_reports" USING btree ("assignment_id","month");--> statement-breakpoint
CREATE INDEX "cp_reports_unit_status_idx" ON "cp_reports" USING btree ("provider_unit_id","status");--> statement-breakpoint
CREATE INDEX "cp_reports_contact_person_idx" ON "cp_reports" USING btree ("contact_person_id","month");--> statement-breakpoint
CREATE INDEX "cp_reports_month_idx" ON "cp_reports" USING btree ("month","status");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_contact_person_id_unique" UNIQUE("contact_person_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_contact_person_chk" CHECK (("users"."role" = 'kontaktperson') = ("users"."contact_person_id" is not null));--> statement-breakpoint
-- Hand-written: the platform's users table cannot name an area's table in Drizzle, so the key from a kontaktperson's
-- account to its contact person is added here.
ALTER TABLE "users" ADD CONSTRAINT "users_contact_person_id_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."contact_persons"("id") ON DELETE no action ON UPDATE no action;
