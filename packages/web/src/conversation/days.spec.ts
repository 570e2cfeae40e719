import { describe, expect, it } from 'vitest';
import { dayLabel, daysBetween, listTime } from '../format';
import { groupByDay } from './days';

/** A local time (the labels are in the reader's time zone), as the ISO string messages carry. */
const at = (month: number, day: number, hour = 12, minute = 0) => new Date(2026, month - 1, day, hour, minute).toISOString();
const now = new Date(2026, 11, 10, 9, 30); // Thursday 10 December 2026, 09:30
/** The weekday's name in the locale the labels use. */
const weekday = (iso: string) => new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(iso));

describe('groupByDay', () => {
  it('runs of the same local day, in order, each labelled as a chat shows it', () => {
    const items = [at(11, 2), at(12, 4, 8), at(12, 4, 23, 59), at(12, 9, 0, 1), at(12, 10, 0, 0), at(12, 10, 9)];
    const days = groupByDay(items, (x) => x, now);
    expect(days.map((d) => [d.label, d.items.length])).toEqual([
      [dayLabel(at(11, 2), now), 1],
      [weekday(at(12, 4)), 2],
      ['Yesterday', 1],
      ['Today', 2],
    ]);
    expect(days.flatMap((d) => d.items)).toEqual(items);
  });

  it('nothing for nothing; a day seen again after another is a new run (the list is in seq order, not time order)', () => {
    expect(groupByDay([], (x: string) => x, now)).toEqual([]);
    expect(groupByDay([at(12, 10), at(12, 9), at(12, 10)], (x) => x, now).map((d) => d.label)).toEqual(['Today', 'Yesterday', 'Today']);
  });
});

describe('dates', () => {
  it('counts calendar days, not 24-hour spans', () => {
    expect(daysBetween(new Date(2026, 11, 9, 23, 59), new Date(2026, 11, 10, 0, 1))).toBe(1);
    expect(daysBetween(new Date(2026, 11, 10, 0, 0), new Date(2026, 11, 10, 23, 59))).toBe(0);
    // Across the change to summer time (a 23-hour day where there is one).
    expect(daysBetween(new Date(2026, 2, 28, 12), new Date(2026, 2, 30, 12))).toBe(2);
  });

  it('labels: Today, Yesterday, a weekday within the week, else the date (with the year when it is another)', () => {
    expect(dayLabel(at(12, 10, 0, 5), now)).toBe('Today');
    expect(dayLabel(at(12, 9), now)).toBe('Yesterday');
    expect(dayLabel(at(12, 4), now)).toBe(weekday(at(12, 4)));
    // A week ago is a date, not a weekday.
    expect(dayLabel(at(12, 3), now)).not.toBe(weekday(at(12, 3)));
    expect(dayLabel(new Date(2025, 11, 31).toISOString(), now)).toMatch(/2025/);
    expect(dayLabel(at(12, 3), now)).not.toMatch(/2026/);
  });

  it("the chat list shows today's time and earlier days' labels", () => {
    expect(listTime(at(12, 10, 8, 5), now)).toMatch(/8.05/);
    expect(listTime(at(12, 9), now)).toBe('Yesterday');
  });
});
