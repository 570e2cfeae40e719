import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { reactions } from '../../db/schema.js';
import { runCommand } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { assertNotBlockedInDirect } from '../users/blocks.js';
import { visibleMessage } from './access.js';
import { reactionsOf, type MessageDto } from './present.js';
import { withholdFromNonReaders } from './withhold.js';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Exactly one emoji (one grapheme that is pictographic or a flag). */
export const emoji = z
  .string()
  .min(1)
  .max(32)
  .refine(
    (s) => [...graphemes.segment(s)].length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s),
    'must be a single emoji',
  );

/**
 * Sets (emoji) or removes (null) the user's one reaction to a message; members hear `reaction:updated`.
 * Across a block in a direct chat a reaction is refused like a send; taking one back is allowed.
 */
export function setReaction(
  ctx: AppContext,
  userId: string,
  messageId: string,
  value: string | null,
  origin?: string,
): Promise<{ reactions: MessageDto['reactions'] }> {
  return runCommand(ctx.db, ctx.emitter, async (tx, events) => {
    const { message, conversationType } = await visibleMessage(tx, messageId, userId, true);
    if (value !== null) await assertNotBlockedInDirect(tx, { id: message.conversationId, type: conversationType }, userId);
    if (message.deletedAt) throw fail('message.deleted', 'the message was deleted');
    if (value === null) {
      const removed = await tx
        .delete(reactions)
        .where(and(eq(reactions.messageId, messageId), eq(reactions.userId, userId)))
        .returning({ userId: reactions.userId });
      // Nothing to remove: nothing changed, so nothing to record or tell anyone.
      if (removed.length === 0) return { reactions: (await reactionsOf(tx, [messageId])).get(messageId) ?? [] };
    } else {
      await tx
        .insert(reactions)
        .values({ messageId, userId, emoji: value })
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
