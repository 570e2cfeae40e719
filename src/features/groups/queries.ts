import { and, asc, desc, eq, ilike, notExists, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { conversations, members, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { likePattern } from '../../lib/pagination.js';
import { getConversation, listConversations } from '../conversations/queries.js';
import { presentUsers } from '../users/queries.js';
import { summarize, toGroupSummary } from './summary.js';

/** My groups, and public groups I am not in, optionally filtered by name or description. */
export async function listGroups(ctx: AppContext, me: string, search?: string) {
  const matches = search ? or(ilike(conversations.name, likePattern(search)), ilike(conversations.about, likePattern(search))) : undefined;
  const mine = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(members, and(eq(members.conversationId, conversations.id), eq(members.userId, me)))
    .where(and(eq(conversations.type, 'group'), matches));
  const joined = mine.length ? await listConversations(ctx, ctx.db, me, mine.map((m) => m.id)) : [];
  const others = await ctx.db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.type, 'group'),
        eq(conversations.visibility, 'public'),
        matches,
        notExists(sql`(select 1 from members m where m.conversation_id = ${conversations.id} and m.user_id = ${me})`),
      ),
    )
    .orderBy(desc(conversations.updatedAt))
    .limit(100);
  return { joined, discover: await summarize(ctx.db, others) };
}

/** A group with its members: for members, or for anyone when it is public. */
export async function groupDetails(ctx: AppContext, me: string, groupId: string) {
  const [group] = await ctx.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, groupId), eq(conversations.type, 'group')));
  if (!group) throw fail('group.not_found');
  const roster = await ctx.db
    .select({ user: users, role: members.role, joinedAt: members.joinedAt })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.conversationId, groupId))
    .orderBy(sql`case ${members.role} when 'owner' then 0 when 'admin' then 1 else 2 end`, asc(members.joinedAt));
  const isMember = roster.some((r) => r.user.id === me);
  if (!isMember && group.visibility !== 'public') throw fail('group.not_found');
  const people = await presentUsers(ctx, roster.map((r) => r.user), me);
  return {
    group: isMember ? await getConversation(ctx, ctx.db, groupId, me) : toGroupSummary(group, roster.length),
    members: roster.map((r, i) => ({ user: people[i]!, role: r.role, joinedAt: r.joinedAt.toISOString() })),
    memberCount: roster.length,
  };
}
