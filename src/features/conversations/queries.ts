import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { rows, type Executor } from '../../db/connect.js';
import { conversations, members, messages } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { presentMessages, statusFor, type MessageDto } from '../messages/present.js';
import { presentUsers, usersByIds } from '../users/queries.js';
import type { conversationSchema } from './schemas.js';

export type ConversationRow = typeof conversations.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

export type ConversationDto = z.infer<typeof conversationSchema>;

/** The conversation and the caller's membership, or 404 (whether it does not exist or is not yours). */
export async function requireMembership(
  ex: Executor,
  conversationId: string,
  userId: string,
): Promise<{ conversation: ConversationRow; member: MemberRow }> {
  const [row] = await ex
    .select({ conversation: conversations, member: members })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .where(and(eq(members.conversationId, conversationId), eq(members.userId, userId)));
  if (!row) throw fail('conversation.not_found');
  return row;
}

/** The caller's conversations (or the listed ones), pinned first, then newest activity first. */
export async function listConversations(ctx: AppContext, ex: Executor, userId: string, only?: string[]): Promise<ConversationDto[]> {
  const found = await ex
    .select({ c: conversations, m: members, last: messages })
    .from(members)
    .innerJoin(conversations, eq(conversations.id, members.conversationId))
    .leftJoin(messages, and(eq(messages.conversationId, conversations.id), eq(messages.seq, conversations.lastSeq)))
    .where(and(eq(members.userId, userId), only ? inArray(conversations.id, only) : undefined))
    .orderBy(desc(members.isPinned), desc(conversations.updatedAt), desc(conversations.id));
  if (found.length === 0) return [];

  const directIds = found.filter((f) => f.c.type === 'direct').map((f) => f.c.id);
  const others =
    directIds.length === 0
      ? []
      : await ex
          .select({ conversationId: members.conversationId, userId: members.userId })
          .from(members)
          .where(and(inArray(members.conversationId, directIds), ne(members.userId, userId)));
  const otherOf = new Map(others.map((o) => [o.conversationId, o.userId]));
  const userRows = await usersByIds(ex, others.map((o) => o.userId));
  const userDtos = new Map((await presentUsers(ctx, [...userRows.values()])).map((u) => [u.id, u]));

  const lastRows = found.flatMap((f) => (f.last ? [f.last] : []));
  const marks = await lastMessageWatermarks(ex, lastRows.map((m) => m.conversationId));
  const lastDtos = new Map(
    (await presentMessages(ex, lastRows, (m) => statusFor(m, marks.get(m.conversationId) ?? []))).map((m) => [m.conversationId, m]),
  );

  return found.map(({ c, m }) => {
    const other = otherOf.get(c.id);
    return {
      id: c.id,
      type: c.type,
      name: c.name,
      icon: c.icon,
      iconBg: c.iconBg,
      about: c.about,
      visibility: c.visibility,
      lastSeq: c.lastSeq,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      otherUser: other ? (userDtos.get(other) ?? null) : null,
      lastMessage: lastDtos.get(c.id) ?? null,
      unreadCount: Math.max(0, c.lastSeq - m.lastReadSeq),
      lastReadSeq: m.lastReadSeq,
      isMuted: m.isMuted,
      isArchived: m.isArchived,
      isPinned: m.isPinned,
      role: c.type === 'group' ? m.role : null,
    };
  });
}

export async function getConversation(ctx: AppContext, ex: Executor, conversationId: string, userId: string): Promise<ConversationDto> {
  const [dto] = await listConversations(ctx, ex, userId, [conversationId]);
  if (!dto) throw fail('conversation.not_found');
  return dto;
}

/** For each conversation's last message, the lowest watermarks among the members other than its sender. */
async function lastMessageWatermarks(ex: Executor, conversationIds: string[]) {
  const out = new Map<string, { userId: string; lastReadSeq: number; lastDeliveredSeq: number }[]>();
  if (conversationIds.length === 0) return out;
  const agg = await rows<{ conversation_id: string; r: number; d: number }>(
    ex,
    sql`select c.id as conversation_id, min(o.last_read_seq) as r, min(o.last_delivered_seq) as d
        from conversations c
        join messages lm on lm.conversation_id = c.id and lm.seq = c.last_seq
        join members o on o.conversation_id = c.id and o.user_id <> lm.sender_id
        where c.id in (${sql.join(conversationIds.map((id) => sql`${id}`), sql`, `)})
        group by c.id`,
  );
  for (const a of agg) out.set(a.conversation_id, [{ userId: '*', lastReadSeq: Number(a.r), lastDeliveredSeq: Number(a.d) }]);
  return out;
}
