import type { Conversation } from '@parley/client';

export type NotifyLevel = Conversation['notifications'];

const HOUR = 3_600_000;

/** The mute choices and the settings patch each sends (`PATCH /conversations/:id/settings`). */
export const muteChoices = [
  { label: 'Mute for 8 hours', patch: () => ({ mutedUntil: new Date(Date.now() + 8 * HOUR).toISOString() }) },
  { label: 'Mute for 1 week', patch: () => ({ mutedUntil: new Date(Date.now() + 7 * 24 * HOUR).toISOString() }) },
  { label: 'Mute always', patch: () => ({ isMuted: true }) },
] as const;

export const unmutePatch = { isMuted: false } as const;

/** "Muted until Tue 14:05", "Muted", or "Not muted". */
export function muteText(c: Pick<Conversation, 'isMuted' | 'mutedUntil'>): string {
  if (!isMutedNow(c)) return 'Not muted';
  if (!c.mutedUntil) return 'Muted';
  const until = new Date(c.mutedUntil);
  const when = until.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  return `Muted until ${when}`;
}

/** Muted now: the store keeps the server's `isMuted`, which a timed mute's end does not change until the next fetch. */
export const isMutedNow = (c: Pick<Conversation, 'isMuted' | 'mutedUntil'>, now = Date.now()): boolean =>
  c.isMuted && (!c.mutedUntil || Date.parse(c.mutedUntil) > now);
