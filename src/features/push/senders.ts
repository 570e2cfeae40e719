import type { AppContext } from '../../context.js';
import { allowedPrefixes, cachedLookup } from '../../lib/outbound.js';
import { apnsSender } from './apns.js';
import { apnsCredentials, fcmAccount } from './credentials.js';
import { fcmSender } from './fcm.js';
import type { PushSender, PushSenders } from './sender.js';
import { sendWebPush, type WebPushOptions } from './sendWebPush.js';
import { vapidKeys } from './vapid.js';

type SenderContext = Pick<AppContext, 'db' | 'config' | 'log'>;

/** Web Push: always on (the VAPID keys live in the database, read on the first push). */
function webPushSender(ctx: SenderContext, timeoutMs: number): PushSender {
  let options: Promise<WebPushOptions> | undefined;
  const load = async (): Promise<WebPushOptions> => ({
    vapid: await vapidKeys(ctx.db),
    subject: ctx.config.VAPID_SUBJECT,
    ttlSeconds: ctx.config.PUSH_TTL_SECONDS,
    allowed: allowedPrefixes(ctx.config.OUTBOUND_ALLOWED_URLS),
    timeoutMs,
    lookup: cachedLookup(30_000),
  });
  return {
    async send(job) {
      if (job.device.platform !== 'webpush') return { kind: 'failed', reason: 'not a Web Push device' };
      if (!options) {
        options = load();
        options.catch(() => (options = undefined));
      }
      return sendWebPush(job.device, job.payload, job, await options);
    },
    async close() {},
  };
}

/**
 * A sender per platform this node can push to: Web Push always, FCM when FCM_SERVICE_ACCOUNT_JSON
 * is set, APNs when APNS_KEY is. The provider URLs are the operator's configuration, not a user's,
 * so they are called as configured (no OUTBOUND_ALLOWED_URLS check); what a user gives (the device
 * token) is validated at registration. Throws, naming the variable, when a key cannot be used.
 */
export function pushSenders(ctx: SenderContext, timeoutMs: number): PushSenders {
  const senders: PushSenders = { webpush: webPushSender(ctx, timeoutMs) };
  const ttlSeconds = ctx.config.PUSH_TTL_SECONDS;
  const account = fcmAccount(ctx.config);
  if (account) senders.fcm = fcmSender(account, { apiUrl: ctx.config.FCM_API_URL, ttlSeconds, timeoutMs });
  const apns = apnsCredentials(ctx.config);
  if (apns) {
    const onReconnect = (why: string) => ctx.log.debug({ why }, 'APNs connection closed; the next push opens a new one');
    senders.apns = apnsSender(apns, { ttlSeconds, timeoutMs, onReconnect });
    // PushKit tokens go over the same connection and key, to the `.voip` topic.
    senders['apns-voip'] = senders.apns;
  }
  return senders;
}
