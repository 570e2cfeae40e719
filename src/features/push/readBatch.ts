import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Db } from '../../db/connect.js';
import type { IncomingCall } from './callPush.js';
import type { BatchFacts, ConversationFacts, NewMessage, Recipient } from './decide.js';

/**
 * The `message:new` events (and edits that add mentions) and the `call:incoming` ones in (after, through], and `through`:
 * how far this read covered the log, at most `limit` ids on and never past the horizon (every id at or below it is
 * final: src/events/horizon.ts). Messages only of conversations where someone has a device of a live session: the
 * others cannot cause a push, and most messages are of those (their payloads and their members' settings, read and
 * parsed for nothing, were most of this worker's cost and competed with the send path: docs/benchmarks.md).
 */
export async function readNewMessages(
  db: Db,
  after: number,
  limit: number,
  horizon: number,
): Promise<{ messages: NewMessage[]; calls: IncomingCall[]; through: number }> {
  const through = Math.max(after, Math.min(horizon, after + limit));
  if (through === after) return { messages: [], calls: [], through };
  const found = await rows<{
    id: number;
    type: string;
    payload: StoredPayload | null;
    hidden_from: string[] | null;
    created_at: Date | string | null;
  }>(
    db,
    // Only what push decides and shows (not the whole message: media, replies, reactions), and edits only when they add mentions.
    sql`with slice as (
          select e.id, e.type, e.conversation_id from events e
          where e.id > ${after} and e.id <= ${through}
            and (e.type in ('message:new', 'call:incoming') or (e.type = 'message:updated' and e.payload ? 'mentionsAdded'))
        ), reachable as (
          select c.id from (select distinct conversation_id as id from slice where type <> 'call:incoming') c
          cross join lateral (select 1 from members m join push_devices d on d.user_id = m.user_id
                                join sessions s on s.id = d.session_id and s.revoked_at is null
                              where m.conversation_id = c.id limit 1) as has_device
        )
        select e.id, e.type, e.hidden_from::text[] as hidden_from, e.created_at,
               case when e.type = 'call:incoming' then e.payload
                    else jsonb_build_object('message', (select jsonb_build_object('id', m->'id', 'conversationId', m->'conversationId',
                                  'seq', m->'seq', 'senderId', m->'senderId', 'type', m->'type', 'text', m->'text',
                                  'encrypted', m->'encrypted', 'deletedAt', m->'deletedAt', 'mentions', m->'mentions')
                                from (select e.payload->'message' as m) as p))
                      || case when e.payload ? 'mentionsAdded' then jsonb_build_object('mentionsAdded', e.payload->'mentionsAdded') else '{}' end
               end as payload
        from slice
        join events e on e.id = slice.id
        where slice.type = 'call:incoming' or slice.conversation_id in (select id from reachable)
        order by e.id`,
  );
  const messages = found
    .filter((r) => r.payload?.message && (r.type === 'message:new' || addsMentions(r.payload)))
    .map((r) => toNewMessage(Number(r.id), r.payload!, r));
  const calls = found
    .filter((r) => r.type === 'call:incoming' && r.payload?.call)
    .map((r) => ({ eventId: Number(r.id), createdAt: createdMs(r.created_at), call: r.payload!.call! }));
  return { messages, calls, through };
}

/** A `message:new` payload, or a `message:updated` one whose edit added mentions (only they are told). */
interface StoredPayload {
  message?: StoredMessage;
  call?: IncomingCall['call'];
  mentionsAdded?: { userIds?: string[]; all?: boolean };
}

const addsMentions = (p: StoredPayload) => Boolean(p.mentionsAdded?.all || p.mentionsAdded?.userIds?.length);

interface StoredMessage {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  type: NewMessage['type'];
  text: string | null;
  // null: absent from the stored payload (the projection names every key).
  encrypted?: boolean | null;
  deletedAt?: string | null;
  mentions?: { userIds?: string[]; all?: boolean } | null;
}

const createdMs = (at: Date | string | null) => (at === null ? Date.now() : new Date(at).getTime());

function toNewMessage(
  eventId: number,
  p: StoredPayload,
  r: { hidden_from: string[] | null; created_at: Date | string | null },
): NewMessage {
  const m = p.message!;
  const mentions = p.mentionsAdded ?? m.mentions;
  return {
    eventId,
    edit: p.mentionsAdded !== undefined,
    createdAt: createdMs(r.created_at),
    conversationId: m.conversationId,
    messageId: m.id,
    seq: m.seq,
    senderId: m.senderId,
    type: m.type,
    text: m.text,
    encrypted: m.encrypted ?? false,
    deleted: Boolean(m.deletedAt),
    hiddenFrom: r.hidden_from ?? [],
    mentions: { userIds: mentions?.userIds ?? [], all: mentions?.all ?? false },
  };
}

/** Members with their settings, conversation names, sender names and the blocks that matter, for one batch. */
export async function readBatchFacts(db: Db, batch: readonly NewMessage[]): Promise<BatchFacts> {
  const conversationIds = [...new Set(batch.map((m) => m.conversationId))];
  const senderIds = [...new Set(batch.map((m) => m.senderId))];
  const [conversations, members, senders, blocks] = await Promise.all([
    rows<{ id: string; type: 'direct' | 'group'; name: string | null }>(
      db,
      sql`select id, type, name from conversations where id = any(${uuidArray(conversationIds)})`,
    ),
    rows<{
      conversation_id: string;
      user_id: string;
      is_muted: boolean;
      notifications: Recipient['notifications'];
      muted_until: Date | string | null;
      last_read_seq: number;
      joined_seq: number;
      push_previews: Recipient['previews'];
    }>(
      db,
      sql`select m.conversation_id, m.user_id, m.is_muted, m.notifications, m.muted_until, m.last_read_seq, m.joined_seq, u.push_previews
          from members m join users u on u.id = m.user_id
          where m.conversation_id = any(${uuidArray(conversationIds)})`,
    ),
    rows<{ id: string; name: string }>(db, sql`select id, name from users where id = any(${uuidArray(senderIds)})`),
    rows<{ blocker_id: string; blocked_id: string }>(
      db,
      sql`select b.blocker_id, b.blocked_id from blocks b
          where b.blocked_id = any(${uuidArray(senderIds)})
            and exists (select 1 from members m where m.user_id = b.blocker_id and m.conversation_id = any(${uuidArray(conversationIds)}))`,
    ),
  ]);
  const byConversation = new Map<string, Recipient[]>();
  for (const m of members) {
    const list = byConversation.get(m.conversation_id) ?? [];
    list.push({
      userId: m.user_id,
      isMuted: m.is_muted,
      notifications: m.notifications,
      mutedUntil: m.muted_until === null ? null : new Date(m.muted_until),
      lastReadSeq: Number(m.last_read_seq),
      joinedSeq: Number(m.joined_seq),
      previews: m.push_previews,
    });
    byConversation.set(m.conversation_id, list);
  }
  const facts = new Map<string, ConversationFacts>(
    conversations.map((c) => [c.id, { type: c.type, name: c.name, members: byConversation.get(c.id) ?? [] }]),
  );
  return {
    conversations: facts,
    senderNames: new Map(senders.map((s) => [s.id, s.name])),
    blocks: new Set(blocks.map((b) => `${b.blocker_id} ${b.blocked_id}`)),
    now: new Date(),
  };
}
