import type { AppContext } from '../../context.js';
import { endCallIn, type EndReason } from './endCall.js';
import { lockCallOf } from './lockCall.js';
import { toCall, type CallDto, type CallRow } from './present.js';
import type { CallParty } from './inviteCall.js';

/** What a hangup means: the caller cancels a ring, the callee declines it, either ends an answered call. */
const reasonFor = (row: CallRow, userId: string): EndReason =>
  row.status === 'active' ? 'hangup' : row.callerId === userId ? 'cancelled' : 'declined';

/** Ends a call; one that has ended already is answered as it is (a hangup can cross the other side's). */
export function hangupCall(ctx: AppContext, party: CallParty, callId: string): Promise<CallDto> {
  return ctx.run(async (tx, events) => {
    const row = await lockCallOf(tx, callId, party.userId);
    if (row.status === 'ended') return toCall(row);
    return endCallIn(tx, events, row, reasonFor(row, party.userId), party.origin);
  });
}

/**
 * A socket in a call went away: a ring it started, or an answered call it carried, ends as
 * `disconnected` (its signalling cannot reach it any more). Ended calls are left alone.
 */
export function dropCallOfSocket(ctx: AppContext, userId: string, socketId: string, callId: string): Promise<void> {
  return ctx.run(async (tx, events) => {
    const row = await lockCallOf(tx, callId, userId);
    const carried = row.callerSocket === socketId || row.calleeSocket === socketId;
    if (row.status === 'ended' || !carried) return;
    await endCallIn(tx, events, row, 'disconnected');
  });
}
