import { sql } from 'drizzle-orm';
import { jsonRows, rows, type Executor } from '../../db/connect.js';
import { memberKey } from './lockAndReadForSends.js';

/**
 * Per conversation, the messages after the actor's read watermark (and, in a group, after they
 * joined) that mention them by id or `all`: not their own, not deleted ones.
 */
export async function unreadMentionCounts(ex: Executor, actorId: string, conversationIds: string[]): Promise<Map<string, number>> {
  const counts = await unreadMentionCountsOf(
    ex,
    conversationIds.map((conversationId) => ({ conversationId, userId: actorId })),
  );
  return new Map(conversationIds.map((id) => [id, counts.get(memberKey(id, actorId)) ?? 0]));
}

/** The same for any members of any conversations, in one statement: by `memberKey`, absent when none. */
export async function unreadMentionCountsOf(
  ex: Executor,
  members: readonly { conversationId: string; userId: string }[],
): Promise<Map<string, number>> {
  if (members.length === 0) return new Map();
  const counts = await rows<{ conversation_id: string; user_id: string; n: number }>(
    ex,
    sql`select mine.conversation_id, mine.user_id, count(*)::int as n
        from jsonb_to_recordset(${jsonRows(members.map(({ conversationId, userId }) => ({ conversationId, userId })))})
          as v("conversationId" uuid, "userId" uuid)
        join members mine on mine.conversation_id = v."conversationId" and mine.user_id = v."userId"
        join messages m on m.conversation_id = mine.conversation_id
          and m.seq > greatest(mine.last_read_seq, mine.joined_seq)
          and (m.mentions_all or cardinality(m.mention_user_ids) > 0)
          and (m.mentions_all or mine.user_id = any(m.mention_user_ids))
          and m.sender_id <> mine.user_id and m.deleted_at is null
        group by mine.conversation_id, mine.user_id`,
  );
  return new Map(counts.map((c) => [memberKey(c.conversation_id, c.user_id), Number(c.n)]));
}
