DROP INDEX "events_user_idx";--> statement-breakpoint
CREATE INDEX "events_user_idx" ON "events" USING btree ("user_id","id") WHERE user_id is not null;