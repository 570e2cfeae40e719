import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { calls } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';

/** Where a party's ICE candidate goes: the other socket of an answered call. */
export async function iceTarget(ex: Executor, callId: string, userId: string, socketId: string): Promise<string> {
  const [row] = await ex.select().from(calls).where(eq(calls.id, callId));
  if (!row || (row.callerId !== userId && row.calleeId !== userId)) throw fail('call.not_found');
  if (row.status !== 'active' || !row.calleeSocket) throw fail('call.not_active', 'send ICE candidates once the call is answered');
  if (socketId === row.callerSocket) return row.calleeSocket;
  if (socketId === row.calleeSocket) return row.callerSocket;
  throw fail('call.not_active', 'this call goes on on another of your devices');
}
