import type { conversationSchema } from '@parley/protocol';
import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { rows, uuidArray, type Executor } from '../../db/connect.js';
import { conversations, members, messages } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { presentMessages, statusFor, type Watermark } from '../messages/present.js';
import { unreadMentionCounts } from '../messages/unreadMentions.js';
import { presentUsers, usersByIds } from '../users/queries.js';
import { notificationSettings } from './notificationSettings.js';

export type ConversationRow = typeof conversations.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

export type ConversationDto = z.infer<typeof conversationSchema>;

/** What every member sees alike of a conversation (a group's summary is made of these too). */
export const sharedFields = (c: ConversationRow) => ({
  id: c.id,
  name: c.name,
  icon: c.icon,
  iconBg: c.iconBg,
  about: c.about,
  visibility: c.visibility,
  historyVisibility: c.type === 'group' ? c.historyVisibility : null,
  mentionAll: c.type === 'group' ? c.mentionAll : null,
  pinPermission: c.type === 'group' ? c.pinPermission : null,
  postPermission: c.type === 'group' ? c.postPermission : null,
  lastSeq: c.lastSeq,
  messageRetentionDays: c.type === 'group' ? c.messageRetentionDays : null,
  purgedThroughSeq: c.purgedThroughSeq,
  disappearAfterSeconds: c.disappearAfterSeconds,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** The conversation and the caller's membership, or 404 (whether it does not exist or is not yours). */
export async function requireMembership(
  ex: Executor,
  conversationId: string,
  actorId: string,
): Promise<{ conversation: ConversationRow; member: MemberRow }> {
  const [row] = await ex
    .select({ conversation: conversations, member: members })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .where(and(eq(members.conversationId, conversationId), eq(members.userId, actorId)));
  if (!row) throw fail('conversation.not_found');
  return row;
}

/**
 * A cursor's time in microseconds since the epoch, bounded so `fromMicros` stays a valid
 * timestamp (a crafted cursor is a 400, not a 500).
 */
export const microsKey = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Where a conversation stands in the caller's list: pinned first, then newest activity (µs since the epoch), then id. */
const listKey = z.object({ p: z.boolean(), t: microsKey, id: z.uuid() });
type ListKey = z.infer<typeof listKey>;
const activityMicros = sql<number>`(extract(epoch from ${conversations.updatedAt}) * 1000000)::bigint`;
/** A timestamptz from µs since the epoch, exactly (no floating point on the way). */
export const fromMicros = (t: number) => sql`(timestamptz 'epoch' + ${t}::bigint * interval '1 microsecond')`;

async function listRows(ex: Executor, actorId: string, where: SQL | undefined, page?: { limit: number; after?: ListKey }) {
  const after = page?.after;
  const query = ex
    .select({ conversation: conversations, member: members, activity: activityMicros })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .where(
      and(
        eq(members.userId, actorId),
        where,
        after
          ? sql`(${members.isPinned}, ${conversations.updatedAt}, ${conversations.id}) < (${after.p}::boolean, ${fromMicros(after.t)}, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(members.isPinned), desc(conversations.updatedAt), desc(conversations.id));
  return page ? query.limit(page.limit + 1) : query;
}

/** The caller's conversations (or the listed ones), pinned first, then newest activity first. */
export async function listConversations(ctx: AppContext, ex: Executor, actorId: string, only?: string[]): Promise<ConversationDto[]> {
  if (only?.length === 0) return [];
  return presentConversations(ctx, ex, actorId, await listRows(ex, actorId, only ? inArray(conversations.id, only) : undefined));
}

/** One page of the caller's conversations (those matching `where`), in list order; the cursor holds the last one's key. */
export async function conversationPage(
  ctx: AppContext,
  ex: Executor,
  actorId: string,
  q: { limit: number; cursor?: string; where?: SQL },
): Promise<{ conversations: ConversationDto[]; nextCursor: string | null; hasMore: boolean }> {
  const found = await listRows(ex, actorId, q.where, { limit: q.limit, after: decodeCursor(q.cursor, listKey) });
  const hasMore = found.length > q.limit;
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  return {
    conversations: await presentConversations(ctx, ex, actorId, page),
    nextCursor:
      hasMore && last
        ? encodeCursor({ p: last.member.isPinned, t: Number(last.activity), id: last.conversation.id } satisfies ListKey)
        : null,
    hasMore,
  };
}

async function presentConversations(
  ctx: AppContext,
  ex: Executor,
  actorId: string,
  found: { conversation: ConversationRow; member: MemberRow }[],
): Promise<ConversationDto[]> {
  if (found.length === 0) return [];

  const directIds = found.filter((f) => f.conversation.type === 'direct').map((f) => f.conversation.id);
  const others =
    directIds.length === 0
      ? []
      : await ex
          .select({ conversationId: members.conversationId, userId: members.userId })
          .from(members)
          .where(and(inArray(members.conversationId, directIds), ne(members.userId, actorId)));
  const otherOf = new Map(others.map((o) => [o.conversationId, o.userId]));
  const userRows = await usersByIds(
    ex,
    others.map((o) => o.userId),
  );
  const userDtos = new Map((await presentUsers(ctx, [...userRows.values()], actorId, ex)).map((u) => [u.id, u]));

  const lastRows = await lastVisibleMessages(
    ex,
    actorId,
    found.map((f) => f.conversation.id),
  );
  const marks = await lastMessageWatermarks(
    ex,
    lastRows.map((m) => m.id),
  );
  const mentionCounts = await unreadMentionCounts(
    ex,
    actorId,
    found.map((f) => f.conversation.id),
  );
  const lastDtos = new Map(
    (await presentMessages(ex, lastRows, (m) => statusFor(m, marks.get(m.conversationId) ?? []))).map((m) => [m.conversationId, m]),
  );

  return found.map(({ conversation, member }) => {
    const other = otherOf.get(conversation.id);
    return {
      ...sharedFields(conversation),
      type: conversation.type,
      otherUser: other ? (userDtos.get(other) ?? null) : null,
      lastMessage: lastDtos.get(conversation.id) ?? null,
      // Purged messages are not unread: they cannot be read any more.
      unreadCount: Math.max(0, conversation.lastSeq - Math.max(member.lastReadSeq, conversation.purgedThroughSeq)),
      unreadMentionCount: mentionCounts.get(conversation.id) ?? 0,
      lastReadSeq: member.lastReadSeq,
      ...notificationSettings(member),
      isArchived: member.isArchived,
      isPinned: member.isPinned,
      role: conversation.type === 'group' ? member.role : null,
    };
  });
}

export async function getConversation(ctx: AppContext, ex: Executor, conversationId: string, actorId: string): Promise<ConversationDto> {
  const [dto] = await listConversations(ctx, ex, actorId, [conversationId]);
  if (!dto) throw fail('conversation.not_found');
  return dto;
}

/** Each conversation's newest message that the actor may read (within their history) and has not deleted for themselves. */
async function lastVisibleMessages(ex: Executor, actorId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  const newest = sql`(select lm.id from unnest(${uuidArray(conversationIds)}) as c(id)
    join members mine on mine.conversation_id = c.id and mine.user_id = ${actorId}
    join conversations cv on cv.id = c.id
    cross join lateral (
      select m.id from messages m
      where m.conversation_id = c.id
        and m.seq > case when cv.type = 'group' and cv.history_visibility = 'joined' then mine.joined_seq else 0 end
        and not exists (select 1 from hidden_messages h where h.message_id = m.id and h.user_id = ${actorId})
        and (m.expires_at is null or m.expires_at > now())
      order by m.seq desc limit 1
    ) lm)`;
  return ex.select().from(messages).where(inArray(messages.id, newest));
}

/** For each of these messages' conversations, the lowest watermarks among the members other than its sender. */
async function lastMessageWatermarks(ex: Executor, messageIds: string[]) {
  const out = new Map<string, Watermark[]>();
  if (messageIds.length === 0) return out;
  const lowest = await rows<{ conversation_id: string; read_seq: number; delivered_seq: number; receipts: boolean }>(
    ex,
    sql`select lm.conversation_id, min(o.last_read_seq) as read_seq, min(o.last_delivered_seq) as delivered_seq,
               bool_and(ou.privacy_read_receipts and su.privacy_read_receipts) as receipts
        from messages lm
        join members o on o.conversation_id = lm.conversation_id and o.user_id <> lm.sender_id
        join users ou on ou.id = o.user_id
        join users su on su.id = lm.sender_id
        where lm.id = any(${uuidArray(messageIds)})
        group by lm.conversation_id`,
  );
  for (const row of lowest) {
    out.set(row.conversation_id, [
      { userId: '*', lastReadSeq: Number(row.read_seq), lastDeliveredSeq: Number(row.delivered_seq), readReceipts: row.receipts },
    ]);
  }
  return out;
}
