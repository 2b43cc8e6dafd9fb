ALTER TABLE "contact_persons" ADD COLUMN "recruitment_started" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "contact_persons_unapproved_idx" ON "contact_persons" USING btree ("applied_date","id","ended_date","recruitment_started") WHERE "contact_persons"."approved_date" is null;--> statement-breakpoint
CREATE INDEX "contact_persons_approved_idx" ON "contact_persons" USING btree ("applied_date","id","ended_date","capacity") WHERE "contact_persons"."approved_date" is not null;--> statement-breakpoint
CREATE INDEX "contact_persons_ended_idx" ON "contact_persons" USING btree ("applied_date","id") WHERE "contact_persons"."ended_date" is not null;--> statement-breakpoint
-- Backfill (hand-written, keep on regeneration): recruitment_started from the rows it summarises.
UPDATE "contact_persons" cp SET "recruitment_started" = true WHERE EXISTS (SELECT 1 FROM "cp_steps" s WHERE s."contact_person_id" = cp."id" AND s."status" <> 'pending') OR EXISTS (SELECT 1 FROM "cp_references" r WHERE r."contact_person_id" = cp."id") OR EXISTS (SELECT 1 FROM "cp_register_checks" c WHERE c."contact_person_id" = cp."id");
