CREATE TABLE "message_search" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"tsv" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_search" ADD CONSTRAINT "message_search_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand addition: the messages that exist stay searchable (before the index: one build beats a row-by-row insert).
INSERT INTO "message_search" ("message_id", "tsv")
SELECT "id", to_tsvector('simple', "text") FROM "messages"
WHERE "text" IS NOT NULL AND "deleted_at" IS NULL AND NOT "encrypted";--> statement-breakpoint
-- Hand addition: the indexer (src/features/messages/searchIndexer.ts) goes on from the log's head now, not from
-- wherever it first runs, so nothing committed in between (on a node not yet upgraded) is missed.
INSERT INTO "event_exports" ("name", "last_id")
VALUES ('search-index', coalesce(pg_sequence_last_value('events_id_seq'::regclass), 0)) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE INDEX "message_search_tsv_idx" ON "message_search" USING gin ("tsv") WITH (fastupdate=false);--> statement-breakpoint
-- Hand addition: the expression index the send kept up to date in its transaction (0003, 0011) gives way to the table.
DROP INDEX IF EXISTS "messages_search_idx";
