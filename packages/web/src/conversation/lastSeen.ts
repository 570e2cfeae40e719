import { dayLabel, formatTime } from '../format';

/** "last seen today at 9:41", "last seen yesterday at …", "last seen Monday at …", or a date. */
export function lastSeenText(iso: string, now = new Date()): string {
  const day = dayLabel(iso, now);
  return `last seen ${day === 'Today' || day === 'Yesterday' ? day.toLowerCase() : day} at ${formatTime(iso)}`;
}
