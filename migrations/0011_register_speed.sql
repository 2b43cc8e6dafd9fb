ALTER TABLE "contact_persons" ADD COLUMN "recruitment_started" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Backfill (hand-written, keep on regeneration): recruitment_started from the rows it summarises.
UPDATE "contact_persons" cp SET "recruitment_started" = true WHERE EXISTS (SELECT 1 FROM "cp_steps" s WHERE s."contact_person_id" = cp."id" AND s."status" <> 'pending') OR EXISTS (SELECT 1 FROM "cp_references" r WHERE r."contact_person_id" = cp."id") OR EXISTS (SELECT 1 FROM "cp_register_checks" c WHERE c."contact_person_id" = cp."id");
