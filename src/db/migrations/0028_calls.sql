CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"caller_id" uuid NOT NULL,
	"callee_id" uuid NOT NULL,
	"media" text NOT NULL,
	"status" text NOT NULL,
	"end_reason" text,
	"caller_socket" text NOT NULL,
	"callee_socket" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ring_until" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calls_live_caller_idx" ON "calls" USING btree ("caller_id") WHERE status <> 'ended';--> statement-breakpoint
CREATE INDEX "calls_live_callee_idx" ON "calls" USING btree ("callee_id") WHERE status <> 'ended';--> statement-breakpoint
CREATE INDEX "calls_ringing_idx" ON "calls" USING btree ("ring_until") WHERE status = 'ringing';