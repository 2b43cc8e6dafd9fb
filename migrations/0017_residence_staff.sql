ALTER TABLE "contact_persons" ADD COLUMN "workplace" text;--> statement-breakpoint
ALTER TABLE "investigations" ADD COLUMN "residence_name" text;