import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import { conversations, linkPreviews, members, messages } from '../../db/schema.js';
import { AppError, fail } from '../../lib/errors.js';
import { firstUrl } from '../linkPreviews/firstUrl.js';
import { assertNotBlockedInDirect } from '../users/blocks.js';
import { visibleMessage, type MessageAccess } from './access.js';
import { checkMentions, mentionsAdded, type MentionsRequest, type StoredMentions } from './mentions.js';
import { presentMessages, storedMentions, type MessageDto } from './present.js';
import { withholdFromNonReaders } from './withhold.js';

/** An edit: the new text and, when given, the mentions that replace the message's. */
export interface MessageEdit {
  text: string;
  mentions?: MentionsRequest;
}

/**
 * The sender rewrites a message's text (and mentions) within EDIT_WINDOW_SECONDS; members hear
 * `message:updated`, with `mentionsAdded`: who this edit newly mentions (the push worker tells only them).
 * Across a block in a direct chat an edit is refused like a send (new text would reach the other side).
 */
export function editMessage(
  ctx: AppContext,
  actorId: string,
  messageId: string,
  edit: MessageEdit,
  origin?: string,
): Promise<{ message: MessageDto }> {
  return ctx.run(async (tx, events) => {
    const access = await visibleMessage(tx, messageId, actorId, true);
    const { message, conversationType } = access;
    if (message.senderId !== actorId) throw fail('message.not_sender', 'only the sender can edit a message');
    await assertNotBlockedInDirect(tx, { id: message.conversationId, type: conversationType }, actorId);
    if (message.deletedAt) throw fail('message.deleted', 'the message was deleted');
    if (message.type === 'system' || message.encrypted) throw fail('message.not_editable', 'this message cannot be edited');
    if (Date.now() - message.createdAt.getTime() > ctx.config.EDIT_WINDOW_SECONDS * 1000) {
      throw fail('message.edit_window_passed', `messages can be edited for ${ctx.config.EDIT_WINDOW_SECONDS} s`);
    }
    const before = storedMentions(message);
    const after = edit.mentions ? await checkEditMentions(tx, access, edit.mentions) : before;
    const changed = { text: edit.text, editedAt: new Date(), mentionUserIds: after.userIds, mentionsAll: after.all };
    await tx.update(messages).set(changed).where(eq(messages.id, messageId));
    // Another first URL: the old preview goes; the link preview worker fetches the new one after this event.
    if (firstUrl(edit.text) !== firstUrl(message.text)) await tx.delete(linkPreviews).where(eq(linkPreviews.messageId, messageId));
    const [dto] = await presentMessages(tx, [{ ...message, ...changed }]);
    const payload = { message: dto!, mentionsAdded: mentionsAdded(before, after) };
    events.add({ type: 'message:updated', conversationId: message.conversationId, messageId, payload, origin });
    await withholdFromNonReaders(tx, events, message);
    return { message: dto! };
  });
}

/** The edit's mentions, checked as a send's are (against the members and the group's `mentionAll` now). */
async function checkEditMentions(tx: Tx, access: MessageAccess, requested: MentionsRequest): Promise<StoredMentions> {
  const { conversationId } = access.message;
  const [conversation] = await tx
    .select({ mentionAll: conversations.mentionAll })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  const ids = [...new Set(requested.userIds)];
  const found =
    ids.length === 0
      ? []
      : await tx
          .select({ userId: members.userId })
          .from(members)
          .where(and(eq(members.conversationId, conversationId), inArray(members.userId, ids)));
  const inConversation = new Set(found.map((m) => m.userId));
  const checked = checkMentions(requested, {
    conversationType: access.conversationType,
    mentionAll: conversation!.mentionAll,
    senderRole: access.role,
    isMember: (userId) => inConversation.has(userId),
  });
  if (checked instanceof AppError) throw checked;
  return checked;
}
