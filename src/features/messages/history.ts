import { and, asc, desc, eq, gt, lt, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { messages } from '../../db/schema.js';
import { conversationWatermarks, presentMessages, statusFor, type MessageDto } from './present.js';

export interface HistoryQuery {
  limit: number;
  /** Messages with a smaller seq (paging back); the default is the latest page. */
  before?: number;
  /** Messages with a larger seq (catching up). */
  after?: number;
  /** Only the replies in this root's thread (src/features/threads). */
  threadRootId?: string;
}

/** A page of a conversation's messages in ascending seq, with the cursor to continue in the same direction. */
export async function messageHistory(
  ex: Executor,
  actorId: string,
  conversationId: string,
  q: HistoryQuery,
): Promise<{ messages: MessageDto[]; nextCursor: string | null; hasMore: boolean }> {
  const forward = q.after !== undefined;
  const found = await ex
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        forward ? gt(messages.seq, q.after!) : q.before !== undefined ? lt(messages.seq, q.before) : undefined,
        q.threadRootId !== undefined ? eq(messages.threadRootId, q.threadRootId) : undefined,
        notHiddenFor(actorId),
        withinHistoryOf(actorId),
      ),
    )
    .orderBy(forward ? asc(messages.seq) : desc(messages.seq))
    .limit(q.limit + 1);
  const hasMore = found.length > q.limit;
  const page = found.slice(0, q.limit);
  if (!forward) page.reverse();
  const marks = page.length ? await conversationWatermarks(ex, conversationId) : [];
  const edge = forward ? page.at(-1) : page[0];
  return {
    messages: await presentMessages(ex, page, (m) => statusFor(m, marks)),
    nextCursor: hasMore && edge ? String(edge.seq) : null,
    hasMore,
  };
}

/**
 * What a member may read of a conversation: in a group whose history is 'joined', only the
 * messages after the point they (last) joined; otherwise all of it. Not a member: nothing.
 */
export const withinHistoryOf = (actorId: string) =>
  sql`${messages.seq} > (select case when c.type = 'group' and c.history_visibility = 'joined' then m.joined_seq else 0 end
        from members m join conversations c on c.id = m.conversation_id
        where m.conversation_id = ${messages.conversationId} and m.user_id = ${actorId})`;

/**
 * Messages the actor deleted "for me" stay out of everything they read; so do disappearing messages
 * past their `expiresAt`, before the sweep (src/features/disappearing) deletes them.
 */
export const notHiddenFor = (actorId: string) =>
  and(notExists(sql`(select 1 from hidden_messages h where h.message_id = ${messages.id} and h.user_id = ${actorId})`), notExpired);

/** Not a disappearing message whose time has come. */
export const notExpired = sql`(${messages.expiresAt} is null or ${messages.expiresAt} > now())`;
