import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Executor } from '../../db/connect.js';
import type { Relation } from './privacy.js';

/**
 * How `actorId` stands to each of `others`: themselves, a contact (they share a conversation:
 * WhatsApp's "my contacts"), and whether a block stands between them either way. What of their
 * presence that shows is `presenceShown` (privacy.ts), by their settings.
 */
export async function relationsAmong(ex: Executor, actorId: string, others: readonly string[]): Promise<Map<string, Relation>> {
  const ids = [...new Set(others)];
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: string; contact: boolean; blocked: boolean }>(
    ex,
    sql`select u.id::text as id,
          exists (select 1 from members theirs join members mine
                    on mine.conversation_id = theirs.conversation_id and mine.user_id = ${actorId}
                  where theirs.user_id = u.id) as contact,
          exists (select 1 from blocks b
                  where (b.blocker_id = ${actorId} and b.blocked_id = u.id)
                     or (b.blocker_id = u.id and b.blocked_id = ${actorId})) as blocked
        from unnest(${uuidArray(ids)}) as u(id)`,
  );
  return new Map(found.map((r) => [r.id, { self: r.id === actorId, contact: r.contact, blocked: r.blocked }]));
}

/** Of `userIds`, those `actorId` does not count as a contact (no shared conversation) or has a block with. */
export async function notContactsOf(ex: Executor, actorId: string, userIds: readonly string[]): Promise<Set<string>> {
  const relations = await relationsAmong(ex, actorId, userIds);
  return new Set([...relations].filter(([, r]) => !r.contact || r.blocked).map(([id]) => id));
}
