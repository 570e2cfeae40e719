import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { conversations, members, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { fromMicros, getConversation, microsKey } from '../conversations/queries.js';
import { presentUsers } from '../users/queries.js';
import { memberCounts, toGroupSummary } from './summary.js';

/** Members GET /groups/:id lists at most; the rest page through GET /groups/:id/members (a broadcast group has thousands). */
export const DETAILS_MEMBERS = 100;

const rank = sql<number>`case ${members.role} when 'owner' then 0 when 'admin' then 1 else 2 end`;
const memberKey = z.object({ r: z.number().int().min(0).max(2), t: microsKey, id: z.uuid() });

/** The group, if the actor may see it (a member, or anyone for a public group), and whether they are a member. */
async function visibleGroup(ctx: AppContext, actorId: string, groupId: string) {
  const [group] = await ctx.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, groupId), eq(conversations.type, 'group')));
  if (!group) throw fail('group.not_found');
  const [me] = await ctx.db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.conversationId, groupId), eq(members.userId, actorId)));
  if (!me && group.visibility !== 'public') throw fail('group.not_found');
  return { group, isMember: !!me };
}

/** A page of members: owner, then admins, then members, by joining time. */
export async function memberPage(ctx: AppContext, actorId: string, groupId: string, q: { limit: number; cursor?: string }) {
  await visibleGroup(ctx, actorId, groupId);
  return readMembers(ctx, actorId, groupId, q.limit, decodeCursor(q.cursor, memberKey));
}

async function readMembers(ctx: AppContext, actorId: string, groupId: string, limit: number, after?: z.infer<typeof memberKey>) {
  const found = await ctx.db
    .select({
      user: users,
      role: members.role,
      joinedAt: members.joinedAt,
      rank,
      micros: sql<number>`(extract(epoch from ${members.joinedAt}) * 1000000)::bigint`,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(
      and(
        eq(members.conversationId, groupId),
        after
          ? sql`(${rank}, ${members.joinedAt}, ${members.userId}) > (${after.r}, ${fromMicros(after.t)}, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(rank, asc(members.joinedAt), asc(members.userId))
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const people = await presentUsers(
    ctx,
    page.map((r) => r.user),
    actorId,
  );
  const last = page.at(-1);
  const nextCursor = found.length > limit && last ? encodeCursor({ r: Number(last.rank), t: Number(last.micros), id: last.user.id }) : null;
  return {
    members: page.map((r, i) => ({ user: people[i]!, role: r.role, joinedAt: r.joinedAt.toISOString() })),
    nextCursor,
    hasMore: nextCursor !== null,
  };
}

/** A group with its first members (DETAILS_MEMBERS): for members, or for anyone when it is public. */
export async function groupDetails(ctx: AppContext, actorId: string, groupId: string) {
  const { group, isMember } = await visibleGroup(ctx, actorId, groupId);
  const memberCount = (await memberCounts(ctx.db, [groupId])).get(groupId) ?? 0;
  const first = await readMembers(ctx, actorId, groupId, DETAILS_MEMBERS);
  return {
    group: isMember ? await getConversation(ctx, ctx.db, groupId, actorId) : toGroupSummary(group, memberCount),
    members: first.members,
    memberCount,
    membersNextCursor: first.nextCursor,
  };
}
