import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Executor } from '../../db/connect.js';

/**
 * Per conversation, the messages after the actor's read watermark (and, in a group, after they
 * joined) that mention them by id or `all`: not their own, not deleted ones.
 */
export async function unreadMentionCounts(ex: Executor, actorId: string, conversationIds: string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const counts = await rows<{ conversation_id: string; n: number }>(
    ex,
    sql`select mine.conversation_id, count(*)::int as n
        from members mine
        join messages m on m.conversation_id = mine.conversation_id
          and m.seq > greatest(mine.last_read_seq, mine.joined_seq)
          and (m.mentions_all or cardinality(m.mention_user_ids) > 0)
          and (m.mentions_all or ${actorId}::uuid = any(m.mention_user_ids))
          and m.sender_id <> ${actorId} and m.deleted_at is null
        where mine.user_id = ${actorId} and mine.conversation_id = any(${uuidArray(conversationIds)})
        group by mine.conversation_id`,
  );
  return new Map(counts.map((c) => [c.conversation_id, Number(c.n)]));
}
