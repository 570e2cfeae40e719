import { ParleyError } from '@parley/client';

/** What to tell the person about a failure, in words (the code stays in the console for whoever debugs). */
export function errorText(err: unknown): string {
  if (!(err instanceof ParleyError)) return 'Something went wrong. Try again.';
  switch (err.code) {
    case 'auth.invalid_credentials':
      return 'That email, username or password is not right.';
    case 'network.failed':
    case 'service.unavailable':
      return 'The server cannot be reached right now. Try again in a moment.';
    case 'auth.suspended':
      return suspendedText(err.detail);
    case 'rate_limited':
      return `Too many tries. Wait ${err.retryAfterSeconds ?? 'a few'} seconds and try again.`;
  }
  const fields = err.errors?.map(fieldText) ?? [];
  return fields.length > 0 ? fields.join(' ') : (err.detail ?? 'Something went wrong. Try again.');
}

/** `{ path: 'body.password', message: 'at least 8 characters' }` → "Password: at least 8 characters." */
function fieldText(e: { path: string; message: string }): string {
  const field = e.path.split('.').at(-1) ?? '';
  const name = field ? `${field[0]!.toUpperCase()}${field.slice(1)}: ` : '';
  return `${name}${e.message}${/[.!?]$/.test(e.message) ? '' : '.'}`;
}

/** The server says "this account is suspended until <ISO time>" (or without an end): the same in local words. */
function suspendedText(detail: string | undefined): string {
  const until = /until (\S+)/.exec(detail ?? '')?.[1];
  const end = until && !Number.isNaN(Date.parse(until)) ? new Date(until).toLocaleString() : undefined;
  return end ? `This account is suspended until ${end}.` : 'This account is suspended.';
}
