import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { pushDevices } from '../../db/schema.js';

/** A device goes with its session: called where sessions are revoked, in the same transaction. */
export async function forgetSessionDevices(ex: Executor, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await ex.delete(pushDevices).where(inArray(pushDevices.sessionId, [...sessionIds]));
}
