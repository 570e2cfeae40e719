import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { members, messages } from '../../db/schema.js';
import { presentMessages, statusFor, type MessageDto } from './present.js';

export interface HistoryQuery {
  limit: number;
  /** Messages with a smaller seq (paging back); the default is the latest page. */
  before?: number;
  /** Messages with a larger seq (catching up). */
  after?: number;
}

/** A page of a conversation's messages in ascending seq, with the cursor to continue in the same direction. */
export async function messageHistory(
  ex: Executor,
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
      ),
    )
    .orderBy(forward ? asc(messages.seq) : desc(messages.seq))
    .limit(q.limit + 1);
  const hasMore = found.length > q.limit;
  const page = found.slice(0, q.limit);
  if (!forward) page.reverse();
  const marks = page.length
    ? await ex
        .select({ userId: members.userId, lastReadSeq: members.lastReadSeq, lastDeliveredSeq: members.lastDeliveredSeq })
        .from(members)
        .where(eq(members.conversationId, conversationId))
    : [];
  const edge = forward ? page.at(-1) : page[0];
  return {
    messages: await presentMessages(ex, page, (m) => statusFor(m, marks)),
    nextCursor: hasMore && edge ? String(edge.seq) : null,
    hasMore,
  };
}
