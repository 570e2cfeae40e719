import { sql } from 'drizzle-orm';
import { jsonRows, rows, uuidArray, type Tx } from '../../db/connect.js';
import type { SystemInfo } from '../../db/schema.js';
import type { EventBatch } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { freshPoll, type PollDraft } from '../polls/create.js';
import type { StoredMentions } from './mentions.js';
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
  /** Forwarded from another message (forward.ts). */
  forwarded?: boolean;
  /** A reply in this root's thread (checked already: decideSends). */
  threadRootId?: string | null;
  /** Checked already (checkMentions); none if omitted. */
  mentions?: StoredMentions;
  /** Uploads already claimed by the sender (claimMedia), in order. */
  media?: MessageDto['media'];
  /** The socket that sent it: it gets the ack, the others the event. */
  origin?: string;
  /** A poll message's poll: its row is written by the caller (insertPolls), the message shows it with no votes. */
  poll?: PollDraft;
  /**
   * Sends: the conversation's disappearing timer, read under its lock (lockAndReadForSends, so it
   * costs no statement of its own); the message expires that long after it is written. Unset or
   * null (system messages): it never expires.
   */
  disappearAfterSeconds?: number | null;
}

/**
 * Writes messages, any number in one go, in one statement: their conversations' new last seqs
 * (under the conversation row locks taken first, so seqs are gap-free and in the order given),
 * the rows, their media and the senders' own watermarks (writing in a conversation means
 * having read it); and a `message:new` event each.
 * Every message — sent, batched, or a system record of a membership change — is written here.
 */
export async function appendMessages(
  tx: Tx,
  events: EventBatch,
  list: NewMessage[],
  /** Last seqs of the conversations, when the caller has already locked their rows. */
  locked?: ReadonlyMap<string, number>,
): Promise<MessageDto[]> {
  if (list.length === 0) return [];
  const now = new Date();
  const ids = [...new Set(list.map((m) => m.conversationId))];
  const heads = locked ?? (await lockHeads(tx, ids));
  if (ids.some((id) => !heads.has(id))) throw fail('conversation.not_found');
  const next = new Map(ids.map((id) => [id, heads.get(id)! + 1]));

  const written = list.map((draft) => {
    const seq = next.get(draft.conversationId)!;
    next.set(draft.conversationId, seq + 1);
    const row: MessageRow = {
      id: newId(),
      conversationId: draft.conversationId,
      seq,
      senderId: draft.senderId,
      clientMessageId: draft.clientMessageId ?? null,
      type: draft.type,
      text: draft.text,
      replyToId: draft.replyTo?.id ?? null,
      system: draft.system ?? null,
      ...mentionColumns(draft.mentions),
      ...flagColumns(draft),
      editedAt: null,
      deletedAt: null,
      expiresAt: expiry(draft, now),
      createdAt: now,
    };
    return { draft, row };
  });
  const attachments = written.flatMap(({ draft, row }) =>
    (draft.media ?? []).map((x, position) => ({ messageId: row.id, mediaId: x.id, position })),
  );
  // Each sender's watermarks move to their last new message.
  const ownLast = new Map<string, { conversationId: string; userId: string; seq: number; origin?: string }>();
  for (const { draft, row } of written) {
    const mark = { conversationId: row.conversationId, userId: row.senderId, seq: row.seq, origin: draft.origin };
    ownLast.set(`${row.conversationId}:${row.senderId}`, mark);
  }
  // `o` is the member row before the update (the conversation locks above serialise these
  // members' writes); the data-modifying CTEs run whether or not they are referenced.
  const moved = await rows<{ conversation_id: string; user_id: string; old_read: number; seq: number }>(
    tx,
    sql`with heads as (
          update conversations c set last_seq = v.seq, updated_at = ${now}
          from jsonb_to_recordset(${jsonRows([...next].map(([id, n]) => ({ id, seq: n - 1 })))}) as v(id uuid, seq int) where c.id = v.id
        ), added as (
          insert into messages (id, conversation_id, seq, sender_id, client_message_id, type, text, reply_to_id, encrypted, system,
            mention_user_ids, mentions_all, forwarded, thread_root_id, expires_at, created_at)
          select * from jsonb_to_recordset(${jsonRows(written.map((w) => w.row))}) as v(id uuid, "conversationId" uuid, seq int, "senderId" uuid,
            "clientMessageId" text, type text, text text, "replyToId" uuid, encrypted boolean, system jsonb,
            "mentionUserIds" uuid[], "mentionsAll" boolean, forwarded boolean, "threadRootId" uuid, "expiresAt" timestamptz, "createdAt" timestamptz)
        ), attached as (
          insert into message_media (message_id, media_id, position)
          select * from jsonb_to_recordset(${jsonRows(attachments)}) as v("messageId" uuid, "mediaId" uuid, position int)
        )
        update members m set last_read_seq = v.seq, last_read_at = ${now},
               last_delivered_seq = greatest(m.last_delivered_seq, v.seq), last_delivered_at = ${now}
        from jsonb_to_recordset(${jsonRows([...ownLast.values()])}) as v("conversationId" uuid, "userId" uuid, seq int), members o
        where m.conversation_id = v."conversationId" and m.user_id = v."userId"
          and o.conversation_id = v."conversationId" and o.user_id = v."userId"
        returning m.conversation_id, m.user_id, o.last_read_seq as old_read, v.seq`,
  );

  const dtos = written.map(({ draft, row }) => {
    const message = withPoll(toMessage(row, 'sent', draft.replyTo ?? null, [], draft.media), draft.poll);
    events.add({ type: 'message:new', conversationId: row.conversationId, messageId: row.id, payload: { message }, origin: draft.origin });
    return message;
  });
  // Writing after others' messages reads them: they hear it as a read receipt. The socket that
  // sent knows already (its ack): like the message itself, the receipt skips it.
  for (const member of moved) {
    const upToSeq = Number(member.seq) - 1;
    if (Number(member.old_read) >= upToSeq) continue;
    events.add({
      type: 'message:status',
      conversationId: member.conversation_id,
      payload: { conversationId: member.conversation_id, userId: member.user_id, status: 'read', upToSeq, at: now.toISOString() },
      origin: ownLast.get(`${member.conversation_id}:${member.user_id}`)?.origin,
    });
  }
  return dtos;
}

