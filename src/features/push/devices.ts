import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Db } from '../../db/connect.js';

/** A Web Push device the worker sends to. */
export interface WebPushDevice {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  /** The newest event it was sent a push for. */
  lastEventId: number;
}

/** The Web Push devices of these users' live sessions (a revoked session's device is never sent to, even before it is deleted). */
export async function webPushDevicesOf(db: Db, userIds: readonly string[]): Promise<WebPushDevice[]> {
  if (userIds.length === 0) return [];
  const found = await rows<{ id: string; user_id: string; address: string; p256dh: string; auth: string; last_event_id: number }>(
    db,
    sql`select d.id, d.user_id, d.address, d.p256dh, d.auth, d.last_event_id from push_devices d
        join sessions s on s.id = d.session_id and s.revoked_at is null
        where d.user_id = any(${uuidArray(userIds)}) and d.platform = 'webpush'`,
  );
  return found.map((d) => ({
    id: d.id,
    userId: d.user_id,
    endpoint: d.address,
    p256dh: d.p256dh,
    auth: d.auth,
    lastEventId: Number(d.last_event_id),
  }));
}

/** Records a sent push: a worker that restarts before its position moved skips this device for this event. */
export async function markSent(db: Db, deviceId: string, eventId: number): Promise<void> {
  await db.execute(sql`update push_devices set last_event_id = ${eventId} where id = ${deviceId} and last_event_id < ${eventId}`);
}

/** The push service says the subscription is gone (404/410), or its endpoint is no longer one we may call. */
export async function removeGoneDevice(db: Db, deviceId: string): Promise<void> {
  await db.execute(sql`delete from push_devices where id = ${deviceId}`);
}
