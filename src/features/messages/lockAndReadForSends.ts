import { sql } from 'drizzle-orm';
import { jsonRows, rows, uuidArray, type Tx } from '../../db/connect.js';
import { fromRaw, type MessageRow, type RawMessage } from './present.js';
import type { SendRequest } from './sendQueue.js';

/** What a batch of sends is decided on, read under the conversations' row locks. */
export interface SendReads {
  /** The conversations that exist (now locked), by id, with their last seq and who may mention everyone. */
  conversations: ReadonlyMap<
    string,
    {
      type: 'direct' | 'group';
      lastSeq: number;
      mentionAll: 'admins' | 'members';
      postPermission: 'admins' | 'members';
      /** The disappearing timer messages sent now get (read under the lock, so no change commits in between); null: off. */
      disappearAfterSeconds: number | null;
    }
  >;
  /** A sender's membership, by `memberKey`: absent when not a member. */
  members: ReadonlyMap<string, SenderMembership>;
  /** Earlier messages with a clientMessageId used again, by `repeatKey`. */
  originals: ReadonlyMap<string, MessageRow>;
  /** The messages replied to and the thread roots replied under, by id (of any conversation: the decision checks which). */
  replies: ReadonlyMap<string, MessageRow>;
  /** The mentioned users who are members, by `memberKey`. */
  mentionable: ReadonlySet<string>;
}

export interface SenderMembership {
  /** A direct chat where a block stands between the sender and the other member. */
  blocked: boolean;
  /** The last seq before what the sender may read (history 'joined'); a reply to an older message is refused. */
  floor: number;
  role: 'owner' | 'admin' | 'member';
  /** The sender's read watermark (a send moves it to the new message: the others hear a read receipt). */
  lastRead: number;
}

export const memberKey = (conversationId: string, userId: string) => `${conversationId}:${userId}`;
export const repeatKey = (conversationId: string, senderId: string, clientMessageId: string) =>
  `${conversationId}:${senderId}:${clientMessageId}`;

interface Reads {
  allowed:
    { conversationId: string; userId: string; blocked: boolean; floor: number; role: SenderMembership['role']; lastRead: number }[] | null;
  originals: RawMessage[] | null;
  replies: RawMessage[] | null;
  mentionable: { conversationId: string; userId: string }[] | null;
}

interface Locked {
  locked:
    | {
        id: string;
        type: 'direct' | 'group';
        last_seq: number;
        mention_all: 'admins' | 'members';
        post_permission: 'admins' | 'members';
        disappear_after_seconds: number | null;
        changed: boolean;
      }[]
    | null;
}

/**
 * Locks the batch's conversations (in id order, so batches never deadlock on each other) and
 * reads, in the same statement: the senders' membership and (for direct chats) blocks, the
 * originals of retried clientMessageIds and the replied-to messages. The lock makes a retry
 * that races its first attempt find it.
 */