/** A new poll message shows its poll, with no votes yet. */
const withPoll = (m: MessageDto, poll: PollDraft | undefined): MessageDto => (poll ? { ...m, poll: freshPoll(poll) } : m);
const flagColumns = (draft: NewMessage) => ({
  encrypted: draft.encrypted ?? false,
  forwarded: draft.forwarded ?? false,
  threadRootId: draft.threadRootId ?? null,
});
const mentionColumns = (m: StoredMentions | undefined) => ({ mentionUserIds: m?.userIds ?? [], mentionsAll: m?.all ?? false });

/** A message sent while its conversation's timer is on expires that long after; system messages (the timer's own record among them) stay. */
const expiry = (draft: NewMessage, now: Date) =>
  draft.disappearAfterSeconds && draft.type !== 'system' ? new Date(now.getTime() + draft.disappearAfterSeconds * 1000) : null;

/** Locks the conversations' rows (in id order) and reads their last seqs. */
async function lockHeads(tx: Tx, ids: string[]): Promise<Map<string, number>> {
  const found = await rows<{ id: string; last_seq: number }>(
    tx,
    sql`select id, last_seq from conversations where id = any(${uuidArray(ids.sort())}) order by id for update`,
  );
  return new Map(found.map((c) => [c.id, Number(c.last_seq)]));
}

/** One message: `appendMessages` with a list of one. */
export async function appendMessage(tx: Tx, events: EventBatch, draft: NewMessage): Promise<MessageDto> {
  const [dto] = await appendMessages(tx, events, [draft]);
  return dto!;
}
