DROP INDEX "persons_last_name_prefix_idx";--> statement-breakpoint
DROP INDEX "persons_first_name_prefix_idx";--> statement-breakpoint
DROP INDEX "persons_identity_prefix_idx";--> statement-breakpoint
CREATE INDEX "persons_last_first_idx" ON "persons" USING btree (lower("last_name") collate "C",lower("first_name") collate "C");--> statement-breakpoint
CREATE INDEX "persons_first_last_idx" ON "persons" USING btree (lower("first_name") collate "C",lower("last_name") collate "C");--> statement-breakpoint
CREATE INDEX "persons_identity_prefix_idx" ON "persons" USING btree ("identity_number" collate "C");