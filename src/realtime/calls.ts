import type { AppContext } from '../context.js';
import { dropCallOfSocket } from '../features/calls/hangupCall.js';
import type { ParleySocket } from './types.js';

/** The socket is in this call now: its disconnect ends it. */
export function remember(socket: ParleySocket, callId: string): void {
  const calls = socket.data.calls ?? [];
  if (!calls.includes(callId)) socket.data.calls = [...calls, callId];
}

/**
 * A socket that started or answered a call went away: its calls end as `disconnected`, since their
 * signalling (answer, ICE, hangup) cannot reach it any more. A socket never in a call costs nothing.
 */
export async function dropCallsOf(ctx: AppContext, socket: ParleySocket): Promise<void> {
  for (const callId of socket.data.calls ?? []) {
    await dropCallOfSocket(ctx, socket.data.userId, socket.id, callId).catch((err) =>
      ctx.log.warn({ err, callId }, 'ending a call failed'),
    );
  }
}
