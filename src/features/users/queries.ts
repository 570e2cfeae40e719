import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { toUser, type UserDto } from './present.js';

export type UserRow = typeof users.$inferSelect;

export async function findUser(ex: Executor, id: string): Promise<UserRow> {
  const [u] = await ex.select().from(users).where(eq(users.id, id));
  if (!u) throw fail('user.not_found');
  return u;
}

/** Users as DTOs with their live presence, in the order given. */
export async function presentUsers(ctx: AppContext, rows: UserRow[], selfId?: string): Promise<UserDto[]> {
  const online = await ctx.presence.onlineAmong(rows.map((r) => r.id));
  return rows.map((r) => toUser(r, { online: online.has(r.id), self: r.id === selfId }));
}

export async function presentUser(ctx: AppContext, row: UserRow, selfId?: string): Promise<UserDto> {
  const [dto] = await presentUsers(ctx, [row], selfId);
  return dto!;
}

export async function usersByIds(ex: Executor, ids: string[]): Promise<Map<string, UserRow>> {
  if (ids.length === 0) return new Map();
  const found = await ex.select().from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(found.map((u) => [u.id, u]));
}
