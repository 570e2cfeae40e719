import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { jsonRows, rows, uuidArray, type Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import { AppError, fail } from '../../lib/errors.js';
import { claimMedia } from '../media/attach.js';
import { appendMessages, type NewMessage } from './appendMessage.js';
import { fromRaw, presentMessages, replySnippet, type MessageDto, type MessageRow, type RawMessage } from './present.js';

export interface SendMessageInput {
  conversationId: string;
  text?: string;
  mediaIds?: string[];
  replyToId?: string;
  clientMessageId?: string;
  encrypted?: boolean;
}

export interface SendRequest {
  senderId: string;
  input: SendMessageInput;
  origin?: string;
}

export interface SendResult {
  message: MessageDto;
  created: boolean;
}

export type SendOutcome = { ok: SendResult } | { error: AppError };

/**
 * A member sends a message, over REST or the socket: the one entry point. Concurrent sends
 * are committed together (groupCommit.ts), all through `writeMessages`.
 */
export async function sendMessage(ctx: AppContext, senderId: string, input: SendMessageInput, origin?: string): Promise<SendResult> {
  if (!input.text && !input.mediaIds?.length) {
    throw fail('validation.failed', 'a message needs text or media', [{ path: 'text', message: 'required when there is no media' }]);
  }
  return ctx.sends.submit({ senderId, input, origin });
}

interface Reads {
  /** `floor`: the last seq before what the sender may read (history 'joined'); a reply to an older message is refused. */
  allowed: { c: string; u: string; blocked: boolean; floor: number }[] | null;
  originals: RawMessage[] | null;
  replies: RawMessage[] | null;
}

const dupKey = (conversationId: string, senderId: string, clientMessageId: string) => `${conversationId}:${senderId}:${clientMessageId}`;

/**
 * The send command for any number of sends, inside the caller's transaction, in a few
 * statements whatever their number. The conversations are locked first (in id order), so a
 * clientMessageId its sender already used returns the original message instead of a second
 * one, even when the retry races the first attempt. Each send gets its own outcome: one that
 * is refused (not a member, blocked, a bad reply or media) does not stop the others.
 */
export async function writeMessages(tx: Tx, events: EventBatch, requests: SendRequest[]): Promise<SendOutcome[]> {
  const outcomes: (SendOutcome | undefined)[] = new Array(requests.length);
  const refuse = (i: number, err: AppError) => (outcomes[i] = { error: err });

  const convIds = [...new Set(requests.map((r) => r.input.conversationId))].sort();
  const pairs = [...new Map(requests.map((r) => [`${r.input.conversationId}:${r.senderId}`, { c: r.input.conversationId, u: r.senderId }])).values()];
  const keyed = requests.flatMap((r) => (r.input.clientMessageId ? [{ c: r.input.conversationId, u: r.senderId, k: r.input.clientMessageId }] : []));
  const replyIds = [...new Set(requests.flatMap((r) => (r.input.replyToId ? [r.input.replyToId] : [])))];

  // Membership and (for direct chats) blocks, the originals of retries, the replied-to messages.
  const reads = sql`
      (select json_agg(json_build_object('c', v.c, 'u', v.u, 'blocked', c.type = 'direct' and exists (
          select 1 from members o join blocks b
            on (b.blocker_id = o.user_id and b.blocked_id = v.u) or (b.blocker_id = v.u and b.blocked_id = o.user_id)
          where o.conversation_id = v.c and o.user_id <> v.u),
          'floor', case when c.type = 'group' and c.history_visibility = 'joined' then m.joined_seq else 0 end))
        from jsonb_to_recordset(${jsonRows(pairs)}) as v(c uuid, u uuid)
        join members m on m.conversation_id = v.c and m.user_id = v.u
        join conversations c on c.id = v.c) as allowed,
      (select json_agg(x) from messages x join jsonb_to_recordset(${jsonRows(keyed)}) as v(c uuid, u uuid, k text)
        on x.conversation_id = v.c and x.sender_id = v.u and x.client_message_id = v.k) as originals,
      (select json_agg(x) from messages x where x.id = any(${uuidArray(replyIds)})) as replies`;
  // One statement locks the conversations (in id order) and reads. Its reads see the database
  // as of the statement's start; if a conversation's row changed between then and its lock (every
  // send and every membership change writes it), they are done again under the lock.
  const [first] = await rows<Reads & { locked: { id: string; type: 'direct' | 'group'; last_seq: number; changed: boolean }[] | null }>(
    tx,
    sql`with locked as materialized (
          select id, type, last_seq, xmin::text as version from conversations where id = any(${uuidArray(convIds)}) order by id for update
        )
        select (select json_agg(json_build_object('id', l.id, 'type', l.type, 'last_seq', l.last_seq, 'changed', l.version <> c.xmin::text))
                from locked l join conversations c on c.id = l.id) as locked,
          ${reads}`,
  );
  const locked = first!.locked ?? [];
  const found = locked.some((l) => l.changed) ? (await rows<Reads>(tx, sql`select ${reads}`))[0]! : first!;
  const typeOf = new Map(locked.map((c) => [c.id, c.type]));
  const membership = new Map((found.allowed ?? []).map((a) => [`${a.c}:${a.u}`, a.blocked]));
  const floors = new Map((found.allowed ?? []).map((a) => [`${a.c}:${a.u}`, Number(a.floor)]));
  const originals = new Map((found.originals ?? []).map(fromRaw).map((m) => [dupKey(m.conversationId, m.senderId, m.clientMessageId!), m]));
  const replies = new Map((found.replies ?? []).map(fromRaw).map((m) => [m.id, m]));

  const fresh: { i: number; m: NewMessage }[] = [];
  const firstOfKey = new Map<string, number>();
  for (const [i, r] of requests.entries()) {
    const { conversationId, clientMessageId, replyToId } = r.input;
    const blocked = membership.get(`${conversationId}:${r.senderId}`);
    if (blocked === undefined || !typeOf.has(conversationId)) {
      refuse(i, fail('conversation.not_found'));
      continue;
    }
    if (clientMessageId) {
      const key = dupKey(conversationId, r.senderId, clientMessageId);
      if (originals.has(key) || firstOfKey.has(key)) continue; // answered with the original below
      firstOfKey.set(key, i);
    }
    if (blocked) {
      refuse(i, fail('user.blocked', 'a block stands between you and this user'));
      continue;
    }
    const target = replyToId ? replies.get(replyToId) : undefined;
    if (replyToId && (target?.conversationId !== conversationId || target.seq <= floors.get(`${conversationId}:${r.senderId}`)!)) {
      refuse(i, fail('message.reply_invalid', 'replyToId is not a message of this conversation'));
      continue;
    }
    let media: MessageDto['media'] = [];
    if (r.input.mediaIds?.length) {
      try {
        // In a savepoint: a claim that fails must not leave the others' uploads half-claimed.
        media = await tx.transaction((sp) => claimMedia(sp, r.senderId, r.input.mediaIds!));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        refuse(i, err);
        continue;
      }
    }
    fresh.push({
      i,
      m: {
        conversationId,
        senderId: r.senderId,
        type: media[0]?.kind ?? 'text',
        text: r.input.text ?? null,
        media,
        replyTo: target ? replySnippet(target) : null,
        clientMessageId,
        encrypted: r.input.encrypted,
        origin: r.origin,
      },
    });
  }
  const heads = new Map(locked.map((c) => [c.id, Number(c.last_seq)]));
  const written = await appendMessages(tx, events, fresh.map((f) => f.m), heads);
  fresh.forEach((f, k) => (outcomes[f.i] = { ok: { message: written[k]!, created: true } }));

  // Retries get the original, whether it was written earlier or earlier in this batch.
  const repeats = requests.flatMap((r, i) => (outcomes[i] ? [] : [{ i, key: dupKey(r.input.conversationId, r.senderId, r.input.clientMessageId!) }]));
  if (repeats.length > 0) {
    const earlier = [...new Set(repeats.map((x) => originals.get(x.key)).filter((m): m is MessageRow => !!m))];
    const shown = new Map<string, MessageDto>();
    for (const conversationId of new Set(earlier.map((m) => m.conversationId))) {
      for (const dto of await presentMessages(tx, earlier.filter((m) => m.conversationId === conversationId))) shown.set(dto.id, dto);
    }
    for (const { i, key } of repeats) {
      const original = originals.get(key);
      const first = outcomes[firstOfKey.get(key) ?? -1];
      if (original) outcomes[i] = { ok: { message: shown.get(original.id)!, created: false } };
      else if (first && 'ok' in first) outcomes[i] = { ok: { message: first.ok.message, created: false } };
      else outcomes[i] = first ?? { error: fail('conversation.not_found') };
    }
  }
  return outcomes as SendOutcome[];
}
