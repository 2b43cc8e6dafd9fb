ALTER TABLE "municipality" ADD COLUMN "documentation_within_working_days" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "privacy_info" text;