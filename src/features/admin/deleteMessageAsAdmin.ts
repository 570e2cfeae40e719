import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import { messages } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { wipeMessage } from '../messages/deleteMessage.js';
import { audit } from './audit.js';

/**
 * Deletes a message for everyone, in any conversation, inside the caller's transaction: the same
 * wipe as DELETE /messages/:id?for=everyone (members hear `message:deleted`, stored events lose the
 * content), audited. A message already deleted stays as it is; an unknown one is message.not_found.
 */
export async function deleteMessageIn(
  tx: Tx,
  events: EventBatch,
  adminId: string,
  messageId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const [message] = await tx.select().from(messages).where(eq(messages.id, messageId)).for('update');
  if (!message) throw fail('message.not_found');
  if (message.deletedAt) return;
  await wipeMessage(tx, events, message);
  await audit(tx, {
    actorId: adminId,
    action: 'message.deleted',
    targetType: 'message',
    targetId: messageId,
    details: { conversationId: message.conversationId, senderId: message.senderId, ...details },
  });
}

/** DELETE /admin/messages/:id. */
export function deleteMessageAsAdmin(ctx: AppContext, adminId: string, messageId: string): Promise<void> {
  return ctx.run((tx, events) => deleteMessageIn(tx, events, adminId, messageId));
}
