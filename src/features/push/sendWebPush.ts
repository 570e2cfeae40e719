import webpush from 'web-push';
import { checkOutbound, OutboundRefused, type Lookup } from '../../lib/outbound.js';
import { outboundRequest } from '../../lib/outboundRequest.js';
import type { WebPushDevice } from './devices.js';
import type { PushPayload } from './payload.js';
import type { VapidKeys } from './vapid.js';

/** What became of one push: sent; gone (remove the device); retry (after `afterMs`, if given); failed (drop it). */
export type PushOutcome =
  | { kind: 'sent'; status: number }
  | { kind: 'gone'; status?: number; reason: string }
  | { kind: 'retry'; status?: number; afterMs?: number; reason: string }
  | { kind: 'failed'; status?: number; reason: string };

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
  push: { urgency: 'high' | 'normal'; topic: string },
  opts: WebPushOptions,
): Promise<PushOutcome> {
  const details = webpush.generateRequestDetails(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: { subject: opts.subject, publicKey: opts.vapid.publicKey, privateKey: opts.vapid.privateKey },
      TTL: opts.ttlSeconds,
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
    return { kind: 'retry', reason: err instanceof Error ? err.message : String(err) };
  }
}

export function outcomeOf(status: number, retryAfter: string | undefined, now = Date.now()): PushOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent', status };
  if (status === 404 || status === 410) return { kind: 'gone', status, reason: `push service answered ${status}` };
  if (status === 429 || status >= 500) {
    const afterMs = retryAfterMs(retryAfter, now);
    return { kind: 'retry', status, reason: `push service answered ${status}`, ...(afterMs === undefined ? {} : { afterMs }) };
  }
  // 400 (bad request), 401/403 (VAPID refused), 413 (too large): sending this again will not help.
  return { kind: 'failed', status, reason: `push service answered ${status}` };
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
