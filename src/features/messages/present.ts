import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/connect.js';
import { messages } from '../../db/schema.js';
import type { messageSchema } from './schemas.js';

export type MessageRow = typeof messages.$inferSelect;
export type MessageStatus = 'sent' | 'delivered' | 'read';

export type MessageDto = z.infer<typeof messageSchema>;

export interface Watermark {
  userId: string;
  lastReadSeq: number;
  lastDeliveredSeq: number;
}

/** Status as the sender sees it: read / delivered once every other member is past it. */
export function statusFor(m: { seq: number; senderId: string }, marks: readonly Watermark[]): MessageStatus {
  let read = true;
  let delivered = true;
  let others = 0;
  for (const w of marks) {
    if (w.userId === m.senderId) continue;
    others++;
    if (w.lastReadSeq < m.seq) read = false;
    if (w.lastDeliveredSeq < m.seq) delivered = false;
  }
  if (others === 0) return 'sent';
  return read ? 'read' : delivered ? 'delivered' : 'sent';
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const snippet = (text: string | null) => (text && text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** Full message objects for rows of one or more conversations, with reply snippets. */
export async function presentMessages(
  ex: Executor,
  rows: MessageRow[],
  statusOf: (m: MessageRow) => MessageStatus,
): Promise<MessageDto[]> {
  const replyIds = [...new Set(rows.map((r) => r.replyToId).filter((id): id is string => !!id))];
  const replies = new Map<string, MessageRow>();
  if (replyIds.length > 0) {
    for (const r of await ex.select().from(messages).where(inArray(messages.id, replyIds))) replies.set(r.id, r);
  }
  return rows.map((m) => {
    const reply = m.replyToId ? replies.get(m.replyToId) : undefined;
    return toMessage(m, statusOf(m), reply ? { id: reply.id, seq: reply.seq, senderId: reply.senderId, text: snippet(reply.text) } : null);
  });
}

export function toMessage(m: MessageRow, status: MessageStatus, replyTo: MessageDto['replyTo']): MessageDto {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    clientMessageId: m.clientMessageId,
    type: m.type,
    text: m.text,
    media: [],
    replyTo,
    reactions: [],
    status,
    encrypted: m.encrypted,
    editedAt: iso(m.editedAt),
    deletedAt: iso(m.deletedAt),
    createdAt: m.createdAt.toISOString(),
  };
}
