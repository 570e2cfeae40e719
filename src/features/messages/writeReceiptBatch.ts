import { sql } from 'drizzle-orm';
import { jsonRows, rows, type Tx } from '../../db/connect.js';
import type { EventDraft } from '../../events/types.js';
import type { EventBatch } from '../../events/runCommand.js';
import { fail, type AppError } from '../../lib/errors.js';
import { memberKey } from './lockAndReadForSends.js';
import type { ReceiptKind, ReceiptRequest, Watermark } from './sendQueue.js';
import { unreadMentionCountsOf } from './unreadMentions.js';

export type ReceiptOutcome = { ok: Watermark } | { error: AppError };

interface Locked {
  conversation_id: string;
  user_id: string;
  last_seq: number;
  last_read_seq: number;
  last_delivered_seq: number;
  read_receipts: boolean;
  broadcast: boolean;
  /** The conversation's members with read receipts off: they do not hear others' reads. */
  receipts_off: string[] | null;
}

/** One member's receipts of a batch, folded: the furthest read and the furthest delivery asked for. */
interface Marks {
  conversationId: string;
  userId: string;
  read?: number;
  delivered?: number;
}

/**
 * The receipt command for any number of receipts, inside the caller's transaction (the group
 * commit's, with the sends of the same conversations): one statement locks and reads the
 * members' rows, one moves their watermarks (forward only), one counts their unread mentions.
 * A member's receipts in one batch fold into one move: the furthest read and delivery; reading
 * implies delivery. The conversation hears `message:status` for what moved, once per member.
 *
 * `lastSeqBefore`: the conversations' last seqs before this batch's sends. A receipt without
 * `upToSeq` means "up to the last message I have": not a message written in the same batch.
 */
export async function writeReceiptBatch(
  tx: Tx,
  events: EventBatch,
  requests: readonly ReceiptRequest[],
  lastSeqBefore: ReadonlyMap<string, number> = new Map(),
): Promise<ReceiptOutcome[]> {
  if (requests.length === 0) return [];
  const folded = fold(requests);
  const locked = await lockMembers(tx, [...folded.values()]);
  const at = new Date();
  const moves: { conversationId: string; userId: string; read: number; delivered: number }[] = [];
  const after = new Map<string, Watermark>();
  for (const [key, marks] of folded) {
    const member = locked.get(key);
    if (!member) continue;
    const lastSeq = Number(member.last_seq);
    const cap = (upTo: number) => Math.min(upTo === Infinity ? (lastSeqBefore.get(marks.conversationId) ?? lastSeq) : upTo, lastSeq);
    const before = { read: Number(member.last_read_seq), delivered: Number(member.last_delivered_seq) };
    const read = Math.max(before.read, marks.read === undefined ? 0 : cap(marks.read));
    const delivered = Math.max(before.delivered, read, marks.delivered === undefined ? 0 : cap(marks.delivered));
    if (read > before.read || delivered > before.delivered) {
      moves.push({ conversationId: marks.conversationId, userId: marks.userId, read, delivered });
      events.add(...statusEvents(member, before, { read, delivered }, at));
    }
    after.set(key, { lastReadSeq: read, lastDeliveredSeq: delivered, unreadCount: Math.max(0, lastSeq - read), unreadMentionCount: 0 });
  }
  await moveWatermarks(tx, moves, at);
  const readers = [...folded.values()].filter((m) => m.read !== undefined && after.has(memberKey(m.conversationId, m.userId)));
  const mentions = await unreadMentionCountsOf(tx, readers);
  for (const [key, count] of mentions) after.get(key)!.unreadMentionCount = count;
  return requests.map((r) => {
    const watermark = after.get(memberKey(r.conversationId, r.actorId));
    return watermark ? { ok: { ...watermark } } : { error: fail('conversation.not_found') };
  });
}

