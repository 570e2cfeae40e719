-- Inserts update the full-text index directly instead of through GIN's pending list: the list's
-- cleanup, run by whichever insert finds it full, stalled a batch of sends for ~100 ms
-- (benchmarks: p99 send → delivered 118 → 57 ms at the same rate, throughput −7 %).
ALTER INDEX "messages_search_idx" SET (fastupdate = off);