export async function lockAndReadForSends(tx: Tx, requests: readonly SendRequest[]): Promise<SendReads> {
  const convIds = [...new Set(requests.map((r) => r.input.conversationId))].sort();
  const pairs = [
    ...new Map(
      requests.map((r) => [memberKey(r.input.conversationId, r.actorId), { conversationId: r.input.conversationId, userId: r.actorId }]),
    ).values(),
  ];
  const keyed = requests.flatMap((r) =>
    r.input.clientMessageId
      ? [{ conversationId: r.input.conversationId, senderId: r.actorId, clientMessageId: r.input.clientMessageId }]
      : [],
  );
  const replyIds = [
    ...new Set(requests.flatMap((r) => [r.input.replyToId, r.input.threadRootId].filter((id): id is string => id !== undefined))),
  ];
  const mentioned = requests.flatMap((r) =>
    (r.input.mentions?.userIds ?? []).map((userId) => ({ conversationId: r.input.conversationId, userId })),
  );

  const reads = sql`
      (select json_agg(json_build_object('conversationId', v."conversationId", 'userId', v."userId",
          'blocked', c.type = 'direct' and exists (
            select 1 from members o join blocks b
              on (b.blocker_id = o.user_id and b.blocked_id = v."userId") or (b.blocker_id = v."userId" and b.blocked_id = o.user_id)
            where o.conversation_id = v."conversationId" and o.user_id <> v."userId"),
          'floor', case when c.type = 'group' and c.history_visibility = 'joined' then m.joined_seq else 0 end,
          'role', m.role, 'lastRead', m.last_read_seq))
        from jsonb_to_recordset(${jsonRows(pairs)}) as v("conversationId" uuid, "userId" uuid)
        cross join lateral (select * from members m where m.conversation_id = v."conversationId" and m.user_id = v."userId" limit 1) m
        cross join lateral (select * from conversations c where c.id = v."conversationId" limit 1) c) as allowed,
      (select json_agg(x)
        from jsonb_to_recordset(${jsonRows(keyed)}) as v("conversationId" uuid, "senderId" uuid, "clientMessageId" text)
        cross join lateral (select * from messages x
          where x.conversation_id = v."conversationId" and x.sender_id = v."senderId" and x.client_message_id = v."clientMessageId" limit 1) x
      ) as originals,
      (select json_agg(x) from messages x where x.id = any(${uuidArray(replyIds)})) as replies,
      (select json_agg(json_build_object('conversationId', m.conversation_id, 'userId', m.user_id))
        from jsonb_to_recordset(${jsonRows(mentioned)}) as v("conversationId" uuid, "userId" uuid)
        cross join lateral (select * from members m where m.conversation_id = v."conversationId" and m.user_id = v."userId" limit 1) m) as mentionable`;
  // Each key is looked up on its own (lateral, with a limit so that it is not flattened into a
  // join): a join was planned as a scan of the whole table while the statistics still described a
  // smaller one, and cost more with every message sent (docs/benchmarks.md).
  // The reads see the database as of the statement's start; if a conversation's row changed
  // between then and its lock (every send and every membership change writes it), they are
  // done again under the lock.
  const [first] = await rows<Reads & Locked>(
    tx,
    sql`with locked as materialized (
          select id, type, last_seq, mention_all, post_permission, disappear_after_seconds, xmin::text as version from conversations where id = any(${uuidArray(convIds)}) order by id for update
        )
        select (select json_agg(json_build_object('id', l.id, 'type', l.type, 'last_seq', l.last_seq, 'mention_all', l.mention_all, 'post_permission', l.post_permission,
                  'disappear_after_seconds', l.disappear_after_seconds, 'changed', l.version <> c.xmin::text))
                from locked l join conversations c on c.id = l.id) as locked,
          ${reads}`,
  );
  const locked = first!.locked ?? [];
  const found = locked.some((l) => l.changed) ? (await rows<Reads>(tx, sql`select ${reads}`))[0]! : first!;
  return {
    conversations: new Map(
      locked.map((c) => [
        c.id,
        {
          type: c.type,
          lastSeq: Number(c.last_seq),
          mentionAll: c.mention_all,
          postPermission: c.post_permission,
          disappearAfterSeconds: c.disappear_after_seconds === null ? null : Number(c.disappear_after_seconds),
        },
      ]),
    ),
    members: new Map(
      (found.allowed ?? []).map((a) => [
        memberKey(a.conversationId, a.userId),
        { blocked: a.blocked, floor: Number(a.floor), role: a.role, lastRead: Number(a.lastRead) },
      ]),
    ),
    originals: new Map((found.originals ?? []).map(fromRaw).map((m) => [repeatKey(m.conversationId, m.senderId, m.clientMessageId!), m])),
    replies: new Map((found.replies ?? []).map(fromRaw).map((m) => [m.id, m])),
    mentionable: new Set((found.mentionable ?? []).map((m) => memberKey(m.conversationId, m.userId))),
  };
}
