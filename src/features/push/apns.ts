import type { ApnsCredentials } from './credentials.js';
import { ApnsProviderToken } from './apnsJwt.js';
import { Http2Connection } from './http2Session.js';
import type { PushJob } from './lanes.js';
import { apnsBody, apnsHeaders } from './nativePayload.js';
import { noAnswer, retryOutcome, type PushOutcome } from './outcome.js';
import type { PushSender } from './sender.js';

/** 403 ExpiredProviderToken: a new provider token is made and the push sent again once. */
export type ApnsAnswer = PushOutcome | { kind: 'expired_token' };

/** APNs reasons that mean the device token will never work again for this app. */
const goneReasons = new Set(['BadDeviceToken', 'DeviceTokenNotForTopic', 'Unregistered', 'ExpiredToken']);

/** An APNs answer (status and `{reason}`) → what becomes of the push (docs/push.md has the table). */
export function apnsOutcome(status: number, reason: string | undefined, retryAfter: string | undefined, now = Date.now()): ApnsAnswer {
  const why = `APNs answered ${status}${reason ? ` ${reason}` : ''}`;
  if (status === 200) return { kind: 'sent', status };
  if (status === 410 || (status === 400 && reason !== undefined && goneReasons.has(reason))) return { kind: 'gone', status, reason: why };
  if (status === 403 && reason === 'ExpiredProviderToken') return { kind: 'expired_token' };
  if (status === 429 || status >= 500) return retryOutcome(status, retryAfter, why, now);
  // 400 (a bad payload or header), 403 (InvalidProviderToken, wrong team or topic), 413: sending it again will not help.
  return { kind: 'failed', status, reason: why };
}

export interface ApnsOptions {
  ttlSeconds: number;
  timeoutMs: number;
  onReconnect?: (why: string) => void;
}

/** A sender with its HTTP/2 connection and provider token, both reused across pushes. */
export interface ApnsSender extends PushSender {
  readonly connection: Http2Connection;
}

/** Sends to APNs devices: `POST /3/device/<token>` over one HTTP/2 session, with token-based (JWT) authentication. */
export function apnsSender(creds: ApnsCredentials, opts: ApnsOptions): ApnsSender {
  const jwt = new ApnsProviderToken(creds);
  const connection = new Http2Connection(creds.url, { ca: creds.ca, timeoutMs: opts.timeoutMs, onClose: opts.onReconnect });
  const post = async (job: PushJob, token: string, bearer: string): Promise<ApnsAnswer> => {
    try {
      const res = await connection.request(
        {
          ':method': 'POST',
          ':path': `/3/device/${token}`,
          authorization: `bearer ${bearer}`,
          ...apnsHeaders({ ...job, token, voip: job.device.platform === 'apns-voip' }, creds.topic, opts.ttlSeconds),
        },
        JSON.stringify(apnsBody(job.payload, job.device.platform === 'apns-voip')),
      );
      const retryAfter: string | string[] | undefined = res.headers['retry-after'];
      return apnsOutcome(res.status, reasonOf(res.body), typeof retryAfter === 'string' ? retryAfter : retryAfter?.[0]);
    } catch (err) {
      return noAnswer(err);
    }
  };
  return {
    connection,
    async send(job) {
      // The token is hex (checked at registration), so it cannot change the path.
      if (job.device.platform !== 'apns' && job.device.platform !== 'apns-voip') return { kind: 'failed', reason: 'not an APNs device' };
      const { token } = job.device;
      const bearer = await jwt.current();
      const answer = await post(job, token, bearer);
      if (answer.kind !== 'expired_token') return answer;
      const again = await post(job, token, await jwt.renew(bearer));
      return again.kind === 'expired_token' ? { kind: 'failed', status: 403, reason: 'APNs refused a fresh provider token' } : again;
    },
    close: () => connection.close(),
  };
}

function reasonOf(body: string): string | undefined {
  try {
    const reason = (JSON.parse(body) as { reason?: unknown }).reason;
    return typeof reason === 'string' ? reason : undefined;
  } catch {
    return undefined;
  }
}
