ALTER TABLE "conversations" ADD COLUMN "history_visibility" text DEFAULT 'joined' NOT NULL;--> statement-breakpoint
ALTER TABLE "member_periods" ADD COLUMN "from_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "joined_seq" integer DEFAULT 0 NOT NULL;