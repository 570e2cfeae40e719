import webpush from 'web-push';
import { checkOutbound, OutboundRefused, type Lookup } from '../../lib/outbound.js';
import { outboundRequest } from '../../lib/outboundRequest.js';
import type { WebPushDevice } from './devices.js';
import { noAnswer, retryOutcome, type PushOutcome } from './outcome.js';
import type { PushPayload } from './payload.js';
import type { VapidKeys } from './vapid.js';

export { retryAfterMs, type PushOutcome } from './outcome.js';

export interface WebPushOptions {
  vapid: VapidKeys;
  subject: string;
  ttlSeconds: number;
  allowed: readonly string[];
  timeoutMs: number;
  lookup?: Lookup;
}

/**
 * One Web Push (RFC 8030) of a JSON payload: web-push encrypts it (RFC 8291, aes128gcm) and signs
 * the VAPID header (RFC 8292); the request itself goes through the outbound checks, to the
 * address they resolved.
 */
export async function sendWebPush(
  device: WebPushDevice,
  payload: PushPayload,
  push: { urgency: 'high' | 'normal'; topic: string; ttlSeconds?: number },
  opts: WebPushOptions,
): Promise<PushOutcome> {
  const details = webpush.generateRequestDetails(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: { subject: opts.subject, publicKey: opts.vapid.publicKey, privateKey: opts.vapid.privateKey },
      TTL: push.ttlSeconds ?? opts.ttlSeconds,
      urgency: push.urgency,
      topic: push.topic,
      contentEncoding: 'aes128gcm',
    },
  );
  let target;
  try {
    target = await checkOutbound(details.endpoint, opts.allowed, opts.lookup);
  } catch (err) {
    if (!(err instanceof OutboundRefused)) throw err;
    // A name that stopped resolving may come back; one that now points inside never may be called.
    return err.reason === 'unresolvable' ? { kind: 'retry', reason: err.message } : { kind: 'gone', reason: err.message };
  }
  try {
    const res = await outboundRequest(target, {
      method: 'POST',
      headers: details.headers,
      body: details.body,
      timeoutMs: opts.timeoutMs,
    });
    return outcomeOf(res.status, res.headers['retry-after']);
  } catch (err) {
    return noAnswer(err);
  }
}

export function outcomeOf(status: number, retryAfter: string | undefined, now = Date.now()): PushOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent', status };
  if (status === 404 || status === 410) return { kind: 'gone', status, reason: `push service answered ${status}` };
  if (status === 429 || status >= 500) return retryOutcome(status, retryAfter, `push service answered ${status}`, now);
  // 400 (bad request), 401/403 (VAPID refused), 413 (too large): sending this again will not help.
  return { kind: 'failed', status, reason: `push service answered ${status}` };
}
