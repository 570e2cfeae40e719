import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { members, users } from '../../db/schema.js';
import type { ReceiptKind, Watermark } from './sendQueue.js';

/**
 * Moves the actor's delivered or read watermark forward (never back) to `upToSeq`, or to the
 * conversation's last message when omitted: over REST or the socket, the one entry point.
 * Queued to be committed with the sends and receipts of the same conversations around it
 * (groupCommit.ts, writeReceiptBatch.ts). The conversation hears `message:status` when the
 * watermark moved; the answer says what is still unread, mentions of the actor included.
 */
export function advanceWatermark(
  ctx: Pick<AppContext, 'sends'>,
  actorId: string,
  conversationId: string,
  kind: ReceiptKind,
  upToSeq?: number,
): Promise<Watermark> {
  return ctx.sends.receipt({ actorId, conversationId, kind, upToSeq });
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
