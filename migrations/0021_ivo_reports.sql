CREATE TABLE "ivo_quarters" (
	"unit_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"frozen_by" uuid,
	"snapshot" text NOT NULL,
	"sha256" text NOT NULL,
	"reports" integer NOT NULL,
	CONSTRAINT "ivo_quarters_unit_id_quarter_pk" PRIMARY KEY("unit_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "ivo_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"decision_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"since" date NOT NULL,
	"consequences" text,
	"extra_reason" text,
	"submitted_date" date,
	"submitted_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ivo_reports_quarter_format" CHECK ("ivo_reports"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "ivo_stand_ins" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"stand_in" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ivo_stand_ins_stand_in_unique" UNIQUE("stand_in")
);
--> statement-breakpoint
ALTER TABLE "ivo_quarters" ADD CONSTRAINT "ivo_quarters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivo_quarters" ADD CONSTRAINT "ivo_quarters_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivo_reports" ADD CONSTRAINT "ivo_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivo_reports" ADD CONSTRAINT "ivo_reports_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivo_reports" ADD CONSTRAINT "ivo_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivo_reports" ADD CONSTRAINT "ivo_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivo_stand_ins" ADD CONSTRAINT "ivo_stand_ins_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ivo_reports_series_quarter" ON "ivo_reports" USING btree ("quarter","decision_id","kind","since");