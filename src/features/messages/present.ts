import type { messageSchema } from '@parley/protocol';
import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/connect.js';
import { members, messages, reactions, users } from '../../db/schema.js';
import { previewsOf } from '../linkPreviews/present.js';
import { mediaOfMessages } from '../media/present.js';
import { pollsOf } from '../polls/present.js';
import { threadSummariesOf } from '../threads/summariesOf.js';

export type MessageRow = typeof messages.$inferSelect;
export type MessageStatus = 'sent' | 'delivered' | 'read';

export type MessageDto = z.infer<typeof messageSchema>;

export interface Watermark {
  userId: string;
  lastReadSeq: number;
  lastDeliveredSeq: number;
  /** The member's privacy setting (absent: on). Off on either side, a message never shows 'read'. */
  readReceipts?: boolean;
}

/**
 * Status as the sender sees it: read / delivered once every other member is past it. Read
 * receipts go both ways: when the sender or any other member has them off, it stops at 'delivered'.
 */
export function statusFor(m: { seq: number; senderId: string }, marks: readonly Watermark[]): MessageStatus {
  let read = true;
  let delivered = true;
  let others = 0;
  for (const w of marks) {
    if (w.readReceipts === false) read = false;
    if (w.userId === m.senderId) continue;
    others++;
    if (w.lastReadSeq < m.seq) read = false;
    if (w.lastDeliveredSeq < m.seq) delivered = false;
  }
  if (others === 0) return 'sent';
  return read ? 'read' : delivered ? 'delivered' : 'sent';
}

/** A messages row as `json_agg` writes it. */
export interface RawMessage {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string;
  client_message_id: string | null;
  type: MessageRow['type'];
  text: string | null;
  reply_to_id: string | null;
  encrypted: boolean;
  system: MessageRow['system'];
  mention_user_ids: string[];
  mentions_all: boolean;
  forwarded: boolean;
  thread_root_id: string | null;
  edited_at: string | null;
  deleted_at: string | null;
  expires_at: string | null;
  created_at: string;
}

const date = (s: string | null) => (s ? new Date(s) : null);

export const fromRaw = (r: RawMessage): MessageRow => ({
  id: r.id,
  conversationId: r.conversation_id,
  seq: r.seq,
  senderId: r.sender_id,
  clientMessageId: r.client_message_id,
  type: r.type,
  text: r.text,
  replyToId: r.reply_to_id,
  encrypted: r.encrypted,
  system: r.system,
  mentionUserIds: r.mention_user_ids,
  mentionsAll: r.mentions_all,
  forwarded: r.forwarded,
  threadRootId: r.thread_root_id,
  editedAt: date(r.edited_at),
  deletedAt: date(r.deleted_at),
  expiresAt: date(r.expires_at),
  createdAt: new Date(r.created_at),
});

/** The message row's mentions, as the Message DTO carries them. */
export const storedMentions = (m: Pick<MessageRow, 'mentionUserIds' | 'mentionsAll'>) => ({
  userIds: m.mentionUserIds,
  all: m.mentionsAll,
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const snippet = (text: string | null) => (text && text.length > 200 ? `${text.slice(0, 200)}…` : text);

export const conversationWatermarks = (ex: Executor, conversationId: string): Promise<Watermark[]> =>
  ex
    .select({
      userId: members.userId,
      lastReadSeq: members.lastReadSeq,
      lastDeliveredSeq: members.lastDeliveredSeq,
      readReceipts: users.privacyReadReceipts,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.conversationId, conversationId));

/** Full message objects with reply snippets and reactions; `statusOf` defaults to the conversation's watermarks. */
export async function presentMessages(
  ex: Executor,
  messageRows: MessageRow[],
  statusOf?: (m: MessageRow) => MessageStatus,
): Promise<MessageDto[]> {
  if (messageRows.length === 0) return [];
  if (!statusOf) {
    const marks = await conversationWatermarks(ex, messageRows[0]!.conversationId);
    statusOf = (m) => statusFor(m, marks);
  }
  const replyIds = [...new Set(messageRows.map((r) => r.replyToId).filter((id): id is string => !!id))];
  const replies = new Map<string, MessageRow>();
  if (replyIds.length > 0) {
    for (const r of await ex.select().from(messages).where(inArray(messages.id, replyIds))) replies.set(r.id, r);
  }
  const ids = messageRows.map((r) => r.id);
  const byMessage = await reactionsOf(ex, ids);
  const mediaBy = await mediaOfMessages(ex, ids);
  const threads = await threadSummariesOf(ex, messageRows);
  const previews = await previewsOf(ex, ids);
  const pollBy = await pollsOf(
    ex,
    messageRows.filter((m) => m.type === 'poll' && !m.deletedAt).map((m) => m.id),
  );
  return messageRows.map((m) => {
    const reply = m.replyToId ? replies.get(m.replyToId) : undefined;
    const replyTo = reply ? replySnippet(reply) : null;
    const dto = toMessage(m, statusOf(m), replyTo, byMessage.get(m.id), mediaBy.get(m.id), {
      thread: threads.get(m.id),
      linkPreview: previews.get(m.id),
    });
    const poll = pollBy.get(m.id);
    return poll ? { ...dto, poll } : dto;
  });
}

export const replySnippet = (m: MessageRow): NonNullable<MessageDto['replyTo']> => ({
  id: m.id,
  seq: m.seq,
  senderId: m.senderId,
  text: m.deletedAt ? null : snippet(m.text),
});

export async function reactionsOf(ex: Executor, messageIds: string[]): Promise<Map<string, MessageDto['reactions']>> {
  const out = new Map<string, MessageDto['reactions']>();
  if (messageIds.length === 0) return out;
  const found = await ex
    .select({ messageId: reactions.messageId, userId: reactions.userId, emoji: reactions.emoji })
    .from(reactions)
    .where(inArray(reactions.messageId, messageIds))
    .orderBy(asc(reactions.createdAt), asc(reactions.userId));
  for (const r of found) {
    let list = out.get(r.messageId);
    if (!list) out.set(r.messageId, (list = []));
    list.push({ emoji: r.emoji, userId: r.userId });
  }
  return out;
}

export function toMessage(
  m: MessageRow,
  status: MessageStatus,
  replyTo: MessageDto['replyTo'],
  messageReactions: MessageDto['reactions'] = [],
  media: MessageDto['media'] = [],
  /** What other tables add to a message (its thread's summary, its link's preview): none if omitted. */
  extra: { thread?: MessageDto['thread'] | undefined; linkPreview?: MessageDto['linkPreview'] | undefined } = {},
): MessageDto {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    clientMessageId: m.clientMessageId,
    type: m.type,
    text: m.text,
    // A message deleted for everyone no longer shows its attachments.
    media: m.deletedAt ? [] : media,
    replyTo,
    reactions: messageReactions,
    status,
    encrypted: m.encrypted,
    system: m.system ?? null,
    // A message deleted for everyone mentions no one any more.
    mentions: m.deletedAt ? { userIds: [], all: false } : storedMentions(m),
    forwarded: m.forwarded,
    threadRootId: m.threadRootId,
    thread: extra.thread ?? null,
    // Deleted for everyone: the preview goes with the text.
    linkPreview: m.deletedAt ? null : (extra.linkPreview ?? null),
    editedAt: iso(m.editedAt),
    deletedAt: iso(m.deletedAt),
    expiresAt: iso(m.expiresAt),
    createdAt: m.createdAt.toISOString(),
  };
}
