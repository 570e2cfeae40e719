/** What became of one push: sent; gone (remove the device); retry (after `afterMs`, if given); failed (drop it, keep the device). */
export type PushOutcome =
  | { kind: 'sent'; status: number }
  | { kind: 'gone'; status?: number; reason: string }
  | { kind: 'retry'; status?: number; afterMs?: number; reason: string }
  | { kind: 'failed'; status?: number; reason: string };

/** A retry, waiting at least `Retry-After` when the provider sent one. */
export function retryOutcome(status: number, retryAfter: string | undefined, reason: string, now = Date.now()): PushOutcome {
  const afterMs = retryAfterMs(retryAfter, now);
  return { kind: 'retry', status, reason, ...(afterMs === undefined ? {} : { afterMs }) };
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A request that got no answer (refused, reset, timed out) may get one next time. */
export const noAnswer = (err: unknown): PushOutcome => ({ kind: 'retry', reason: err instanceof Error ? err.message : String(err) });
