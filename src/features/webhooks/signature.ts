import crypto from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_` + base64 of
 * the key; a delivery carries `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature`
 * = `v1,` + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`. node:crypto does it in a few lines,
 * so the server needs no library; the tests verify with the spec's reference implementation.
 */

const PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes (the spec asks for 24 to 64). */
export const newWebhookSecret = (): string => `${PREFIX}${crypto.randomBytes(32).toString('base64')}`;

/** `v1,<signature>` of one attempt. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  const mac = crypto.createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The headers of one attempt: the timestamp is the attempt's (receivers refuse old ones), the id the same on every retry. */
export function webhookHeaders(secret: string, id: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}
