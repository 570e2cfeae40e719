import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import { events as eventLog, hiddenMessages, messages, messageSearch, pins, polls, reactions, stars } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { visibleMessage } from './access.js';
import { presentMessages, type MessageDto, type MessageRow } from './present.js';
import { refreshThreads } from '../threads/summary.js';
import { withholdFromNonReaders } from './withhold.js';

export type DeleteScope = 'self' | 'everyone';

/**
 * 'self' hides the message from the actor's history, sync, search and lastMessage.
 * 'everyone' (the sender within DELETE_WINDOW_SECONDS, or a group admin) wipes the content
 * for all, including from the stored events that sync replays, leaving a tombstone.
 */
export function deleteMessage(
  ctx: AppContext,
  actorId: string,
  messageId: string,
  scope: DeleteScope,
  origin?: string,
): Promise<Record<string, never>> {
  return ctx.run(async (tx, events) => {
    const { message, role, conversationType } = await visibleMessage(tx, messageId, actorId, true);
    const { conversationId } = message;
    if (scope === 'self') {
      await tx.insert(hiddenMessages).values({ userId: actorId, messageId }).onConflictDoNothing();
      events.add({
        type: 'message:deleted',
        conversationId,
        userId: actorId,
        messageId,
        payload: { conversationId, messageId, for: 'self' },
        origin,
      });
      return {};
    }
    if (message.deletedAt) return {};
    const isSender = message.senderId === actorId;
    const isModerator = conversationType === 'group' && (role === 'owner' || role === 'admin');
    if (!isSender && !isModerator) throw fail('forbidden', 'only the sender or a group admin can delete for everyone');
    if (isSender && !isModerator && Date.now() - message.createdAt.getTime() > ctx.config.DELETE_WINDOW_SECONDS * 1000) {
      throw fail('message.delete_window_passed', `messages can be deleted for everyone for ${ctx.config.DELETE_WINDOW_SECONDS} s`);
    }
    await wipeMessage(tx, events, message, origin);
    return {};
  });
}

/**
 * Delete for everyone, once allowed: the text is wiped (a tombstone stays), its reactions, its pin and
 * everyone's stars of it go (clients drop them on `message:deleted`), the
 * stored events that sync replays and the snippets replies carry lose the content, and members hear
 * `message:deleted`. Also used when an account is deleted (src/features/users/deleteAccount.ts).
 */
export async function wipeMessage(tx: Tx, events: EventBatch, message: MessageRow, origin?: string): Promise<void> {
  const { id: messageId, conversationId } = message;
  const deletedAt = new Date();
  await tx.update(messages).set({ text: null, deletedAt }).where(eq(messages.id, messageId));
  // The words go with the text, not at the search indexer's next look (it removes a row a batch in flight wrote back).
  await tx.delete(messageSearch).where(eq(messageSearch.messageId, messageId));
  await tx.delete(reactions).where(eq(reactions.messageId, messageId));
  await tx.delete(pins).where(eq(pins.messageId, messageId));
  await tx.delete(stars).where(eq(stars.messageId, messageId));
  // A poll goes whole (its votes cascade), and with it the stored updates that showed its options.
  await tx.delete(polls).where(eq(polls.messageId, messageId));
  await tx.delete(eventLog).where(and(eq(eventLog.messageId, messageId), eq(eventLog.type, 'poll:updated')));
  // Sync replays stored payloads: the wiped content must be gone from them too.
  const [tombstone] = await presentMessages(tx, [{ ...message, text: null, deletedAt }]);
  await tx
    .update(eventLog)
    .set({ payload: sql`jsonb_set(${eventLog.payload} - 'mentionsAdded', '{message}', ${JSON.stringify(tombstone)}::jsonb)` })
    .where(and(eq(eventLog.messageId, messageId), inArray(eventLog.type, ['message:new', 'message:updated'])));
  // …and from the snippet that replies to it carry.
  await tx
    .update(eventLog)
    .set({ payload: sql`jsonb_set(${eventLog.payload}, '{message,replyTo,text}', 'null'::jsonb)` })
    .where(
      and(
        inArray(eventLog.messageId, tx.select({ id: messages.id }).from(messages).where(eq(messages.replyToId, messageId))),
        inArray(eventLog.type, ['message:new', 'message:updated']),
      ),
    );
  await scrubConversationCopies(tx, message, tombstone!);
  events.add({ type: 'message:deleted', conversationId, messageId, payload: { conversationId, messageId, for: 'everyone' }, origin });
  await withholdFromNonReaders(tx, events, message);
  // A reply deleted for everyone leaves its thread's summary.
  if (message.threadRootId) await refreshThreads(tx, events, [message.threadRootId]);
}

/** The stored events that carry a conversation (`conversation:created`, `conversation:updated`) and with it its lastMessage. */
const carriesConversation = sql`type in ('conversation:created', 'conversation:updated')`;
const lastMessageId = sql`(payload #>> '{conversation,lastMessage,id}')`;

/**
 * A conversation's copy in a stored event carries its lastMessage as it was then: where that is the
 * wiped message it becomes the tombstone (keeping the status the copy had), and where it is a reply to
 * it, the reply's snippet loses the text. Found through `events_last_message_idx`, not by scanning the log.
 */
async function scrubConversationCopies(tx: Tx, message: MessageRow, tombstone: MessageDto): Promise<void> {
  const { status: _status, ...wiped } = tombstone;
  await tx.execute(
    sql`update events set payload = jsonb_set(payload, '{conversation,lastMessage}', (payload #> '{conversation,lastMessage}') || ${JSON.stringify(wiped)}::jsonb)
        where ${carriesConversation} and ${lastMessageId} = ${message.id}`,
  );
  await tx.execute(
    sql`update events set payload = jsonb_set(payload, '{conversation,lastMessage,replyTo,text}', 'null'::jsonb)
        where ${carriesConversation}
          and ${lastMessageId} in (select id::text from messages where reply_to_id = ${message.id})
          and payload #> '{conversation,lastMessage,replyTo}' <> 'null'::jsonb`,
  );
}
