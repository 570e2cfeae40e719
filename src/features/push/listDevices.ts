import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { pushDevices, sessions } from '../../db/schema.js';
import type { PushDeviceDto } from './schemas.js';

type DeviceRow = Pick<typeof pushDevices.$inferSelect, 'id' | 'platform' | 'createdAt'>;

export const toDeviceDto = (d: DeviceRow): PushDeviceDto => ({ id: d.id, platform: d.platform, createdAt: d.createdAt.toISOString() });

/** The actor's push devices, of every live session of theirs, oldest first. */
export async function listDevices(ex: Executor, actorId: string): Promise<PushDeviceDto[]> {
  const found = await ex
    .select({ id: pushDevices.id, platform: pushDevices.platform, createdAt: pushDevices.createdAt })
    .from(pushDevices)
    .innerJoin(sessions, eq(sessions.id, pushDevices.sessionId))
    .where(and(eq(pushDevices.userId, actorId), isNull(sessions.revokedAt)))
    .orderBy(asc(pushDevices.createdAt), asc(pushDevices.id));
  return found.map(toDeviceDto);
}
