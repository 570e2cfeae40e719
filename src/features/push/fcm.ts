import type { ServiceAccount } from './credentials.js';
import { FcmAccessTokens, TokenError } from './fcmToken.js';
import type { PushJob } from './lanes.js';
import { fcmMessage } from './nativePayload.js';
import { noAnswer, retryOutcome, type PushOutcome } from './outcome.js';
import type { PushSender } from './sender.js';

/** The error FCM answers with (google.rpc.Status, with FcmError and BadRequest details). */
export interface FcmError {
  error?: {
    status?: string;
    message?: string;
    details?: { '@type'?: string; errorCode?: string; fieldViolations?: { field?: string }[] }[];
  };
}

/** 401: our access token was refused, so a new one is fetched and the push sent again once. */
export type FcmAnswer = PushOutcome | { kind: 'unauthorized' };

/** An FCM HTTP v1 answer → what becomes of the push (docs/push.md has the table). */
export function fcmOutcome(status: number, body: FcmError, retryAfter: string | null | undefined, now = Date.now()): FcmAnswer {
  const reason = `FCM answered ${status}${body.error?.status ? ` ${body.error.status}` : ''}`;
  if (status >= 200 && status < 300) return { kind: 'sent', status };
  const details = body.error?.details ?? [];
  const codes = details.map((d) => d.errorCode);
  const onToken = details.some((d) => d.fieldViolations?.some((v) => v.field === 'message.token'));
  // UNREGISTERED: the app was uninstalled or the token expired; SENDER_ID_MISMATCH: the token is another project's.
  if (status === 404 || codes.includes('UNREGISTERED') || codes.includes('SENDER_ID_MISMATCH')) return { kind: 'gone', status, reason };
  if (status === 400 && onToken) return { kind: 'gone', status, reason: `${reason}: the token is not valid` };
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 429 || status >= 500) return retryOutcome(status, retryAfter ?? undefined, reason, now);
  return { kind: 'failed', status, reason: body.error?.message ? `${reason}: ${body.error.message}` : reason };
}

export interface FcmOptions {
  apiUrl: string;
  ttlSeconds: number;
  timeoutMs: number;
}

/** Sends to FCM devices: `POST {FCM_API_URL}/v1/projects/{project_id}/messages:send` with an OAuth2 bearer token. */
export function fcmSender(account: ServiceAccount, opts: FcmOptions): PushSender {
  const tokens = new FcmAccessTokens(account, opts.timeoutMs);
  const url = `${opts.apiUrl.replace(/\/+$/, '')}/v1/projects/${encodeURIComponent(account.project_id)}/messages:send`;
  const post = async (job: PushJob, token: string, accessToken: string): Promise<FcmAnswer> => {
    const message = fcmMessage({ ...job, token }, opts.ttlSeconds);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(message),
        redirect: 'error',
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      const body = (await res.json().catch(() => ({}))) as FcmError;
      return fcmOutcome(res.status, body, res.headers.get('retry-after'));
    } catch (err) {
      return noAnswer(err);
    }
  };
  return {
    async send(job) {
      if (job.device.platform !== 'fcm') return { kind: 'failed', reason: 'not an FCM device' };
      const { token } = job.device;
      try {
        let accessToken = await tokens.token();
        let answer = await post(job, token, accessToken);
        if (answer.kind === 'unauthorized') {
          await tokens.invalidate(accessToken);
          accessToken = await tokens.token();
          answer = await post(job, token, accessToken);
        }
        return answer.kind === 'unauthorized' ? { kind: 'failed', status: 401, reason: 'FCM refused a fresh access token' } : answer;
      } catch (err) {
        if (!(err instanceof TokenError)) throw err;
        return err.retryable ? { kind: 'retry', reason: err.message } : { kind: 'failed', reason: err.message };
      }
    },
    async close() {},
  };
}
