import type { components } from './openapi.js';

/** An error answer of the REST API: application/problem+json (RFC 9457) with Parley's stable `code`. */
export type Problem = components['schemas']['Problem'];
/** `validation.failed`: one bad field (`path` like `body.text`). */
export type FieldError = NonNullable<Problem['errors']>[number];

/**
 * Codes worth trying again later, unchanged: the server or the network failed, not the request.
 * `network.failed` (fetch could not reach the server) and `ack.timeout` (a socket event got no ack,
 * say the connection dropped) are the SDK's own. Every other code is a refusal: sending the same
 * request again gets the same answer.
 */
const RETRYABLE = new Set(['service.unavailable', 'rate_limited', 'request.timeout', 'internal', 'network.failed', 'ack.timeout']);

/** Whether an error with this code may succeed when retried as is. */
export const isRetryable = (code: string): boolean => RETRYABLE.has(code);

export interface ParleyErrorInit {
  code: string;
  /** The HTTP status of the answer; 0 (the default) for the SDK's own codes. */
  status?: number;
  detail?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * What the SDK throws or rejects with: a problem the server answered (`status` its HTTP status),
 * an ack's error, or one of the SDK's own codes with `status` 0 (`network.failed`, `upload.aborted`).
 */
export class ParleyError extends Error {
  override readonly name = 'ParleyError';
  readonly code: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: FieldError[];
  /** From `Retry-After` or an ack's `retryAfter` (rate_limited): seconds until a retry may succeed. */
  readonly retryAfterSeconds?: number;

  constructor(init: ParleyErrorInit) {
    super(init.detail ?? init.code, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    if (init.detail !== undefined) this.detail = init.detail;
    if (init.errors !== undefined) this.errors = init.errors;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Whether the same request may succeed later (see `isRetryable`). */
  get retryable(): boolean {
    return isRetryable(this.code);
  }
}

/** A code for an answer that is not problem+json (a proxy's page, an empty body): by its status. */
function codeOfStatus(status: number): string {
  if (status === 408) return 'request.timeout';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'service.unavailable';
  if (status >= 500) return 'internal';
  return `http.${status}`;
}

/** Retry-After as seconds: a number of seconds, or an HTTP date. */
function retryAfterOf(headers: Pick<Headers, 'get'> | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

const isProblem = (body: unknown): body is Partial<Problem> & { code: string } =>
  typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';

/** The ParleyError for an error answer: its problem's code, detail and field errors, and Retry-After. */
export function problemToError(status: number, body: unknown, headers?: Pick<Headers, 'get'>): ParleyError {
  const retryAfterSeconds = retryAfterOf(headers);
  if (!isProblem(body)) return new ParleyError({ code: codeOfStatus(status), status, detail: `HTTP ${status}`, retryAfterSeconds });
  const errors = Array.isArray(body.errors) ? body.errors : undefined;
  return new ParleyError({ code: body.code, status, detail: body.detail ?? body.title, errors, retryAfterSeconds });
}

/** fetch rejected (no connection, DNS, CORS, reset): the network failed, not the request. */
export const networkError = (cause: unknown): ParleyError =>
  new ParleyError({ code: 'network.failed', detail: cause instanceof Error ? cause.message : 'the network request failed', cause });
