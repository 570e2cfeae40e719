import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { reactions } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { assertNotBlockedInDirect } from '../users/blocks.js';
import { visibleMessage } from './access.js';
import { reactionsOf, type MessageDto } from './present.js';
import { withholdFromNonReaders } from './withhold.js';

/**
 * Sets (emoji) or removes (null) the actor's one reaction to a message; members hear `reaction:updated`.
 * Across a block in a direct chat a reaction is refused like a send; taking one back is allowed.
 */
export function setReaction(
  ctx: AppContext,
  actorId: string,
  messageId: string,
  value: string | null,
  origin?: string,
): Promise<{ reactions: MessageDto['reactions'] }> {
  return ctx.run(async (tx, events) => {
    const { message, conversationType } = await visibleMessage(tx, messageId, actorId, true);
    if (value !== null) await assertNotBlockedInDirect(tx, { id: message.conversationId, type: conversationType }, actorId);
    if (message.deletedAt) throw fail('message.deleted', 'the message was deleted');
    if (value === null) {
      const removed = await tx
        .delete(reactions)
        .where(and(eq(reactions.messageId, messageId), eq(reactions.userId, actorId)))
        .returning({ userId: reactions.userId });
      // Nothing to remove: nothing changed, so nothing to record or tell anyone.
      if (removed.length === 0) return { reactions: (await reactionsOf(tx, [messageId])).get(messageId) ?? [] };
    } else {
      await tx
        .insert(reactions)
        .values({ messageId, userId: actorId, emoji: value })
        .onConflictDoUpdate({ target: [reactions.messageId, reactions.userId], set: { emoji: value, createdAt: new Date() } });
    }
    const list = (await reactionsOf(tx, [messageId])).get(messageId) ?? [];
    events.add({
      type: 'reaction:updated',
      conversationId: message.conversationId,
      messageId,
      payload: { conversationId: message.conversationId, messageId, reactions: list },
      origin,
    });
    await withholdFromNonReaders(tx, events, message);
    return { reactions: list };
  });
}
