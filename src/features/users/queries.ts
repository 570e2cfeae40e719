import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { toUser, type UserDto } from './present.js';
import { presenceVisibleAmong } from './visibility.js';

export type UserRow = typeof users.$inferSelect;

export async function findUser(ex: Executor, id: string): Promise<UserRow> {
  const [user] = await ex.select().from(users).where(eq(users.id, id));
  if (!user) throw fail('user.not_found');
  return user;
}

/** Like `findUser`, but a deleted account (a tombstone, DELETE /users/me) is user.not_found: nobody can start anything with it. */
export async function findActiveUser(ex: Executor, id: string): Promise<UserRow> {
  const user = await findUser(ex, id);
  if (user.deletedAt) throw fail('user.not_found');
  return user;
}

/**
 * Users as `actorId` sees them, in the order given: live presence only for people who may see
 * it (`presenceVisibleAmong`: a shared conversation and no block); others see the user offline
 * with no last-seen time. A null actor (an event for a conversation's members) sees it all.
 * Inside a transaction pass it as `ex`: PGlite has one connection, which the transaction holds.
 */
export async function presentUsers(
  ctx: AppContext,
  userRows: UserRow[],
  actorId: string | null,
  ex: Executor = ctx.db,
): Promise<UserDto[]> {
  const ids = userRows.map((r) => r.id);
  const [online, visible] = await Promise.all([
    ctx.presence.onlineAmong(ids),
    actorId ? presenceVisibleAmong(ex, actorId, ids) : new Set(ids),
  ]);
  return userRows.map((r) =>
    visible.has(r.id)
      ? toUser(r, { online: online.has(r.id), self: r.id === actorId })
      : { ...toUser(r, { online: false }), lastActive: null },
  );
}

export async function presentUser(ctx: AppContext, row: UserRow, actorId: string): Promise<UserDto> {
  const [dto] = await presentUsers(ctx, [row], actorId);
  return dto!;
}

export async function usersByIds(ex: Executor, ids: string[]): Promise<Map<string, UserRow>> {
  if (ids.length === 0) return new Map();
  const found = await ex
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(found.map((u) => [u.id, u]));
}
