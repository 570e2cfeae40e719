import type { DetailedError, HttpRequest, HttpResponse } from 'tus-js-client';
import { isRetryable, networkError, ParleyError, problemToError } from './errors.js';
import type { RestAuth } from './rest.js';

/** What tus-js-client needs around each request of an upload: tokens, retry decisions, errors, the bytes. */

export type Bytes = Blob | Uint8Array;

function problemOf(res: HttpResponse): { code?: unknown } | undefined {
  try {
    return JSON.parse(res.getBody()) as { code?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * The bearer token on every request, from `auth`. After a 401 `auth.token_expired` (`expired`
 * says to retry, once in a row) the next request asks `auth.refreshed(stale)` first. tus-js-client
 * sends one request at a time, so one `stale` is enough.
 */
export function tusAuth(auth: RestAuth) {
  let stale: string | undefined;
  let expiredInARow = 0;
  return {
    beforeRequest: async (req: HttpRequest): Promise<void> => {
      const token = stale === undefined ? await auth.accessToken() : await auth.refreshed(stale);
      stale = undefined;
      if (token) req.setHeader('Authorization', `Bearer ${token}`);
    },
    afterResponse: (_req: HttpRequest, res: HttpResponse): void => {
      if (res.getStatus() < 400) expiredInARow = 0;
    },
    expired: (err: DetailedError): boolean => {
      const res = err.originalResponse;
      const sent = err.originalRequest?.getHeader('Authorization')?.replace(/^Bearer /, '');
      if (!res || !sent || res.getStatus() !== 401 || problemOf(res)?.code !== 'auth.token_expired') return false;
      if (expiredInARow++ > 0) return false;
      stale = sent;
      return true;
    },
  };
}

/**
 * Worth another attempt (tus-js-client waits `retryDelays` and asks the server how far it got):
 * no answer at all, tus's 409 (the offset moved) and 423 (the upload is busy), and the retryable
 * problems (5xx, rate_limited). Other refusals (quota, type, not found) are final.
 */
export function shouldRetry(err: DetailedError): boolean {
  const res = err.originalResponse;
  // No answer: the network, unless our own step before the request refused (the session ended, say).
  if (!res) return !(err.causingError instanceof ParleyError) || err.causingError.retryable;
  const status = res.getStatus();
  if (status === 409 || status === 423) return true;
  const code = problemOf(res)?.code;
  return typeof code === 'string' ? isRetryable(code) : status >= 500 || status === 429 || status === 408;
}

/** The ParleyError an upload rejects with: the server's problem, `network.failed`, or `upload.failed`. */
export function uploadError(err: Error | DetailedError): ParleyError {
  const { originalResponse: res, causingError } = err as Partial<DetailedError>;
  if (res) return problemToError(res.getStatus(), problemOf(res), { get: (name) => res.getHeader(name) ?? null });
  if (causingError instanceof ParleyError) return causingError;
  if (causingError) return networkError(causingError);
  return new ParleyError({ code: 'upload.failed', detail: err.message, cause: err });
}

/**
 * tus-js-client's view of the data: slices as bytes (what its Node HTTP stack sends), with `size`
 * as its own sources have. Where there is an XMLHttpRequest (browsers, React Native) a Blob's
 * slices go as Blobs: the browser streams them, nothing is copied into memory.
 */
export function bytesSource(input: Bytes) {
  const size = input instanceof Uint8Array ? input.byteLength : input.size;
  const streams = typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest === 'function';
  const slice = async (start: number, end: number): Promise<Blob | Uint8Array> => {
    if (input instanceof Uint8Array) return input.subarray(start, end);
    const part = input.slice(start, end);
    return streams || typeof part.arrayBuffer !== 'function' ? part : new Uint8Array(await part.arrayBuffer());
  };
  return {
    size,
    slice: async (start: number, end: number) => {
      const stop = Math.min(end, size);
      const value = await slice(start, stop);
      if (value instanceof Uint8Array) Object.assign(value, { size: value.byteLength });
      return { value, done: stop >= size };
    },
    close: () => {},
  };
}
