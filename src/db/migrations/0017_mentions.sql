ALTER TABLE "conversations" ADD COLUMN "mention_all" text DEFAULT 'admins' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "notifications" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "muted_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "mention_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "mentions_all" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_mentions_idx" ON "messages" USING btree ("conversation_id","seq") WHERE mentions_all or cardinality(mention_user_ids) > 0;