import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { toUser, type UserDto } from './present.js';
import { presenceShown, privacyOf, ROOM } from './privacy.js';
import { relationsAmong } from './visibility.js';

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
 * Users as `actorId` sees them, in the order given: `isOnline` and `lastActive` only as each
 * one's privacy settings allow for this viewer (`presenceShown`: everyone, contacts, nobody;
 * never across a block); hidden, they read `false` and `null`. A null actor (an event for a
 * conversation's members) sees what a contact sees.
 * Inside a transaction pass it as `ex`: PGlite has one connection, which the transaction holds.
 */
export async function presentUsers(
  ctx: AppContext,
  userRows: UserRow[],
  actorId: string | null,
  ex: Executor = ctx.db,
): Promise<UserDto[]> {
  const ids = userRows.map((r) => r.id);
  const [online, relations] = await Promise.all([ctx.presence.onlineAmong(ids), actorId ? relationsAmong(ex, actorId, ids) : null]);
  return userRows.map((r) => {
    const shown = presenceShown(privacyOf(r), relations?.get(r.id) ?? ROOM);
    const dto = toUser(r, { online: shown.online && online.has(r.id), self: r.id === actorId });
    return shown.lastSeen ? dto : { ...dto, lastActive: null };
  });
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
