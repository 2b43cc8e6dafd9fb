CREATE TABLE "login_failures" (
	"user_id" uuid NOT NULL,
	"client_address" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "login_failures_user_id_client_address_pk" PRIMARY KEY("user_id","client_address")
);
--> statement-breakpoint
CREATE TABLE "protected_identity_grants" (
	"user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protected_identity_grants_user_id_unit_id_pk" PRIMARY KEY("user_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "documentation_within_working_days" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "privacy_info" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "failed_attempts_before" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_failed_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_failed_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "birth_date_partial" text;--> statement-breakpoint
ALTER TABLE "login_failures" ADD CONSTRAINT "login_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_identity_grants" ADD CONSTRAINT "protected_identity_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_identity_grants" ADD CONSTRAINT "protected_identity_grants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_identity_grants" ADD CONSTRAINT "protected_identity_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_failures_last_idx" ON "login_failures" USING btree ("last_failure_at");--> statement-breakpoint
CREATE INDEX "protected_identity_grants_unit_idx" ON "protected_identity_grants" USING btree ("unit_id");