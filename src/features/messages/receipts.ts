import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows, type Executor } from '../../db/connect.js';
import { members } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { unreadMentionCounts } from './unreadMentions.js';

export type ReceiptKind = 'delivered' | 'read';

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
    const [member] = await rows<{ last_seq: number; last_read_seq: number; last_delivered_seq: number }>(
      tx,
      sql`select c.last_seq, m.last_read_seq, m.last_delivered_seq from members m
          join conversations c on c.id = m.conversation_id
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
      events.add({
        type: 'message:status',
        conversationId,
        payload: { conversationId, userId: actorId, status: kind, upToSeq: target, at: at.toISOString() },
      });
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

/** Who has the message delivered / read, with the time their watermark passed it (at or before that time). */
export async function listReceipts(ex: Executor, message: { conversationId: string; seq: number; senderId: string }) {
  const marks = await ex
    .select()
    .from(members)
    .where(and(eq(members.conversationId, message.conversationId), ne(members.userId, message.senderId)));
  const at = (d: Date | null) => (d ?? new Date(0)).toISOString();
  return {
    delivered: marks.filter((m) => m.lastDeliveredSeq >= message.seq).map((m) => ({ userId: m.userId, at: at(m.lastDeliveredAt) })),
    read: marks.filter((m) => m.lastReadSeq >= message.seq).map((m) => ({ userId: m.userId, at: at(m.lastReadAt) })),
  };
}
