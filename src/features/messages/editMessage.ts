import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { messages } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { assertNotBlockedInDirect } from '../users/blocks.js';
import { visibleMessage } from './access.js';
import { presentMessages, type MessageDto } from './present.js';
import { withholdFromNonReaders } from './withhold.js';

/**
 * The sender rewrites a message's text within EDIT_WINDOW_SECONDS; members hear `message:updated`.
 * Across a block in a direct chat an edit is refused like a send (new text would reach the other side).
 */
export function editMessage(
  ctx: AppContext,
  actorId: string,
  messageId: string,
  text: string,
  origin?: string,
): Promise<{ message: MessageDto }> {
  return ctx.run(async (tx, events) => {
    const { message, conversationType } = await visibleMessage(tx, messageId, actorId, true);
    if (message.senderId !== actorId) throw fail('message.not_sender', 'only the sender can edit a message');
    await assertNotBlockedInDirect(tx, { id: message.conversationId, type: conversationType }, actorId);
    if (message.deletedAt) throw fail('message.deleted', 'the message was deleted');
    if (message.type === 'system' || message.encrypted) throw fail('message.not_editable', 'this message cannot be edited');
    if (Date.now() - message.createdAt.getTime() > ctx.config.EDIT_WINDOW_SECONDS * 1000) {
      throw fail('message.edit_window_passed', `messages can be edited for ${ctx.config.EDIT_WINDOW_SECONDS} s`);
    }
    const editedAt = new Date();
    await tx.update(messages).set({ text, editedAt }).where(eq(messages.id, messageId));
    const [dto] = await presentMessages(tx, [{ ...message, text, editedAt }]);
    events.add({ type: 'message:updated', conversationId: message.conversationId, messageId, payload: { message: dto! }, origin });
    await withholdFromNonReaders(tx, events, message);
    return { message: dto! };
  });
}
