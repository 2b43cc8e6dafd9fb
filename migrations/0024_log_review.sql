CREATE TABLE "audit_review_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"mass_read_persons" integer DEFAULT 20 NOT NULL,
	"mass_read_minutes" integer DEFAULT 10 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_review_settings_single_row" CHECK ("audit_review_settings"."id" = 1),
	CONSTRAINT "audit_review_settings_limits" CHECK ("audit_review_settings"."mass_read_persons" between 2 and 10000 and "audit_review_settings"."mass_read_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "audit_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"audit_id" bigint NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"comment" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_signoffs" ADD CONSTRAINT "audit_signoffs_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_signoffs_finding_idx" ON "audit_signoffs" USING btree ("kind","audit_id");--> statement-breakpoint
CREATE INDEX "audit_signoffs_signed_idx" ON "audit_signoffs" USING btree ("signed_at");--> statement-breakpoint
CREATE INDEX "audit_person_reads_idx" ON "audit_log" USING btree ("occurred_at","actor_user_id","person_id","action") WHERE "audit_log"."person_id" is not null and "audit_log"."actor_user_id" is not null;