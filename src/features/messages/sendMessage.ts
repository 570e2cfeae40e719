import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { conversations, members, messages } from '../../db/schema.js';
import { runCommand } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { presentMessages, replySnippet, toMessage, type MessageDto, type MessageRow } from './present.js';

export interface SendMessageInput {
  conversationId: string;
  text?: string;
  mediaIds?: string[];
  replyToId?: string;
  clientMessageId?: string;
  encrypted?: boolean;
}

/**
 * The one way a message is written, for REST and socket alike. Under the conversation's
 * row lock it takes the next seq, so seqs are gap-free; a clientMessageId already used by
 * this sender returns the original message instead of writing a second one.
 */
export async function sendMessage(
  ctx: AppContext,
  senderId: string,
  input: SendMessageInput,
  origin?: string,
): Promise<{ message: MessageDto; created: boolean }> {
  if (!input.text && !input.mediaIds?.length) {
    throw fail('validation.failed', 'a message needs text or media', [{ path: 'text', message: 'required when there is no media' }]);
  }
  if (input.mediaIds?.length) throw fail('message.media_invalid', 'mediaIds must name your own uploads');
  return runCommand(ctx.db, ctx.emitter, async (tx, events) => {
    const [locked] = await rows<{ last_seq: number }>(
      tx,
      sql`select c.last_seq from conversations c
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

    let replyTo: MessageDto['replyTo'] = null;
    if (input.replyToId) {
      const [target] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.id, input.replyToId), eq(messages.conversationId, input.conversationId)));
      if (!target) throw fail('message.reply_invalid', 'replyToId is not a message of this conversation');
      replyTo = replySnippet(target);
    }

    const seq = Number(locked.last_seq) + 1;
    const now = new Date();
    const row: MessageRow = {
      id: newId(),
      conversationId: input.conversationId,
      seq,
      senderId,
      clientMessageId: input.clientMessageId ?? null,
      type: 'text',
      text: input.text ?? null,
      replyToId: input.replyToId ?? null,
      encrypted: input.encrypted ?? false,
      editedAt: null,
      deletedAt: null,
      createdAt: now,
    };
    await tx.insert(messages).values(row);
    await tx.update(conversations).set({ lastSeq: seq, updatedAt: now }).where(eq(conversations.id, input.conversationId));
    // Writing in a conversation means having read it: the sender's own unread count stays 0
    // (with the time, which receipts report).
    await tx
      .update(members)
      .set({ lastReadSeq: seq, lastReadAt: now, lastDeliveredSeq: seq, lastDeliveredAt: now })
      .where(and(eq(members.conversationId, input.conversationId), eq(members.userId, senderId)));

    const message = toMessage(row, 'sent', replyTo);
    events.add({ type: 'message:new', conversationId: row.conversationId, messageId: row.id, payload: { message }, origin });
    return { message, created: true };
  });
}
