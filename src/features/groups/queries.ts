import { and, desc, eq, ilike, notExists, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { conversations } from '../../db/schema.js';
import { decodeCursor, encodeCursor, likePattern } from '../../lib/pagination.js';
import { conversationPage, fromMicros, microsKey } from '../conversations/queries.js';
import { summarize } from './summary.js';

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
