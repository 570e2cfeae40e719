-- The single counter row that allocates event ids in commit order.
INSERT INTO "event_head" ("id", "last_id", "pruned_through") VALUES (1, 0, 0) ON CONFLICT DO NOTHING;
