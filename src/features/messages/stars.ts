import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { members, messages, stars } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { visibleMessage } from './access.js';
import { notHiddenFor, withinHistoryOf } from './history.js';
import { presentMessages, type MessageDto, type MessageRow } from './present.js';

export interface StarDto {
  message: MessageDto;
  starredAt: string;
}

/**
 * Stars a message for the actor alone: their other devices hear `message:starred` (a private
 * event, in their stream only). Starring it again changes nothing.
 */
export function starMessage(ctx: AppContext, actorId: string, messageId: string, origin?: string): Promise<Record<string, never>> {
  return ctx.run(async (tx, events) => {
    const { message } = await visibleMessage(tx, messageId, actorId);
    if (message.deletedAt) throw fail('message.deleted', 'the message was deleted');
    const [added] = await tx.insert(stars).values({ userId: actorId, messageId }).onConflictDoNothing().returning();
    if (!added) return {};
    const { conversationId } = message;
    events.add({
      type: 'message:starred',
      userId: actorId,
      conversationId,
      messageId,
      payload: { conversationId, messageId, starredAt: added.createdAt.toISOString() },
      origin,
    });
    return {};
  });
}

/** Takes the actor's star back (their other devices hear `message:unstarred`); not starred: nothing changes. */
export function unstarMessage(ctx: AppContext, actorId: string, messageId: string, origin?: string): Promise<Record<string, never>> {
  return ctx.run(async (tx, events) => {
    const { message } = await visibleMessage(tx, messageId, actorId);
    const removed = await tx
      .delete(stars)
      .where(and(eq(stars.userId, actorId), eq(stars.messageId, messageId)))
      .returning();
    if (removed.length === 0) return {};
    const { conversationId } = message;
    events.add({ type: 'message:unstarred', userId: actorId, conversationId, messageId, payload: { conversationId, messageId }, origin });
    return {};
  });
}

const starCursor = z.object({ t: z.number().int(), id: z.uuid() });
/** The star's time in microseconds, as stored (a Date would round it to milliseconds and skip or repeat rows). */
const starredMicros = sql<number>`(extract(epoch from ${stars.createdAt}) * 1000000)::bigint`;

/**
 * The actor's starred messages, the latest starred first, in pages: only those they may still
 * read (a member of the conversation, within its history, not deleted for them).
 */
export async function listStars(
  ex: Executor,
  actorId: string,
  page: { limit: number; cursor?: string },
): Promise<{ stars: StarDto[]; nextCursor: string | null; hasMore: boolean }> {
  const after = decodeCursor(page.cursor, starCursor);
  const found = await ex
    .select({ star: stars, message: messages, micros: starredMicros })
    .from(stars)
    .innerJoin(messages, eq(messages.id, stars.messageId))
    .innerJoin(members, and(eq(members.conversationId, messages.conversationId), eq(members.userId, actorId)))
    .where(
      and(
        eq(stars.userId, actorId),
        notHiddenFor(actorId),
        withinHistoryOf(actorId),
        after ? sql`(${starredMicros}, ${stars.messageId}) < (${after.t}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(stars.createdAt), desc(stars.messageId))
    .limit(page.limit + 1);
  const hasMore = found.length > page.limit;
  const shown = found.slice(0, page.limit);
  const dtos = await presentAcrossConversations(
    ex,
    shown.map((f) => f.message),
  );
  const last = shown.at(-1);
  return {
    stars: shown.map((f) => ({ message: dtos.get(f.message.id)!, starredAt: f.star.createdAt.toISOString() })),
    nextCursor: hasMore && last ? encodeCursor({ t: Number(last.micros), id: last.star.messageId }) : null,
    hasMore,
  };
}

/** presentMessages reads one conversation's watermarks: messages of many, one conversation at a time. */
async function presentAcrossConversations(ex: Executor, list: MessageRow[]): Promise<Map<string, MessageDto>> {
  const out = new Map<string, MessageDto>();
  for (const conversationId of new Set(list.map((m) => m.conversationId))) {
    for (const dto of await presentMessages(
      ex,
      list.filter((m) => m.conversationId === conversationId),
    )) {
      out.set(dto.id, dto);
    }
  }
  return out;
}
