import type { User } from '@parley/client';

/** The `@query` being typed just before the caret, if any (an @ at the start or after a space). */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | undefined {
  const match = /(^|\s)@([^\s@]*)$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]! } : undefined;
}

/** The members whose `@Name` the text still carries (a mention deleted from the text is no longer sent). */
export function mentionedIds(text: string, chosen: readonly User[]): string[] {
  return [...new Set(chosen.filter((u) => text.includes(`@${u.name}`)).map((u) => u.id))];
}

/** Splits a text into plain runs and `@Name` runs of the people it mentions, for highlighting. */
export function splitMentions(text: string, names: readonly string[]): { text: string; mention: boolean }[] {
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return [{ text, mention: false }];
  const escaped = sorted.map((n) => `@${n}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text
    .split(new RegExp(`(${escaped.join('|')})`, 'g'))
    .filter((part) => part !== '')
    .map((part) => ({ text: part, mention: sorted.some((n) => part === `@${n}`) }));
}
