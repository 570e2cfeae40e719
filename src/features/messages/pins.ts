import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor, Tx } from '../../db/connect.js';
import { conversations, messages, pins } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { recordSystemMessages } from '../groups/membership.js';
import { assertNotBlockedInDirect } from '../users/blocks.js';
import { visibleMessage, type MessageAccess } from './access.js';
import { notHiddenFor, withinHistoryOf } from './history.js';
import { presentMessages, type MessageDto } from './present.js';
import { withholdFromNonReaders } from './withhold.js';

/** Most messages one conversation keeps pinned; pinning one more is `pin.limit_reached`. */
export const MAX_PINS_PER_CONVERSATION = 50;

export interface PinDto {
  message: MessageDto;
  pinnedBy: string;
  pinnedAt: string;
}

/**
 * Pins a message of the conversation for every member: they hear `message:pinned` and a system
 * message records it. Who may: both people of a direct chat; in a group, as its `pinPermission`
 * says. Pinning a pinned message again changes nothing.
 */
export function pinMessage(ctx: AppContext, actorId: string, messageId: string, origin?: string): Promise<PinDto> {
  return ctx.run(async (tx, events) => {
    const access = await lockForPinning(tx, messageId, actorId);
    const { message } = access;
    const [existing] = await tx.select().from(pins).where(eq(pins.messageId, messageId));
    if (existing) return (await presentPins(tx, [existing]))[0]!;
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(pins)
      .where(eq(pins.conversationId, message.conversationId));
    if (Number(count) >= MAX_PINS_PER_CONVERSATION) {
      throw fail('pin.limit_reached', `a conversation keeps at most ${MAX_PINS_PER_CONVERSATION} pinned messages`);
    }
    const [pin] = await tx.insert(pins).values({ messageId, conversationId: message.conversationId, pinnedBy: actorId }).returning();
    events.add({
      type: 'message:pinned',
      conversationId: message.conversationId,
      messageId,
      payload: { conversationId: message.conversationId, messageId, pinnedBy: actorId, pinnedAt: pin!.createdAt.toISOString() },
      origin,
    });
    await withholdFromNonReaders(tx, events, message);
    await recordSystemMessages(tx, events, message.conversationId, [{ action: 'message_pinned', actorId, messageId }]);
    return (await presentPins(tx, [pin!]))[0]!;
  });
}

/** Unpins it (the same people as may pin); members hear `message:unpinned`. Not pinned: nothing changes. */
export function unpinMessage(ctx: AppContext, actorId: string, messageId: string, origin?: string): Promise<Record<string, never>> {
  return ctx.run(async (tx, events) => {
    const { message } = await lockForPinning(tx, messageId, actorId, true);
    const removed = await tx.delete(pins).where(eq(pins.messageId, messageId)).returning();
    if (removed.length === 0) return {};
    events.add({
      type: 'message:unpinned',
      conversationId: message.conversationId,
      messageId,
      payload: { conversationId: message.conversationId, messageId, unpinnedBy: actorId },
      origin,
    });
    await withholdFromNonReaders(tx, events, message);
    return {};
  });
}

/**
 * The conversation's row first (as sends and the retention purge lock it, so none of them
 * deadlock with a pin), then the message, if the actor may see it, and the group's rule.
 */
async function lockForPinning(tx: Tx, messageId: string, actorId: string, unpinning = false): Promise<MessageAccess> {
  const [of] = await tx.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.id, messageId));
  if (!of) throw fail('message.not_found');
  const [conversation] = await tx
    .select({ pinPermission: conversations.pinPermission })
    .from(conversations)
    .where(eq(conversations.id, of.conversationId))
    .for('update');
  const access = await visibleMessage(tx, messageId, actorId, true);
  if (!unpinning) {
    await assertNotBlockedInDirect(tx, { id: of.conversationId, type: access.conversationType }, actorId);
    if (access.message.deletedAt) throw fail('message.deleted', 'the message was deleted');
  }
  const isAdmin = access.role === 'owner' || access.role === 'admin';
  if (access.conversationType === 'group' && conversation?.pinPermission === 'admins' && !isAdmin) {
    throw fail('group.not_admin', 'only the owner and admins can pin messages in this group');
  }
  return access;
}

/** The conversation's pinned messages that the actor may read, the latest pinned first (at most MAX_PINS_PER_CONVERSATION). */
export async function listPins(ex: Executor, actorId: string, conversationId: string): Promise<PinDto[]> {
  const found = await ex
    .select({ pin: pins })
    .from(pins)
    .innerJoin(messages, eq(messages.id, pins.messageId))
    .where(and(eq(pins.conversationId, conversationId), notHiddenFor(actorId), withinHistoryOf(actorId)))
    .orderBy(desc(pins.createdAt), desc(pins.messageId));
  return presentPins(
    ex,
    found.map((f) => f.pin),
  );
}

async function presentPins(ex: Executor, list: (typeof pins.$inferSelect)[]): Promise<PinDto[]> {
  if (list.length === 0) return [];
  const rows = await ex
    .select()
    .from(messages)
    .where(
      inArray(
        messages.id,
        list.map((p) => p.messageId),
      ),
    );
  const shown = new Map((await presentMessages(ex, rows)).map((m) => [m.id, m]));
  return list.map((p) => ({ message: shown.get(p.messageId)!, pinnedBy: p.pinnedBy, pinnedAt: p.createdAt.toISOString() }));
}
