CREATE TABLE "link_previews" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"found" boolean NOT NULL,
	"title" text,
	"description" text,
	"site_name" text,
	"image_media_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "link_previews" ADD CONSTRAINT "link_previews_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_previews" ADD CONSTRAINT "link_previews_image_media_id_media_id_fk" FOREIGN KEY ("image_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Hand addition: media reads look up whether an image is a preview's (src/features/media/download.ts).
CREATE INDEX "link_previews_image_idx" ON "link_previews" USING btree ("image_media_id") WHERE "image_media_id" IS NOT NULL;