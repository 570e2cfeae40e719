import { and, asc, desc, eq, ilike, notExists, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { conversations, members, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { decodeCursor, encodeCursor, likePattern } from '../../lib/pagination.js';
import { conversationPage, fromMicros, getConversation, microsKey } from '../conversations/queries.js';
import { presentUsers } from '../users/queries.js';
import { summarize, toGroupSummary } from './summary.js';

const discoverKey = z.object({ t: microsKey, id: z.uuid() });
/** Each list's place: absent at the start, false once it is finished. */
const groupsCursor = z.object({ j: z.string().max(200).or(z.literal(false)).optional(), d: discoverKey.or(z.literal(false)).optional() });

/**
 * My groups (in conversation-list order), and public groups I am not in (newest activity
 * first), optionally filtered by name or description. Both lists page together: `limit` each,
 * and one cursor that carries where each of them stopped.
 */
export async function listGroups(ctx: AppContext, actorId: string, q: { search?: string; limit: number; cursor?: string }) {
  const at = decodeCursor(q.cursor, groupsCursor) ?? {};
  const matches = q.search
    ? or(ilike(conversations.name, likePattern(q.search)), ilike(conversations.about, likePattern(q.search)))
    : undefined;
  const joined =
    at.j === false
      ? { conversations: [], nextCursor: null }
      : await conversationPage(ctx, ctx.db, actorId, {
          limit: q.limit,
          cursor: at.j,
          where: and(eq(conversations.type, 'group'), matches),
        });
  const discover = at.d === false ? { groups: [], next: null } : await discoverPage(ctx, actorId, matches, q.limit, at.d);
  const next = { j: joined.nextCursor ?? (false as const), d: discover.next ?? (false as const) };
  const nextCursor = next.j === false && next.d === false ? null : encodeCursor(next);
  return { joined: joined.conversations, discover: discover.groups, nextCursor, hasMore: nextCursor !== null };
}

async function discoverPage(
  ctx: AppContext,
  actorId: string,
  matches: SQL | undefined,
  limit: number,
  after?: z.infer<typeof discoverKey>,
) {
  const found = await ctx.db
    .select({ group: conversations, activity: sql<number>`(extract(epoch from ${conversations.updatedAt}) * 1000000)::bigint` })
    .from(conversations)
    .where(
      and(
        eq(conversations.type, 'group'),
        eq(conversations.visibility, 'public'),
        matches,
        notExists(sql`(select 1 from members m where m.conversation_id = ${conversations.id} and m.user_id = ${actorId})`),
        after ? sql`(${conversations.updatedAt}, ${conversations.id}) < (${fromMicros(after.t)}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    groups: await summarize(
      ctx.db,
      page.map((f) => f.group),
    ),
    next: found.length > limit && last ? { t: Number(last.activity), id: last.group.id } : null,
  };
}

/** A group with its members: for members, or for anyone when it is public. */
export async function groupDetails(ctx: AppContext, actorId: string, groupId: string) {
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
  const isMember = roster.some((r) => r.user.id === actorId);
  if (!isMember && group.visibility !== 'public') throw fail('group.not_found');
  const people = await presentUsers(
    ctx,
    roster.map((r) => r.user),
    actorId,
  );
  return {
    group: isMember ? await getConversation(ctx, ctx.db, groupId, actorId) : toGroupSummary(group, roster.length),
    members: roster.map((r, i) => ({ user: people[i]!, role: r.role, joinedAt: r.joinedAt.toISOString() })),
    memberCount: roster.length,
  };
}
