import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../db/connect.js';
import { messageMedia, messages, type SystemInfo } from '../../db/schema.js';
import type { EventBatch } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
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
  /** The socket that sent it: it gets the ack, the others the event. */
  origin?: string;
}

const values = (list: ReturnType<typeof sql>[]) => sql.join(list, sql`, `);

/**
 * Writes messages, any number in one go, in a handful of statements: the next seqs of their
 * conversations (the `update … returning` takes each conversation's row lock, so seqs are
 * gap-free and in the order given), the rows, their media, the senders' own watermarks
 * (writing in a conversation means having read it) and a `message:new` event each.
 * Every message — sent, batched, or a system record of a membership change — is written here.
 */
export async function appendMessages(tx: Tx, events: EventBatch, list: NewMessage[]): Promise<MessageDto[]> {
  if (list.length === 0) return [];
  const now = new Date();
  const counts = new Map<string, number>();
  for (const m of list) counts.set(m.conversationId, (counts.get(m.conversationId) ?? 0) + 1);
  const heads = await rows<{ id: string; last_seq: number }>(
    tx,
    sql`update conversations c set last_seq = c.last_seq + v.n, updated_at = ${now}
        from (values ${values([...counts].map(([id, n]) => sql`(${id}::uuid, ${n}::int)`))}) as v(id, n)
        where c.id = v.id returning c.id, c.last_seq`,
  );
  if (heads.length !== counts.size) throw fail('conversation.not_found');
  const next = new Map(heads.map((h) => [h.id, Number(h.last_seq) - counts.get(h.id)! + 1]));

  const written = list.map((m) => {
    const seq = next.get(m.conversationId)!;
    next.set(m.conversationId, seq + 1);
    const row: MessageRow = {
      id: newId(),
      conversationId: m.conversationId,
      seq,
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
    return { m, row };
  });
  await tx.insert(messages).values(written.map((w) => w.row));
  const attachments = written.flatMap(({ m, row }) => (m.media ?? []).map((x, position) => ({ messageId: row.id, mediaId: x.id, position })));
  if (attachments.length > 0) await tx.insert(messageMedia).values(attachments);

  // Each sender's watermarks move to their last new message. `o` is the row before the update
  // (the conversation locks above serialise these members' writes).
  const ownLast = new Map<string, { conversationId: string; userId: string; seq: number }>();
  for (const { row } of written) ownLast.set(`${row.conversationId}:${row.senderId}`, { conversationId: row.conversationId, userId: row.senderId, seq: row.seq });
  const moved = await rows<{ conversation_id: string; user_id: string; old_read: number; seq: number }>(
    tx,
    sql`update members m set last_read_seq = v.seq, last_read_at = ${now},
               last_delivered_seq = greatest(m.last_delivered_seq, v.seq), last_delivered_at = ${now}
        from (values ${values([...ownLast.values()].map((w) => sql`(${w.conversationId}::uuid, ${w.userId}::uuid, ${w.seq}::int)`))}) as v(c, u, seq),
             members o
        where m.conversation_id = v.c and m.user_id = v.u and o.conversation_id = v.c and o.user_id = v.u
        returning m.conversation_id, m.user_id, o.last_read_seq as old_read, v.seq`,
  );

  const dtos = written.map(({ m, row }) => {
    const message = toMessage(row, 'sent', m.replyTo ?? null, [], m.media);
    events.add({ type: 'message:new', conversationId: row.conversationId, messageId: row.id, payload: { message }, origin: m.origin });
    return message;
  });
  // Writing after others' messages reads them: they hear it as a read receipt.
  for (const w of moved) {
    const upToSeq = Number(w.seq) - 1;
    if (Number(w.old_read) >= upToSeq) continue;
    events.add({
      type: 'message:status',
      conversationId: w.conversation_id,
      payload: { conversationId: w.conversation_id, userId: w.user_id, status: 'read', upToSeq, at: now.toISOString() },
    });
  }
  return dtos;
}

/** One message: `appendMessages` with a list of one. */
export async function appendMessage(tx: Tx, events: EventBatch, m: NewMessage): Promise<MessageDto> {
  const [dto] = await appendMessages(tx, events, [m]);
  return dto!;
}
