import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { pushDevices } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';

/** Unregisters one of the actor's devices; anyone else's is push.device_not_found, as if it did not exist. */
export async function removeDevice(ex: Executor, actorId: string, deviceId: string): Promise<void> {
  const gone = await ex
    .delete(pushDevices)
    .where(and(eq(pushDevices.id, deviceId), eq(pushDevices.userId, actorId)))
    .returning({ id: pushDevices.id });
  if (gone.length === 0) throw fail('push.device_not_found');
}
