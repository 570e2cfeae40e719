import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Executor } from '../../db/connect.js';

/**
 * Of `others`, those whose presence (online, last active) `actorId` may see: themselves, and
 * people who share a conversation with them (WhatsApp's "my contacts"), unless a block stands
 * between them either way. Everyone else sees `isOnline: false, lastActive: null`.
 */
export async function presenceVisibleAmong(ex: Executor, actorId: string, others: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(others)];
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: string }>(
    ex,
    sql`select u.id::text as id from unnest(${uuidArray(ids)}) as u(id)
        where u.id = ${actorId}
           or (exists (select 1 from members theirs join members mine
                         on mine.conversation_id = theirs.conversation_id and mine.user_id = ${actorId}
                       where theirs.user_id = u.id)
               and not exists (select 1 from blocks b
                               where (b.blocker_id = ${actorId} and b.blocked_id = u.id)
                                  or (b.blocker_id = u.id and b.blocked_id = ${actorId})))`,
  );
  return new Set(found.map((r) => r.id));
}
