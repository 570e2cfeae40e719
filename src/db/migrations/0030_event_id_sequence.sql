CREATE SEQUENCE "public"."events_id_seq" INCREMENT BY 1 MINVALUE 0 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
-- Ids go on after the last one event_head handed out; set as called, so its last value is never null (0 on a fresh database).
SELECT setval('"public"."events_id_seq"', (SELECT greatest("last_id", (SELECT coalesce(max("id"), 0) FROM "events")) FROM "event_head" WHERE "id" = 1), true);--> statement-breakpoint
ALTER TABLE "event_head" DROP COLUMN "last_id";
