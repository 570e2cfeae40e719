/** The unique index a statement violated (PostgreSQL 23505), if that is what failed. */
export function uniqueViolation(err: unknown): string | undefined {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return e.constraint ?? '';
  }
  return undefined;
}

/**
 * SQLSTATEs that mean "the database is away or cut this session off", not "the request was
 * wrong": shutdown and crash (57P01-57P03), too many connections (53300), and the session
 * timeouts Parley sets (57014 statement_timeout, 55P03 lock_timeout, 25P03
 * idle_in_transaction_session_timeout). Class 08 (connection exceptions) is matched by prefix.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300', '57014', '55P03', '25P03']);
/** Socket errors of the driver's connection. */
const unavailableSyscalls = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres and pg-pool say these without a code. */
const unavailableMessages =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed|Connection ended unexpectedly/i;

/** True when an error (or anything it wraps) says the database cannot be reached right now: a retry may succeed. */
export function databaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const stack = [err];
  while (stack.length) {
    const e = stack.pop() as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | undefined;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    if (unavailableStates.has(code) || /^08[0-9A-Z]{3}$/.test(code) || unavailableSyscalls.has(code)) return true;
    if (typeof e.message === 'string' && unavailableMessages.test(e.message)) return true;
    stack.push(e.cause);
    if (Array.isArray(e.errors)) stack.push(...(e.errors as unknown[]));
  }
  return false;
}
