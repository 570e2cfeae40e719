import { and, asc, gt, ilike, isNull, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { decodeCursor, encodeCursor, likePattern } from '../../lib/pagination.js';
import { USERNAME_RE } from './profile.js';
import { presentUsers } from './queries.js';

/**
 * GET /users?search=: people whose name or username contains `search`, by username, a page at a
 * time. Never the searcher, nor anyone who blocked them. (There is no listing of every account:
 * the route requires a search term and rate-limits searches per user.)
 */
export async function searchUsers(ctx: AppContext, actorId: string, query: { search: string; limit: number; cursor?: string }) {
  const { search, limit } = query;
  // A username, as issued: anything else (a NUL byte would fail in PostgreSQL) is not our cursor.
  const after = decodeCursor(query.cursor, z.string().regex(USERNAME_RE));
  const where: (SQL | undefined)[] = [
    ne(users.id, actorId),
    isNull(users.deletedAt),
    notExists(sql`(select 1 from blocks b where b.blocker_id = ${users.id} and b.blocked_id = ${actorId})`),
  ];
  where.push(or(ilike(users.name, likePattern(search)), ilike(users.username, likePattern(search))));
  if (after !== undefined) where.push(gt(users.username, after));
  const found = await ctx.db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.username))
    .limit(limit + 1);
  const hasMore = found.length > limit;
  const page = found.slice(0, limit);
  return {
    users: await presentUsers(ctx, page, actorId),
    nextCursor: hasMore ? encodeCursor(page.at(-1)!.username) : null,
    hasMore,
  };
}
