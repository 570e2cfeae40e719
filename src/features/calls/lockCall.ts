import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.js';
import { calls } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import type { CallRow } from './present.js';

/** The call, locked for this transaction, if `userId` is in it (else call.not_found: others do not learn it exists). */
export async function lockCallOf(tx: Tx, callId: string, userId: string): Promise<CallRow> {
  const [row] = await tx.select().from(calls).where(eq(calls.id, callId)).for('update');
  if (!row || (row.callerId !== userId && row.calleeId !== userId)) throw fail('call.not_found');
  return row;
}

/** Ringing and not yet past its ring timeout (the sweep may not have marked it missed yet). */
export const stillRinging = (row: CallRow, now = new Date()) => row.status === 'ringing' && row.ringUntil > now;
