import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import { toAppError } from '../../lib/httpErrors.js';
import { mediaOfMessages } from '../media/present.js';
import { visibleMessage } from './access.js';
import type { MessageDto } from './present.js';
import { sendMessage } from './sendMessage.js';

/** One target's outcome: the new message, or why that target was refused (the others go on). */
export type ForwardResult =
  { conversationId: string; message: MessageDto } | { conversationId: string; error: { code: string; message: string } };

/**
 * Forwards a message the actor can see to each of `conversationIds` (duplicates dropped): each copy
 * carries its text and its media (the same media, not re-uploaded), is marked `forwarded`, and is sent
 * through `sendMessage` exactly as the actor's own send would be: the same budget, membership and
 * block checks, seq, events and push. A target refused (not a member, a block, the rate limit) is
 * refused alone. End-to-end encrypted and system messages cannot be forwarded by the server.
 */
export async function forwardMessage(
  ctx: AppContext,
  actorId: string,
  messageId: string,
  conversationIds: string[],
  origin?: string,
): Promise<ForwardResult[]> {
  const { message } = await visibleMessage(ctx.db, messageId, actorId);
  if (message.deletedAt) throw fail('message.deleted', 'the message was deleted');
  if (message.encrypted) throw fail('message.not_forwardable', 'an end-to-end encrypted message can only be forwarded by your device');
  if (message.type === 'system') throw fail('message.not_forwardable', 'system messages cannot be forwarded');
  const mediaIds = ((await mediaOfMessages(ctx.db, [messageId])).get(messageId) ?? []).map((m) => m.id);
  const targets = [...new Set(conversationIds)];
  return Promise.all(
    targets.map(async (conversationId): Promise<ForwardResult> => {
      try {
        const input = {
          conversationId,
          ...(message.text ? { text: message.text } : {}),
          ...(mediaIds.length ? { mediaIds } : {}),
          forwardOf: messageId,
        };
        const { message: sent } = await sendMessage(ctx, actorId, input, origin);
        return { conversationId, message: sent };
      } catch (err) {
        // Ours too (5xx: the database away): the other targets may have committed, so this one is reported alone.
        const e = toAppError(err);
        if (e.status >= 500) ctx.log.warn({ err, conversationId }, 'forwarding to a conversation failed');
        return { conversationId, error: { code: e.code, message: e.message } };
      }
    }),
  );
}
