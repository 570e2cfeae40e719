import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows, type Executor } from '../../db/connect.js';
import { blocks, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { findActiveUser, type UserRow } from './queries.js';

/** Either of the two has blocked the other. */
export async function isBlockedEitherWay(ex: Executor, a: string, b: string): Promise<boolean> {
  const found = await ex
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))))
    .limit(1);
  return found.length > 0;
}

/** In a direct conversation, whether a block stands between `actorId` and the other member (either way). */
export async function blockedInDirect(ex: Executor, conversationId: string, actorId: string): Promise<boolean> {
  const found = await rows<{ one: number }>(
    ex,
    sql`select 1 as one from members o join blocks b
          on (b.blocker_id = o.user_id and b.blocked_id = ${actorId}) or (b.blocker_id = ${actorId} and b.blocked_id = o.user_id)
        where o.conversation_id = ${conversationId} and o.user_id <> ${actorId}
        limit 1`,
  );
  return found.length > 0;
}

/** Refuses, like a send, anything that would reach the other member of a direct chat across a block. */
export async function assertNotBlockedInDirect(
  ex: Executor,
  conversation: { id: string; type: 'direct' | 'group' },
  actorId: string,
): Promise<void> {
  if (conversation.type === 'direct' && (await blockedInDirect(ex, conversation.id, actorId))) {
    throw fail('user.blocked', 'a block stands between you and this user');
  }
}

/** Everyone in a block relation with the user, either way, as SQL: one `id` column (presence reads it inside a bigger statement). */
export function blockRelationsQuery(userId: string): SQL {
  return sql`select case when b.blocker_id = ${userId} then b.blocked_id else b.blocker_id end as id
      from blocks b where b.blocker_id = ${userId} or b.blocked_id = ${userId}`;
}

/** Everyone in a block relation with the user, either way. */
export async function blockRelations(ex: Executor, userId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(ex, blockRelationsQuery(userId));
  return found.map((b) => b.id);
}

/** Blocking is private to the blocker: the blocked user is not told. */
export async function blockUser(ctx: AppContext, actorId: string, userId: string): Promise<void> {
  if (actorId === userId) throw fail('user.block_self', 'you cannot block yourself');
  await findActiveUser(ctx.db, userId);
  await ctx.db.insert(blocks).values({ blockerId: actorId, blockedId: userId }).onConflictDoNothing();
}

export async function unblockUser(ctx: AppContext, actorId: string, userId: string): Promise<void> {
  await findActiveUser(ctx.db, userId);
  await ctx.db.delete(blocks).where(and(eq(blocks.blockerId, actorId), eq(blocks.blockedId, userId)));
}

export async function blockedUsers(ex: Executor, actorId: string): Promise<UserRow[]> {
  const found = await ex
    .select({ user: users })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, actorId))
    .orderBy(asc(blocks.createdAt));
  return found.map((f) => f.user);
}
