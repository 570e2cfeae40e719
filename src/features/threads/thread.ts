import { and, eq, gt, ne, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { messages, threadReads } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { visibleMessage } from '../messages/access.js';
import { messageHistory, notHiddenFor, withinHistoryOf, type HistoryQuery } from '../messages/history.js';
import { presentMessages, type MessageDto } from '../messages/present.js';

export interface ThreadReadState {
  /** The last reply's seq the caller has read in this thread (0: none). */
  lastReadSeq: number;
  /** Others' replies after it that the caller may read. */
  unreadCount: number;
}

export interface ThreadPage extends ThreadReadState {
  root: MessageDto;
  messages: MessageDto[];
  nextCursor: string | null;
  hasMore: boolean;
}

/**
 * A page of a thread's replies (ascending seq, paged as the history is), with its root and the
 * caller's read state. The root must be a message the caller may read (members only, the group's
 * history rule, not deleted for them): otherwise 404 as for any message; a reply has no thread.
 */
export async function listThread(ex: Executor, actorId: string, rootId: string, q: HistoryQuery): Promise<ThreadPage> {
  const { message } = await visibleMessage(ex, rootId, actorId);
  if (message.threadRootId !== null) throw fail('thread.root_invalid', 'a reply in a thread has no thread of its own');
  const [root] = await presentMessages(ex, [message]);
  const page = await messageHistory(ex, actorId, message.conversationId, { ...q, threadRootId: rootId });
  return { root: root!, ...page, ...(await threadReadState(ex, actorId, rootId)) };
}

/**
 * Moves the caller's read mark of a thread forward to `upToSeq` (or to its last reply); it never
 * moves back. Private to the caller: their devices hear `thread:read` when it moved, no one else.
 */
export function markThreadRead(ctx: AppContext, actorId: string, rootId: string, upToSeq?: number): Promise<ThreadReadState> {
  return ctx.run(async (tx, events) => {
    const { message } = await visibleMessage(tx, rootId, actorId);
    if (message.threadRootId !== null) throw fail('thread.root_invalid', 'a reply in a thread has no thread of its own');
    const [last] = await tx
      .select({ seq: sql<number>`coalesce(max(${messages.seq}), 0)::int` })
      .from(messages)
      .where(eq(messages.threadRootId, rootId));
    const seq = Math.min(upToSeq ?? Number(last!.seq), Number(last!.seq));
    const [moved] = await tx
      .insert(threadReads)
      .values({ rootId, userId: actorId, lastReadSeq: seq })
      .onConflictDoUpdate({
        target: [threadReads.rootId, threadReads.userId],
        set: { lastReadSeq: seq },
        setWhere: sql`${threadReads.lastReadSeq} < ${seq}`,
      })
      .returning({ lastReadSeq: threadReads.lastReadSeq });
    if (moved) {
      const { conversationId } = message;
      events.add({
        type: 'thread:read',
        userId: actorId,
        conversationId,
        messageId: rootId,
        payload: { conversationId, rootId, lastReadSeq: moved.lastReadSeq },
      });
    }
    return threadReadState(tx, actorId, rootId);
  });
}

async function threadReadState(ex: Executor, actorId: string, rootId: string): Promise<ThreadReadState> {
  const [mark] = await ex
    .select({ seq: threadReads.lastReadSeq })
    .from(threadReads)
    .where(and(eq(threadReads.rootId, rootId), eq(threadReads.userId, actorId)));
  const lastReadSeq = mark?.seq ?? 0;
  const [unread] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(
      and(
        eq(messages.threadRootId, rootId),
        gt(messages.seq, lastReadSeq),
        ne(messages.senderId, actorId),
        isNull(messages.deletedAt),
        notHiddenFor(actorId),
        withinHistoryOf(actorId),
      ),
    );
  return { lastReadSeq, unreadCount: Number(unread!.n) };
}
