import type { members } from '../../db/schema.js';

type MemberRow = typeof members.$inferSelect;
type NotificationColumns = Pick<MemberRow, 'isMuted' | 'mutedUntil' | 'notifications'>;

/** What the Conversation DTO shows of a member's notification settings: `isMuted` is "muted now", with or without an end. */
export function notificationSettings(m: NotificationColumns, now = new Date()) {
  const until = m.mutedUntil && m.mutedUntil > now ? m.mutedUntil : null;
  return { isMuted: m.isMuted || until !== null, mutedUntil: until?.toISOString() ?? null, notifications: m.notifications };
}

/** A settings change as asked for: each field optional; `mutedUntil` already parsed. */
export interface MuteChange {
  isMuted?: boolean;
  mutedUntil?: Date | null;
}

/**
 * The member columns a mute change writes. `isMuted: true` mutes without an end and `false`
 * unmutes (both clear `mutedUntil`); a `mutedUntil` in the future is a timed mute (replacing one
 * without an end), one not in the future ends the timed mute. Pure.
 */
export function muteColumns(change: MuteChange, now = new Date()): Partial<Pick<MemberRow, 'isMuted' | 'mutedUntil'>> {
  if (change.isMuted !== undefined) return { isMuted: change.isMuted, mutedUntil: null };
  if (change.mutedUntil === undefined) return {};
  if (change.mutedUntil && change.mutedUntil > now) return { isMuted: false, mutedUntil: change.mutedUntil };
  return { mutedUntil: null };
}
