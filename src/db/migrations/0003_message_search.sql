-- Full-text search over message text ('simple': no stemming, works for every language).
CREATE INDEX IF NOT EXISTS "messages_search_idx" ON "messages" USING gin (to_tsvector('simple', coalesce("text", '')));
