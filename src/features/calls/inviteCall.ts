import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import { calls, conversations } from '../../db/schema.js';
import type { EventBatch } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isBlockedEitherWay } from '../users/blocks.js';
import { findActiveUser } from '../users/queries.js';
import { endCallIn } from './endCall.js';
import { stillRinging } from './lockCall.js';
import { toCall, type CallDto, type CallRow } from './present.js';

export interface CallInvite {
  userId: string;
  sdp: string;
  media: 'audio' | 'video';
}

/** Who calls, from which socket (the one that gets the answer and the ICE candidates). */
export interface CallParty {
  userId: string;
  socketId: string;
  /** The socket the events it causes skip (it has the ack); none for a socket that asked to hear them too (echo). */
  origin?: string;
}

/**
 * Starts a call in the direct chat of the two (there must be one, with no block either way):
 * every device of the callee hears `call:incoming` with the offer, through the event log, so
 * it reaches them on any node and the push worker can wake a device with no socket.
 */
export function inviteCall(ctx: AppContext, caller: CallParty, input: CallInvite): Promise<CallDto> {
  if (input.userId === caller.userId) throw fail('call.not_allowed', 'you cannot call yourself');
  return ctx.run(async (tx, events) => {
    await findActiveUser(tx, input.userId);
    // Two invites at once to the same person (or from them) must not both pass the busy check.
    for (const id of [caller.userId, input.userId].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`call:${id}`}))`);
    const directKey = [caller.userId, input.userId].sort().join(':');
    const [direct] = await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.directKey, directKey));
    if (!direct) throw fail('call.not_allowed', 'you can only call someone you share a direct chat with');
    if (await isBlockedEitherWay(tx, caller.userId, input.userId)) throw fail('user.blocked', 'a block stands between you and this user');
    await assertNotBusy(ctx, tx, events, [caller.userId, input.userId]);
    const now = new Date();
    const [row] = await tx
      .insert(calls)
      .values({
        id: newId(),
        conversationId: direct.id,
        callerId: caller.userId,
        calleeId: input.userId,
        media: input.media,
        status: 'ringing',
        callerSocket: caller.socketId,
        createdAt: now,
        ringUntil: new Date(now.getTime() + ctx.config.CALL_RING_TIMEOUT_SECONDS * 1000),
      })
      .returning();
    const call = toCall(row!);
    events.add({ type: 'call:incoming', userId: input.userId, payload: { call, sdp: input.sdp } });
    return call;
  });
}

/**
 * Busy: either person is in a live call. A ring past its timeout does not count (the sweep ends it);
 * an answered call whose devices are all gone (their node died) is ended here, so it cannot block them forever.
 */
async function assertNotBusy(ctx: AppContext, tx: Tx, events: EventBatch, userIds: string[]): Promise<void> {
  const live = await tx
    .select()
    .from(calls)
    .where(and(ne(calls.status, 'ended'), or(...userIds.flatMap((id) => [eq(calls.callerId, id), eq(calls.calleeId, id)]))))
    .for('update');
  for (const row of live) {
    if (row.status === 'ringing' && !stillRinging(row)) continue;
    if (row.status === 'active' && !(await ctx.sessions.anyConnected(callSockets(row)))) {
      await endCallIn(tx, events, row, 'disconnected');
      continue;
    }
    throw fail('call.busy', 'already in a call');
  }
}

export const callSockets = (row: CallRow) => [row.callerSocket, ...(row.calleeSocket ? [row.calleeSocket] : [])];
