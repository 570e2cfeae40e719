import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Db } from '../../db/connect.js';

/** `apns-voip`: a PushKit token (the app's `.voip` topic): only call pushes go to it, as VoIP pushes. */
export type PushPlatform = 'webpush' | 'fcm' | 'apns' | 'apns-voip';

interface DeviceBase {
  id: string;
  userId: string;
  /** The newest event it was sent a push for. */
  lastEventId: number;
}

/** A Web Push subscription. */
export interface WebPushDevice extends DeviceBase {
  platform: 'webpush';
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** An FCM registration token or an APNs device token (hex). */
export interface NativeDevice extends DeviceBase {
  platform: 'fcm' | 'apns' | 'apns-voip';
  token: string;
}

/** A device the worker sends to. */
export type PushDevice = WebPushDevice | NativeDevice;

interface DeviceRow {
  id: string;
  user_id: string;
  platform: PushPlatform;
  address: string;
  p256dh: string | null;
  auth: string | null;
  last_event_id: number;
}

/**
 * The devices of these users' live sessions on these platforms (those this node can send to); a
 * revoked session's device is never sent to, even before it is deleted.
 */
export async function pushDevicesOf(db: Db, userIds: readonly string[], platforms: readonly PushPlatform[]): Promise<PushDevice[]> {
  if (userIds.length === 0 || platforms.length === 0) return [];
  const found = await rows<DeviceRow>(
    db,
    sql`select d.id, d.user_id, d.platform, d.address, d.p256dh, d.auth, d.last_event_id from push_devices d
        join sessions s on s.id = d.session_id and s.revoked_at is null
        where d.user_id = any(${uuidArray(userIds)}) and d.platform in (${sql.join(
          platforms.map((p) => sql`${p}`),
          sql`, `,
        )})`,
  );
  return found.map(toDevice);
}

function toDevice(d: DeviceRow): PushDevice {
  const base = { id: d.id, userId: d.user_id, lastEventId: Number(d.last_event_id) };
  if (d.platform === 'webpush') return { ...base, platform: 'webpush', endpoint: d.address, p256dh: d.p256dh!, auth: d.auth! };
  return { ...base, platform: d.platform, token: d.address };
}

/** Records a sent push: a worker that restarts before its position moved skips this device for this event. */
export async function markSent(db: Db, deviceId: string, eventId: number): Promise<void> {
  await db.execute(sql`update push_devices set last_event_id = ${eventId} where id = ${deviceId} and last_event_id < ${eventId}`);
}

/** The provider says the device is gone (404/410, an unregistered token), or its endpoint is no longer one we may call. */
export async function removeGoneDevice(db: Db, deviceId: string): Promise<void> {
  await db.execute(sql`delete from push_devices where id = ${deviceId}`);
}
