/** Dates as people read them in a chat: times today, "Yesterday", a weekday this week, else the date. */

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long' });
const dateThisYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long' });
const dateOtherYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

export const formatTime = (iso: string): string => time.format(new Date(iso));

/** Local calendar days from `then` to `now` (0 = the same day), counted on dates, so a DST change is no day. */
export function daysBetween(then: Date, now: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((day(now) - day(then)) / 86_400_000);
}

export function dayLabel(iso: string, now = new Date()): string {
  const then = new Date(iso);
  const days = daysBetween(then, now);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days > 1 && days < 7) return weekday.format(then);
  return (then.getFullYear() === now.getFullYear() ? dateThisYear : dateOtherYear).format(then);
}

/** The chat list's time: the time today, otherwise the day. */
export function listTime(iso: string, now = new Date()): string {
  return daysBetween(new Date(iso), now) === 0 ? formatTime(iso) : dayLabel(iso, now);
}
