import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../db/connect.js';
import { messages, type SystemInfo } from '../../db/schema.js';
import type { EventBatch } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { attachMedia } from '../media/attach.js';
import { toMessage, type MessageDto, type MessageRow } from './present.js';

export interface NewMessage {
  conversationId: string;
  senderId: string;
  type: MessageRow['type'];
  text: string | null;
  replyTo?: MessageDto['replyTo'];
  clientMessageId?: string | null;
  encrypted?: boolean;
  system?: SystemInfo | null;
  /** Uploads already claimed by the sender (claimMedia), in order. */
  media?: MessageDto['media'];
}

/**
 * Writes one message: the next seq of its conversation (the `update … returning` takes the
 * conversation's row lock, so seqs are gap-free), the row, the sender's own watermarks
 * (writing in a conversation means having read it) and the `message:new` event.
 * Every message — sent, or a system record of a membership change — is written here.
 */
export async function appendMessage(tx: Tx, events: EventBatch, m: NewMessage, origin?: string): Promise<MessageDto> {
  const now = new Date();
  const [c] = await rows<{ last_seq: number }>(
    tx,
    sql`update conversations set last_seq = last_seq + 1, updated_at = ${now} where id = ${m.conversationId} returning last_seq`,
  );
  if (!c) throw fail('conversation.not_found');
  const row: MessageRow = {
    id: newId(),
    conversationId: m.conversationId,
    seq: Number(c.last_seq),
    senderId: m.senderId,
    clientMessageId: m.clientMessageId ?? null,
    type: m.type,
    text: m.text,
    replyToId: m.replyTo?.id ?? null,
    encrypted: m.encrypted ?? false,
    system: m.system ?? null,
    editedAt: null,
    deletedAt: null,
    createdAt: now,
  };
  await tx.insert(messages).values(row);
  await attachMedia(tx, row.id, m.media ?? []);
  // The conversation row lock taken above serialises this member's writes: `o` is the value before.
  const [before] = await rows<{ old_read: number }>(
    tx,
    sql`update members m set last_read_seq = ${row.seq}, last_read_at = ${now},
               last_delivered_seq = ${row.seq}, last_delivered_at = ${now}
        from (select last_read_seq from members where conversation_id = ${m.conversationId} and user_id = ${m.senderId}) o
        where m.conversation_id = ${m.conversationId} and m.user_id = ${m.senderId}
        returning o.last_read_seq as old_read`,
  );
  const message = toMessage(row, 'sent', m.replyTo ?? null, [], m.media);
  // Replying reads what came before: the others hear it as a read receipt.
  const readUpTo = row.seq - 1;
  if (before && Number(before.old_read) < readUpTo) {
    events.add({
      type: 'message:status',
      conversationId: row.conversationId,
      payload: { conversationId: row.conversationId, userId: m.senderId, status: 'read', upToSeq: readUpTo, at: now.toISOString() },
    });
  }
  events.add({ type: 'message:new', conversationId: row.conversationId, messageId: row.id, payload: { message }, origin });
  return message;
}
