import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/connect.js';

export const USERNAME_RE = /^[a-z0-9_.]{3,30}$/;

/** "Ada Lovelace" → "AL"; "cher" → "C". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return letters.map((w) => Array.from(w)[0]!.toLocaleUpperCase()).join('') || '?';
}

/** A stable, readable HSL background for the avatar, derived from the user id. */
export function avatarColorFor(userId: string): string {
  const hue = crypto.createHash('sha256').update(userId).digest().readUInt16BE(0) % 360;
  return `hsl(${hue}, 65%, 45%)`;
}

function usernameBase(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 20);
  return base.length >= 3 ? base : `user${base ? `_${base}` : ''}`;
}

/** A free username derived from the name; a numbered suffix when the plain one is taken. */
export async function generateUsername(ex: Executor, name: string): Promise<string> {
  const base = usernameBase(name);
  const candidates = [base, ...Array.from({ length: 8 }, () => `${base}_${crypto.randomInt(1000, 1_000_000)}`)];
  const taken = await rows<{ username: string }>(
    ex,
    sql`select username from users where username in (${sql.join(
      candidates.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  const used = new Set(taken.map((t) => t.username));
  return candidates.find((c) => !used.has(c)) ?? `${base}_${crypto.randomUUID().slice(0, 8)}`;
}
