import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.js';
import { calls } from '../../db/schema.js';
import type { EventBatch } from '../../events/runCommand.js';
import { appendMessage } from '../messages/appendMessage.js';
import { usersByIds } from '../users/queries.js';
import { toCall, type CallDto, type CallRow } from './present.js';

export type EndReason = NonNullable<CallRow['endReason']>;

/** A call that ended without ever being answered is a missed call for the callee (not when they declined it). */
const missedFor = (row: CallRow, reason: EndReason) => row.status === 'ringing' && reason !== 'declined';

/**
 * Ends a live call (the row is locked by the caller): both people's devices hear `call:ended`
 * (but `origin`, which has the ack), and a call never answered leaves a missed-call system message
 * in the direct chat, written like any message so it syncs and pushes.
 */
export async function endCallIn(tx: Tx, events: EventBatch, row: CallRow, reason: EndReason, origin?: string): Promise<CallDto> {
  const [ended] = await tx
    .update(calls)
    .set({ status: 'ended', endReason: reason, endedAt: new Date() })
    .where(eq(calls.id, row.id))
    .returning();
  const call = toCall(ended!);
  for (const userId of [row.callerId, row.calleeId]) {
    events.add({ type: 'call:ended', userId, payload: { call, reason }, origin });
  }
  if (missedFor(row, reason)) await recordMissedCall(tx, events, row);
  return call;
}

async function recordMissedCall(tx: Tx, events: EventBatch, row: CallRow): Promise<void> {
  const names = await usersByIds(tx, [row.callerId]);
  const caller = names.get(row.callerId)?.name ?? 'someone';
  await appendMessage(tx, events, {
    conversationId: row.conversationId,
    senderId: row.callerId,
    type: 'system',
    text: `Missed ${row.media === 'video' ? 'video ' : ''}call from ${caller}`,
    system: { action: 'call_missed', actorId: row.callerId, userId: row.calleeId },
  });
}
