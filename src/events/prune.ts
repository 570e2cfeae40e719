import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/connect.js';
import { withoutEvents } from './withoutEvents.js';

/**
 * Deletes the oldest events, in id order, up to the first one younger than the retention.
 * `pruned_through` records how far it got, so an older sync cursor gets sync.cursor_expired
 * instead of a silently incomplete stream. Returns how many events were deleted.
 */
export async function pruneEvents(db: Db, retentionDays: number, batchSize = 5000): Promise<number> {
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  const [head] = await rows<{ pruned_through: number }>(db, sql`select pruned_through from event_head where id = 1`);
  let prunedThrough = Number(head!.pruned_through);
  let deleted = 0;
  for (;;) {
    const batch = await rows<{ id: number; old: boolean }>(
      db,
      sql`select id, created_at < ${cutoff} as old from events where id > ${prunedThrough} order by id limit ${batchSize}`,
    );
    let upTo = prunedThrough;
    for (const r of batch) {
      if (!r.old) break;
      upTo = Number(r.id);
    }
    if (upTo === prunedThrough) return deleted;
    const from = prunedThrough;
    // Ids have holes (rolled back): count what was deleted, not the span.
    deleted += await withoutEvents(db, async (tx) => {
      const gone = await rows<{ n: number }>(
        tx,
        sql`with d as (delete from events where id > ${from} and id <= ${upTo} returning 1) select count(*)::int as n from d`,
      );
      await tx.execute(sql`delete from member_periods where to_event is not null and to_event <= ${upTo}`);
      await tx.execute(sql`update event_head set pruned_through = greatest(pruned_through, ${upTo}) where id = 1`);
      return Number(gone[0]!.n);
    });
    prunedThrough = upTo;
    if (batch.length < batchSize && upTo === Number(batch.at(-1)!.id)) return deleted;
  }
}
