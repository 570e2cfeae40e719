import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { lastIssuedId } from '../../events/read.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { allowedPrefixes, checkOutbound, OutboundRefused } from '../../lib/outbound.js';
import { platformConfigured } from './credentials.js';
import { toDeviceDto } from './listDevices.js';
import type { PushDeviceDto, RegisterDeviceBody } from './schemas.js';

/** A session keeps its newest few subscriptions: a browser that subscribes again leaves the old one behind. */
export const MAX_DEVICES_PER_SESSION = 5;

/** What a registration stores: the address (endpoint or token) and, for Web Push, the keys. */
interface DeviceAddress {
  platform: 'webpush' | 'fcm' | 'apns' | 'apns-voip';
  address: string;
  p256dh: string | null;
  auth: string | null;
}

/**
 * Registers the session's push device. The same address (endpoint or token) again from the same
 * session is the same device (`created: false`, its keys refreshed); from another session (another
 * account signed in on that browser or phone) it moves there as a new device, so it never pushes to
 * the old one. A new device is notified of messages from now on, not of those before it
 * (`last_event_id` is the head). FCM and APNs are refused with push.platform_unavailable when their
 * provider is not configured.
 */
export async function registerDevice(
  ctx: Pick<AppContext, 'db' | 'config'>,
  actor: { userId: string; sessionId: string },
  body: RegisterDeviceBody,
): Promise<{ device: PushDeviceDto; created: boolean }> {
  if (!platformConfigured(ctx.config, body.platform)) {
    throw fail('push.platform_unavailable', `${body.platform} push is not configured on this server`);
  }
  const d = await addressOf(body, ctx.config.OUTBOUND_ALLOWED_URLS);
  const id = newId();
  // One statement: two registrations of one address at once end as one row, whoever wins.
  const [row] = await rows<{ id: string; platform: DeviceAddress['platform']; created_at: Date | string }>(
    ctx.db,
    sql`insert into push_devices (id, user_id, session_id, platform, address, p256dh, auth, last_event_id)
        values (${id}, ${actor.userId}, ${actor.sessionId}, ${d.platform}, ${d.address}, ${d.p256dh}, ${d.auth},
                ${lastIssuedId})
        on conflict (platform, address) do update set
          id = case when push_devices.session_id = excluded.session_id then push_devices.id else excluded.id end,
          created_at = case when push_devices.session_id = excluded.session_id then push_devices.created_at else now() end,
          last_event_id = case when push_devices.session_id = excluded.session_id then push_devices.last_event_id else excluded.last_event_id end,
          user_id = excluded.user_id, session_id = excluded.session_id, p256dh = excluded.p256dh, auth = excluded.auth
        returning id, platform, created_at`,
  );
  await ctx.db.execute(
    sql`delete from push_devices where session_id = ${actor.sessionId} and id not in
          (select id from push_devices where session_id = ${actor.sessionId} order by created_at desc, id desc limit ${MAX_DEVICES_PER_SESSION})`,
  );
  const device = toDeviceDto({ id: row!.id, platform: row!.platform, createdAt: new Date(row!.created_at) });
  return { device, created: row!.id === id };
}

async function addressOf(body: RegisterDeviceBody, allowed: string | undefined): Promise<DeviceAddress> {
  if (body.platform === 'webpush') {
    const { endpoint, keys } = body.subscription;
    await assertEndpointAllowed(endpoint, allowed);
    return { platform: 'webpush', address: endpoint, p256dh: keys.p256dh, auth: keys.auth };
  }
  // APNs tokens are hex, in either case: one device whichever the app sent.
  const address = body.platform === 'apns' || body.platform === 'apns-voip' ? body.token.toLowerCase() : body.token;
  return { platform: body.platform, address, p256dh: null, auth: null };
}

/** The endpoint is a URL the server will POST to: refused at once unless it passes the outbound checks. */
async function assertEndpointAllowed(endpoint: string, allowed: string | undefined): Promise<void> {
  try {
    await checkOutbound(endpoint, allowedPrefixes(allowed));
  } catch (err) {
    if (err instanceof OutboundRefused) throw fail('push.endpoint_refused', `endpoint refused: ${err.message}`);
    throw err;
  }
}
