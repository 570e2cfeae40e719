import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { members, messages, messageSearch } from '../../db/schema.js';
import { notHiddenFor, withinHistoryOf } from './history.js';
import { presentMessages, type MessageDto } from './present.js';

/**
 * Full-text search (PostgreSQL, 'simple' configuration) over the messages of the actor's
 * conversations that they may read, newest first; deleted, hidden and end-to-end-encrypted
 * messages never match. Every word of the query must match. The query is parsed as plain
 * words (plainto_tsquery), never as operators: websearch_to_tsquery fails on some inputs
 * (50 dashes: "tsquery stack too small"), and a query of punctuation alone finds nothing.
 * The index (`message_search`) is written by the search indexer after the send (searchIndexer.ts),
 * so a message is found within about SEARCH_INDEX_INTERVAL_MS; the filters here read the message itself.
 */
export async function searchMessages(
  ex: Executor,
  actorId: string,
  q: { text: string; conversationId?: string; limit: number; before?: string },
): Promise<{ messages: MessageDto[]; nextCursor: string | null; hasMore: boolean }> {
  const mine = ex.select({ id: members.conversationId }).from(members).where(eq(members.userId, actorId));
  const found = await ex
    .select({ message: messages })
    .from(messages)
    .innerJoin(messageSearch, eq(messageSearch.messageId, messages.id))
    .where(
      and(
        inArray(messages.conversationId, mine),
        q.conversationId ? eq(messages.conversationId, q.conversationId) : undefined,
        sql`${messageSearch.tsv} @@ plainto_tsquery('simple', ${q.text})`,
        isNull(messages.deletedAt),
        eq(messages.encrypted, false),
        notHiddenFor(actorId),
        withinHistoryOf(actorId),
        q.before ? lt(messages.id, q.before) : undefined,
      ),
    )
    .orderBy(desc(messages.id))
    .limit(q.limit + 1);
  const hasMore = found.length > q.limit;
  const page = found.slice(0, q.limit).map((r) => r.message);
  const dtos: MessageDto[] = [];
  // Status comes from each message's own conversation.
  for (const conversationId of new Set(page.map((m) => m.conversationId))) {
    dtos.push(
      ...(await presentMessages(
        ex,
        page.filter((m) => m.conversationId === conversationId),
      )),
    );
  }
  const order = new Map(page.map((m, i) => [m.id, i]));
  dtos.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { messages: dtos, nextCursor: hasMore ? page.at(-1)!.id : null, hasMore };
}
