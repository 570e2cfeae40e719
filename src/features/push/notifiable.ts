/** A member's notification settings for one conversation (PATCH /conversations/:id/settings). */
export interface NotificationSettings {
  /** The mute without an end. */
  isMuted: boolean;
  notifications: 'all' | 'mentions' | 'none';
  /** A timed mute: silent until then. */
  mutedUntil: Date | null;
}

/**
 * THE settings rule, in one place: whether a message may notify this member. `'none'`, a mute
 * (`isMuted`, or `mutedUntil` still ahead) silence everything; `'mentions'` lets only a
 * message that mentions them through (by id, or everyone); `'all'` lets every message through.
 */
export function notifiable(settings: NotificationSettings, mentioned: boolean, now: Date): boolean {
  if (settings.isMuted || settings.notifications === 'none') return false;
  if (settings.mutedUntil && settings.mutedUntil.getTime() > now.getTime()) return false;
  return settings.notifications === 'all' || mentioned;
}
