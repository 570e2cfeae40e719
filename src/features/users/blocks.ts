import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { blocks, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { findUser, type UserRow } from './queries.js';

/** Either of the two has blocked the other. */
export async function isBlockedEitherWay(ex: Executor, a: string, b: string): Promise<boolean> {
  const found = await ex
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))))
    .limit(1);
  return found.length > 0;
}

/** Of `others`, those who blocked `userId` or whom `userId` blocked: presence is hidden between them. */
export async function blockedAmong(ex: Executor, userId: string, others: readonly string[]): Promise<Set<string>> {
  if (others.length === 0) return new Set();
  const found = await ex
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, userId), inArray(blocks.blockedId, [...others])),
        and(eq(blocks.blockedId, userId), inArray(blocks.blockerId, [...others])),
      ),
    );
  return new Set(found.map((b) => (b.blockerId === userId ? b.blockedId : b.blockerId)));
}

/** Everyone in a block relation with the user, either way. */
export async function blockRelations(ex: Executor, userId: string): Promise<string[]> {
  const found = await ex
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId)));
  return found.map((b) => (b.blockerId === userId ? b.blockedId : b.blockerId));
}

/** Blocking is private to the blocker: the blocked user is not told. */
export async function blockUser(ctx: AppContext, blockerId: string, blockedId: string): Promise<void> {
  if (blockerId === blockedId) throw fail('user.block_self', 'you cannot block yourself');
  await findUser(ctx.db, blockedId);
  await ctx.db.insert(blocks).values({ blockerId, blockedId }).onConflictDoNothing();
}

export async function unblockUser(ctx: AppContext, blockerId: string, blockedId: string): Promise<void> {
  await findUser(ctx.db, blockedId);
  await ctx.db.delete(blocks).where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)));
}

export async function blockedUsers(ex: Executor, blockerId: string): Promise<UserRow[]> {
  const found = await ex
    .select({ user: users })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, blockerId))
    .orderBy(asc(blocks.createdAt));
  return found.map((f) => f.user);
}
