DROP INDEX "decisions_state_idx";--> statement-breakpoint
DROP INDEX "orders_case_idx";--> statement-breakpoint
CREATE INDEX "decisions_current_idx" ON "decisions" USING btree ("case_id","decision_date","created_at") WHERE state = 'decided';--> statement-breakpoint
CREATE INDEX "decisions_open_idx" ON "decisions" USING btree ("state") WHERE state <> 'decided';--> statement-breakpoint
CREATE INDEX "orders_case_idx" ON "orders" USING btree ("case_id","sent_date","created_at");