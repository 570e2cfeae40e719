import { sql } from 'drizzle-orm';
import { jsonRows, rows, uuidArray, type Tx } from '../../db/connect.js';
import type { SystemInfo } from '../../db/schema.js';
import type { AppendColumns } from '../../events/append.js';
import type { EventBatch } from '../../events/runCommand.js';
import type { EventDraft } from '../../events/types.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { freshPoll, type PollDraft } from '../polls/create.js';
import { memberKey } from './lockAndReadForSends.js';
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

/** A sender's new read watermark in a conversation: the last message it wrote there. */
interface OwnMark {
  conversationId: string;
  userId: string;
  seq: number;
  origin?: string;
}

/** What a caller that locked the conversations itself read under the lock. */
export interface LockedHeads {
  /** The conversations' last seqs. */
  heads: ReadonlyMap<string, number>;
  /** The senders' read watermarks, by `memberKey` (absent: not a member). */
  lastRead: ReadonlyMap<string, number>;
}

/**
 * Writes messages, any number in one go, in one statement: their conversations' new last seqs
 * (under the conversation row locks taken first, so seqs are gap-free and in the order given),
 * the rows, their media and the senders' own watermarks (writing in a conversation means
 * having read it); and, in the same statement, a `message:new` event each with the batch's
 * events added before them (`EventBatch.flushWithin`).
 * Every message — sent, batched, or a system record of a membership change — is written here.
 */
export async function appendMessages(tx: Tx, events: EventBatch, list: NewMessage[], locked?: LockedHeads): Promise<MessageDto[]> {
  if (list.length === 0) return [];
  const now = new Date();
  const ids = [...new Set(list.map((m) => m.conversationId))];
  const { heads, lastRead } = locked ?? (await lockHeads(tx, ids, list));
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
  const ownLast = new Map<string, OwnMark>();
  for (const { draft, row } of written) {
    const mark = { conversationId: row.conversationId, userId: row.senderId, seq: row.seq, origin: draft.origin };
    ownLast.set(memberKey(row.conversationId, row.senderId), mark);
  }
  const dtos = written.map(({ draft, row }) => {
    const message = withPoll(toMessage(row, 'sent', draft.replyTo ?? null, [], draft.media), draft.poll);
    events.add({ type: 'message:new', conversationId: row.conversationId, messageId: row.id, payload: { message }, origin: draft.origin });
    return message;
  });
  events.add(...impliedReads(ownLast, lastRead, now));

  await events.flushWithin((part) =>
    rows<AppendColumns>(
      tx,
      sql`with ${part.ctes}, heads as (
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
        ), moved as (
          update members m set last_read_seq = v.seq, last_read_at = ${now},
                 last_delivered_seq = greatest(m.last_delivered_seq, v.seq), last_delivered_at = ${now}
          from jsonb_to_recordset(${jsonRows([...ownLast.values()])}) as v("conversationId" uuid, "userId" uuid, seq int)
          where m.conversation_id = v."conversationId" and m.user_id = v."userId"
        )
        select ${part.columns} ${part.from}`,
    ).then((r) => r[0]!),
  );
  return dtos;
}

/**
 * Writing after others' messages reads them: they hear it as a read receipt (from the senders'
 * watermarks read under the conversation locks). The socket that sent knows already (its ack):
 * like the message itself, the receipt skips it.
 */
function impliedReads(ownLast: ReadonlyMap<string, OwnMark>, lastRead: ReadonlyMap<string, number>, now: Date): EventDraft[] {
  return [...ownLast].flatMap(([key, mark]) => {
    const before = lastRead.get(key);
    const upToSeq = mark.seq - 1;
    if (before === undefined || before >= upToSeq) return [];
    const payload = { conversationId: mark.conversationId, userId: mark.userId, status: 'read' as const, upToSeq, at: now.toISOString() };
    return [{ type: 'message:status' as const, conversationId: mark.conversationId, payload, origin: mark.origin }];
  });
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

/** Locks the conversations' rows (in id order) and reads their last seqs, then (under the locks) the senders' read watermarks. */
async function lockHeads(tx: Tx, ids: string[], list: NewMessage[]): Promise<LockedHeads> {
  const found = await rows<{ id: string; last_seq: number }>(
    tx,
    sql`select id, last_seq from conversations where id = any(${uuidArray(ids.sort())}) order by id for update`,
  );
  const senders = [
    ...new Map(
      list.map((m) => [memberKey(m.conversationId, m.senderId), { conversationId: m.conversationId, userId: m.senderId }]),
    ).values(),
  ];
  const reads = await rows<{ conversation_id: string; user_id: string; last_read_seq: number }>(
    tx,
    sql`select m.conversation_id, m.user_id, m.last_read_seq from members m
        join jsonb_to_recordset(${jsonRows(senders)}) as v("conversationId" uuid, "userId" uuid)
          on m.conversation_id = v."conversationId" and m.user_id = v."userId"`,
  );
  return {
    heads: new Map(found.map((c) => [c.id, Number(c.last_seq)])),
    lastRead: new Map(reads.map((r) => [memberKey(r.conversation_id, r.user_id), Number(r.last_read_seq)])),
  };
}

/** One message: `appendMessages` with a list of one. */
export async function appendMessage(tx: Tx, events: EventBatch, draft: NewMessage): Promise<MessageDto> {
  const [dto] = await appendMessages(tx, events, [draft]);
  return dto!;
}
