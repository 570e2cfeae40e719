import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/connect.js';
import { eventHead } from './read.js';

/**
 * Deletes the oldest events, in id order, up to the first one younger than the retention.
 * `pruned_through` records how far it got, so an older sync cursor gets sync.cursor_expired
 * instead of a silently incomplete stream. Returns how many events were deleted.
 */
export async function pruneEvents(db: Db, retentionDays: number, batchSize = 5000): Promise<number> {
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  let { prunedThrough } = await eventHead(db);
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
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from events where id > ${from} and id <= ${upTo}`);
      await tx.execute(sql`delete from member_periods where to_event is not null and to_event <= ${upTo}`);
      await tx.execute(sql`update event_head set pruned_through = greatest(pruned_through, ${upTo}) where id = 1`);
    });
    deleted += upTo - from;
    prunedThrough = upTo;
    if (batch.length < batchSize && upTo === Number(batch.at(-1)!.id)) return deleted;
  }
}