function fold(requests: readonly ReceiptRequest[]): Map<string, Marks> {
  const folded = new Map<string, Marks>();
  for (const r of requests) {
    const key = memberKey(r.conversationId, r.actorId);
    const marks = folded.get(key) ?? { conversationId: r.conversationId, userId: r.actorId };
    const upTo = r.upToSeq ?? Infinity;
    if (r.kind === 'read') marks.read = Math.max(marks.read ?? 0, upTo);
    else marks.delivered = Math.max(marks.delivered ?? 0, upTo);
    folded.set(key, marks);
  }
  return folded;
}

/**
 * What the conversation hears when a member's watermarks moved. A read goes to everyone but the
 * members with read receipts off; only to the reader's own devices when theirs are off, and in a
 * broadcast group (where every member's mark would go to thousands). Delivery is heard where
 * the read is not: beyond the read, or by the others when the reader's receipts are off.
 */
function statusEvents(
  member: Locked,
  before: { read: number; delivered: number },
  now: { read: number; delivered: number },
  at: Date,
): EventDraft[] {
  const { conversation_id: conversationId, user_id: userId } = member;
  const status = (s: ReceiptKind, upToSeq: number, audience: { userId?: string; hiddenFrom?: string[] | null }): EventDraft => ({
    type: 'message:status',
    conversationId,
    ...audience,
    payload: { conversationId, userId, status: s, upToSeq, at: at.toISOString() },
  });
  const readMoved = now.read > before.read;
  const readOwnOnly = member.broadcast || !member.read_receipts;
  const drafts: EventDraft[] = [];
  const deliveredHeard = now.delivered > before.delivered && (!readMoved || now.delivered > now.read || (readOwnOnly && !member.broadcast));
  if (deliveredHeard) drafts.push(status('delivered', now.delivered, member.broadcast ? { userId } : {}));
  if (readMoved) drafts.push(status('read', now.read, readOwnOnly ? { userId } : { hiddenFrom: member.receipts_off }));
  return drafts;
}

/** Locks the members' rows (in key order, so batches never deadlock on each other) and reads what the receipts are decided on. */
async function lockMembers(tx: Tx, marks: Marks[]): Promise<Map<string, Locked>> {
  const found = await rows<Locked>(
    tx,
    sql`with v as (select * from jsonb_to_recordset(${jsonRows(marks.map(({ conversationId, userId, read }) => ({ conversationId, userId, reads: read !== undefined })))})
                   as v("conversationId" uuid, "userId" uuid, reads boolean)),
        off as (
          select m.conversation_id, array_agg(m.user_id order by m.user_id) as ids
          from members m join users u on u.id = m.user_id
          where m.conversation_id in (select "conversationId" from v where reads) and not u.privacy_read_receipts
          group by m.conversation_id
        )
        select m.conversation_id, m.user_id, c.last_seq, m.last_read_seq, m.last_delivered_seq, u.privacy_read_receipts as read_receipts,
               c.type = 'group' and c.post_permission = 'admins' as broadcast, off.ids as receipts_off
        from v
        join members m on m.conversation_id = v."conversationId" and m.user_id = v."userId"
        join conversations c on c.id = m.conversation_id
        join users u on u.id = m.user_id
        left join off on off.conversation_id = m.conversation_id
        order by m.conversation_id, m.user_id
        for update of m`,
  );
  return new Map(found.map((m) => [memberKey(m.conversation_id, m.user_id), m]));
}

async function moveWatermarks(tx: Tx, moves: { conversationId: string; userId: string; read: number; delivered: number }[], at: Date) {
  if (moves.length === 0) return;
  await tx.execute(
    sql`update members m set
          last_read_at = case when v.read > m.last_read_seq then ${at} else m.last_read_at end,
          last_read_seq = v.read,
          last_delivered_at = case when v.delivered > m.last_delivered_seq then ${at} else m.last_delivered_at end,
          last_delivered_seq = v.delivered
        from jsonb_to_recordset(${jsonRows(moves)}) as v("conversationId" uuid, "userId" uuid, read int, delivered int)
        where m.conversation_id = v."conversationId" and m.user_id = v."userId"`,
  );
}
