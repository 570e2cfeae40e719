import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows, type Executor, type Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import { members, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { unreadMentionCounts } from './unreadMentions.js';

export type ReceiptKind = 'delivered' | 'read';

/**
 * Marks the read receipt just recorded with the members who have read receipts off: they do not
 * hear others' reads (the emitter leaves them out; sync skips it for them).
 */
async function withholdFromReceiptsOff(tx: Tx, events: EventBatch, conversationId: string): Promise<void> {
  const [receipt] = (await events.flush()).slice(-1);
  const [marked] = await rows<{ hidden_from: string[] | null }>(
    tx,
    sql`update events set hidden_from = (
          select array_agg(m.user_id order by m.user_id) from members m join users u on u.id = m.user_id
          where m.conversation_id = ${conversationId} and not u.privacy_read_receipts)
        where id = ${receipt!.id}
        returning hidden_from`,
  );
  receipt!.hiddenFrom = marked?.hidden_from ?? null;
}

/**
 * Moves the actor's delivered or read watermark forward (never back) to `upToSeq`, or to the
 * conversation's last message when omitted. Reading implies delivery. One row per member,
 * not one per message; the conversation hears `message:status` when the watermark moved. The
 * answer says what is still unread, mentions of the actor included (the badge a reader clears).
 */
export async function advanceWatermark(
  ctx: AppContext,
  actorId: string,
  conversationId: string,
  kind: ReceiptKind,
  upToSeq?: number,
): Promise<{ lastReadSeq: number; lastDeliveredSeq: number; unreadCount: number; unreadMentionCount: number }> {
  return ctx.run(async (tx, events) => {
    const [member] = await rows<{
      last_seq: number;
      last_read_seq: number;
      last_delivered_seq: number;
      read_receipts: boolean;
      broadcast: boolean;
    }>(
      tx,
      sql`select c.last_seq, m.last_read_seq, m.last_delivered_seq, u.privacy_read_receipts as read_receipts,
                 c.type = 'group' and c.post_permission = 'admins' as broadcast
          from members m
          join conversations c on c.id = m.conversation_id
          join users u on u.id = m.user_id
          where m.conversation_id = ${conversationId} and m.user_id = ${actorId} for update of m`,
    );
    if (!member) throw fail('conversation.not_found');
    const lastSeq = Number(member.last_seq);
    const target = Math.min(upToSeq ?? lastSeq, lastSeq);
    let read = Number(member.last_read_seq);
    let delivered = Number(member.last_delivered_seq);
    const at = new Date();
    const moved = kind === 'read' ? target > read : target > delivered;
    if (moved) {
      const deliveredMoves = target > delivered;
      if (kind === 'read') read = target;
      delivered = Math.max(delivered, target);
      await tx
        .update(members)
        .set({
          ...(kind === 'read' ? { lastReadSeq: read, lastReadAt: at } : {}),
          ...(deliveredMoves ? { lastDeliveredSeq: delivered, lastDeliveredAt: at } : {}),
        })
        .where(and(eq(members.conversationId, conversationId), eq(members.userId, actorId)));
      // Only the actor's own devices hear it (they sync their watermark) when their read receipts
      // are off, and in a broadcast group, where every member's mark would go to thousands.
      const ownOnly = member.broadcast || (kind === 'read' && !member.read_receipts);
      events.add({
        type: 'message:status',
        conversationId,
        ...(ownOnly ? { userId: actorId } : {}),
        payload: { conversationId, userId: actorId, status: kind, upToSeq: target, at: at.toISOString() },
      });
      if (kind === 'read' && !ownOnly) await withholdFromReceiptsOff(tx, events, conversationId);
      // A read with receipts off still tells the others it was delivered, as delivery does.
      if (ownOnly && !member.broadcast && deliveredMoves) {
        events.add({
          type: 'message:status',
          conversationId,
          payload: { conversationId, userId: actorId, status: 'delivered', upToSeq: delivered, at: at.toISOString() },
        });
      }
    }
    const mentions = await unreadMentionCounts(tx, actorId, [conversationId]);
    return {
      lastReadSeq: read,
      lastDeliveredSeq: delivered,
      unreadCount: Math.max(0, lastSeq - read),
      unreadMentionCount: mentions.get(conversationId) ?? 0,
    };
  });
}

/**
 * Who has the message delivered / read, with the time their watermark passed it (at or before that
 * time), as `viewerId` may see it: no reads at all when the viewer has read receipts off, and never
 * the reads of members who have them off (they still show as delivered).
 */
export async function listReceipts(ex: Executor, message: { conversationId: string; seq: number; senderId: string }, viewerId: string) {
  const marks = await ex
    .select({ member: members, readReceipts: users.privacyReadReceipts })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.conversationId, message.conversationId), ne(members.userId, message.senderId)));
  const [viewer] = await ex.select({ readReceipts: users.privacyReadReceipts }).from(users).where(eq(users.id, viewerId));
  const at = (d: Date | null) => (d ?? new Date(0)).toISOString();
  const showsReads = viewer?.readReceipts !== false;
  return {
    delivered: marks
      .filter(({ member: m }) => m.lastDeliveredSeq >= message.seq)
      .map(({ member: m }) => ({ userId: m.userId, at: at(m.lastDeliveredAt) })),
    read: marks
      .filter(({ member: m, readReceipts }) => showsReads && readReceipts && m.lastReadSeq >= message.seq)
      .map(({ member: m }) => ({ userId: m.userId, at: at(m.lastReadAt) })),
  };
}
