-- The indexer writes message_search in batches off the send path, so GIN's pending list pays:
-- a batch's entries are appended, then merged in bulk (a third of the per-message cost of
-- inserting each into the tree, measured with pg_stat_statements under the pairs load). The list
-- is kept small so that the merge, run by the indexer batch that fills it, stays a few
-- milliseconds (on PGlite that statement shares the one connection with sends; see 0011).
ALTER INDEX "message_search_tsv_idx" SET (fastupdate = on, gin_pending_list_limit = 256);
