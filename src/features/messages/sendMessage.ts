import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { messages } from '../../db/schema.js';
import type { Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { claimMedia } from '../media/attach.js';
import { assertNotBlocked } from '../users/blocks.js';
import { appendMessage } from './appendMessage.js';
import { presentMessages, replySnippet, type MessageDto } from './present.js';

export interface SendMessageInput {
  conversationId: string;
  text?: string;
  mediaIds?: string[];
  replyToId?: string;
  clientMessageId?: string;
  encrypted?: boolean;
}

export interface SendResult {
  message: MessageDto;
  created: boolean;
}

/**
 * A member sends a message, over REST or the socket: the one entry point. Concurrent sends
 * are committed together (see groupCommit.ts); each still runs `writeMessage` on its own.
 */
export async function sendMessage(ctx: AppContext, senderId: string, input: SendMessageInput, origin?: string): Promise<SendResult> {
  if (!input.text && !input.mediaIds?.length) {
    throw fail('validation.failed', 'a message needs text or media', [{ path: 'text', message: 'required when there is no media' }]);
  }
  return ctx.sends.submit({ senderId, input, origin });
}

/**
 * The send command, inside the caller's transaction. The conversation row is locked first,
 * so a clientMessageId this sender already used returns the original message instead of
 * writing a second one, even when the retry races the first attempt.
 */
export async function writeMessage(tx: Tx, events: EventBatch, senderId: string, input: SendMessageInput, origin?: string): Promise<SendResult> {
  {
    const [locked] = await rows<{ type: 'direct' | 'group' }>(
      tx,
      sql`select c.type from conversations c
          join members m on m.conversation_id = c.id and m.user_id = ${senderId}
          where c.id = ${input.conversationId} for update of c`,
    );
    if (!locked) throw fail('conversation.not_found');

    if (input.clientMessageId) {
      const [original] = await tx
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, input.conversationId),
            eq(messages.senderId, senderId),
            eq(messages.clientMessageId, input.clientMessageId),
          ),
        );
      if (original) {
        const [dto] = await presentMessages(tx, [original]);
        return { message: dto!, created: false };
      }
    }
    if (locked.type === 'direct') await assertNotBlocked(tx, input.conversationId, senderId);

    let replyTo: MessageDto['replyTo'] = null;
    if (input.replyToId) {
      const [target] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.id, input.replyToId), eq(messages.conversationId, input.conversationId)));
      if (!target) throw fail('message.reply_invalid', 'replyToId is not a message of this conversation');
      replyTo = replySnippet(target);
    }
    // Only the sender's own uploads; the message's type follows the first one's kind.
    const media = input.mediaIds?.length ? await claimMedia(tx, senderId, input.mediaIds) : [];

    const message = await appendMessage(
      tx,
      events,
      {
        conversationId: input.conversationId,
        senderId,
        type: media[0]?.kind ?? 'text',
        text: input.text ?? null,
        media,
        replyTo,
        clientMessageId: input.clientMessageId,
        encrypted: input.encrypted,
      },
      origin,
    );
    return { message, created: true };
  }
}
