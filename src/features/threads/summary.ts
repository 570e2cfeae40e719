import { MAX_THREAD_PARTICIPANTS } from '@parley/protocol';
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.js';
import { uuidArray } from '../../db/connect.js';
import { messages } from '../../db/schema.js';
import type { EventBatch } from '../../events/runCommand.js';
import { presentMessages } from '../messages/present.js';
import { withholdFromNonReaders } from '../messages/withhold.js';

/**
 * Rewrites the summaries of these roots from their replies (those not deleted for everyone) and
 * tells the members with a `message:updated` of each root, so sync replays the change (every socket
 * hears it, the replier's too: its ack carries the reply, not the root). Runs in the
 * transaction of the reply or of the deletion that changed it. Counting a thread again rather than
 * adding one stays right whatever is deleted, and a thread's replies are found by index.
 *
 * The conversation's row is key-share locked first: a send holds it for update while it writes its
 * summary, so a deletion waits for it here instead of deadlocking against it later (withhold.ts).
 */
export async function refreshThreads(tx: Tx, events: EventBatch, rootIds: readonly string[]): Promise<void> {
  const ids = [...new Set(rootIds)].sort();
  if (ids.length === 0) return;
  await tx.execute(
    sql`select 1 from conversations where id in (select conversation_id from messages where id = any(${uuidArray(ids)})) order by id for key share`,
  );
  await tx.execute(sql`
    insert into thread_summaries (root_id, reply_count, last_reply_id, last_reply_at, participant_ids)
    select r.id, s.n, s.last_id, s.last_at, coalesce(p.ids, '{}'::uuid[])
    from messages r
    cross join lateral (
      select count(*)::int as n, (array_agg(x.id order by x.seq desc))[1] as last_id, max(x.created_at) as last_at
      from messages x where x.thread_root_id = r.id and x.deleted_at is null) s
    cross join lateral (
      select array_agg(f.sender_id order by f.first) as ids from (
        select x.sender_id, min(x.seq) as first from messages x
        where x.thread_root_id = r.id and x.deleted_at is null
        group by x.sender_id order by min(x.seq) limit ${MAX_THREAD_PARTICIPANTS}) f) p
    where r.id = any(${uuidArray(ids)})
    on conflict (root_id) do update set reply_count = excluded.reply_count, last_reply_id = excluded.last_reply_id,
      last_reply_at = excluded.last_reply_at, participant_ids = excluded.participant_ids`);
  const roots = await tx.select().from(messages).where(inArray(messages.id, ids));
  for (const root of roots) {
    const [message] = await presentMessages(tx, [root]);
    events.add({ type: 'message:updated', conversationId: root.conversationId, messageId: root.id, payload: { message: message! } });
    await withholdFromNonReaders(tx, events, root);
  }
}
