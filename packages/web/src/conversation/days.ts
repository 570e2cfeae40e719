import { dayLabel } from '../format';

export interface Day<T> {
  /** The local date, `YYYY-MM-DD`. */
  key: string;
  /** "Today", "Yesterday", a weekday, or the date. */
  label: string;
  items: T[];
}

const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Items (in order) into runs of the same local day, each run labelled as a chat shows it. */
export function groupByDay<T>(items: readonly T[], at: (item: T) => string, now = new Date()): Day<T>[] {
  const days: Day<T>[] = [];
  for (const item of items) {
    const when = new Date(at(item));
    const key = localDate(when);
    const last = days.at(-1);
    if (last?.key === key) last.items.push(item);
    else days.push({ key, label: dayLabel(at(item), now), items: [item] });
  }
  return days;
}
