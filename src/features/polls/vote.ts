import type { Poll } from '@parley/protocol';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor, Tx } from '../../db/connect.js';
import { pollVotes, polls } from '../../db/schema.js';
import type { EventBatch } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { visibleMessage, type MessageAccess } from '../messages/access.js';
import { withholdFromNonReaders } from '../messages/withhold.js';
import { assertNotBlockedInDirect } from '../users/blocks.js';
import { isClosed, pollsOf, type PollRow } from './present.js';

export interface PollResult {
  poll: Poll;
  /** The caller's own choice, which even an anonymous poll shows them (and no one else). */
  myVote: string[];
}

/**
 * Replaces the actor's vote in a poll with `optionIds` (none: takes it back); members hear
 * `poll:updated`. Any member votes, in a broadcast group too (like reactions). A closed poll
 * (closed, or closesAt passed) refuses with `poll.closed`; a single-choice one takes one option.
 */
export function votePoll(ctx: AppContext, actorId: string, messageId: string, optionIds: string[], origin?: string): Promise<PollResult> {
  return ctx.run(async (tx, events) => {
    const { access, poll } = await openPoll(tx, messageId, actorId);
    if (isClosed(poll)) throw fail('poll.closed', 'the poll is closed');
    const chosen = poll.options.map((o) => o.id).filter((id) => optionIds.includes(id));
    if (chosen.length !== new Set(optionIds).size) throw fail('poll.option_invalid', 'an option id is not one of this poll');
    if (!poll.multipleChoice && chosen.length > 1) throw fail('poll.single_choice', 'this poll takes one option');
    const mine = and(eq(pollVotes.messageId, messageId), eq(pollVotes.userId, actorId));
    if (chosen.length === 0) {
      const removed = await tx.delete(pollVotes).where(mine).returning({ userId: pollVotes.userId });
      // Nothing to take back: nothing changed, so nothing to record or tell anyone.
      if (removed.length === 0) return { poll: (await pollsOf(tx, [messageId])).get(messageId)!, myVote: [] };
    } else {
      await assertNotBlockedInDirect(tx, { id: access.message.conversationId, type: access.conversationType }, actorId);
      await tx
        .insert(pollVotes)
        .values({ messageId, userId: actorId, optionIds: chosen })
        .onConflictDoUpdate({ target: [pollVotes.messageId, pollVotes.userId], set: { optionIds: chosen, createdAt: new Date() } });
    }
    return { poll: await announcePoll(tx, events, access, origin), myVote: chosen };
  });
}

/** The poll of a message the actor can see, its message row locked (votes on one poll take turns). */
export async function openPoll(tx: Tx, messageId: string, actorId: string): Promise<{ access: MessageAccess; poll: PollRow }> {
  const access = await visibleMessage(tx, messageId, actorId, true);
  if (access.message.deletedAt) throw fail('message.deleted', 'the message was deleted');
  const [poll] = await tx.select().from(polls).where(eq(polls.messageId, messageId));
  if (!poll) throw fail('poll.not_found', 'the message is not a poll');
  return { access, poll };
}

/** Members hear the poll as it is now (an event in the log, so sync replays it). */
export async function announcePoll(tx: Tx, events: EventBatch, access: MessageAccess, origin?: string): Promise<Poll> {
  const { id: messageId, conversationId } = access.message;
  const poll = (await pollsOf(tx, [messageId])).get(messageId)!;
  events.add({ type: 'poll:updated', conversationId, messageId, payload: { conversationId, messageId, poll }, origin });
  await withholdFromNonReaders(tx, events, access.message);
  return poll;
}

/** The actor's own vote in a poll (their option ids, in the poll's order). */
export async function myVote(tx: Executor, messageId: string, actorId: string): Promise<string[]> {
  const [row] = await tx
    .select({ optionIds: pollVotes.optionIds })
    .from(pollVotes)
    .where(and(eq(pollVotes.messageId, messageId), eq(pollVotes.userId, actorId)));
  return row?.optionIds ?? [];
}
