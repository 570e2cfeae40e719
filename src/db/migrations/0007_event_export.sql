CREATE TABLE "event_exports" (
	"name" text PRIMARY KEY NOT NULL,
	"last_id" bigint DEFAULT 0 NOT NULL,
	"owner" text,
	"locked_until" timestamp with time zone
);
