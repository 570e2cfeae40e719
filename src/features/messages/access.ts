import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/connect.js';
import { fail } from '../../lib/errors.js';
import type { MemberRow } from '../conversations/queries.js';
import type { MessageRow } from './present.js';

export interface MessageAccess {
  message: MessageRow;
  role: MemberRow['role'];
  conversationType: 'direct' | 'group';
}

interface Raw {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  client_message_id: string | null;
  type: MessageRow['type'];
  text: string | null;
  reply_to_id: string | null;
  encrypted: boolean;
  edited_at: Date | string | null;
  deleted_at: Date | string | null;
  created_at: Date | string;
  role: MemberRow['role'];
  conversation_type: 'direct' | 'group';
}

const date = (d: Date | string | null) => (d === null ? null : new Date(d));

/**
 * A message the user can see (member of its conversation, not deleted for them), locked for
 * update when `lock` is set; otherwise 404, never revealing that it exists.
 */
export async function visibleMessage(ex: Executor, messageId: string, userId: string, lock = false): Promise<MessageAccess> {
  const [r] = await rows<Raw>(
    ex,
    sql`select m.*, mb.role, c.type as conversation_type from messages m
        join members mb on mb.conversation_id = m.conversation_id and mb.user_id = ${userId}
        join conversations c on c.id = m.conversation_id
        where m.id = ${messageId}
          and not exists (select 1 from hidden_messages h where h.message_id = m.id and h.user_id = ${userId})
        ${lock ? sql`for update of m` : sql``}`,
  );
  if (!r) throw fail('message.not_found');
  return {
    role: r.role,
    conversationType: r.conversation_type,
    message: {
      id: r.id,
      conversationId: r.conversation_id,
      seq: Number(r.seq),
      senderId: r.sender_id,
      clientMessageId: r.client_message_id,
      type: r.type,
      text: r.text,
      replyToId: r.reply_to_id,
      encrypted: r.encrypted,
      editedAt: date(r.edited_at),
      deletedAt: date(r.deleted_at),
      createdAt: date(r.created_at)!,
    },
  };
}
