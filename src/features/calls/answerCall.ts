import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { calls } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import type { CallParty } from './inviteCall.js';
import { lockCallOf, stillRinging } from './lockCall.js';
import { toCall, type CallDto } from './present.js';

/**
 * The callee answers from one device: the first answer wins (the row lock orders them; a later one
 * gets call.not_ringing). The caller hears `call:answered` with the answer, the callee's other
 * devices `call:ended` with `answered_elsewhere`, and ICE now flows between the two sockets.
 */
export function answerCall(ctx: AppContext, callee: CallParty, callId: string, sdp: string): Promise<CallDto> {
  return ctx.run(async (tx, events) => {
    const row = await lockCallOf(tx, callId, callee.userId);
    if (row.calleeId !== callee.userId) throw fail('call.not_ringing', 'only the callee answers a call');
    if (!stillRinging(row)) throw fail('call.not_ringing', 'this call is not ringing any more');
    const [answered] = await tx
      .update(calls)
      .set({ status: 'active', calleeSocket: callee.socketId, answeredAt: new Date() })
      .where(eq(calls.id, row.id))
      .returning();
    const call = toCall(answered!);
    events.add({ type: 'call:answered', userId: row.callerId, payload: { call, sdp } });
    events.add({ type: 'call:ended', userId: row.calleeId, payload: { call, reason: 'answered_elsewhere' }, origin: callee.origin });
    return call;
  });
}
