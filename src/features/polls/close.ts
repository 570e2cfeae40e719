import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { polls } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { isClosed, pollsOf } from './present.js';
import { announcePoll, myVote, openPoll, type PollResult } from './vote.js';

/**
 * Closes a poll: no more votes. Its author may, and in a group its admins and owner; members hear
 * `poll:updated`. Closing a closed poll (by hand or by closesAt) changes nothing and tells no one.
 */
export function closePoll(ctx: AppContext, actorId: string, messageId: string, origin?: string): Promise<PollResult> {
  return ctx.run(async (tx, events) => {
    const { access, poll } = await openPoll(tx, messageId, actorId);
    const mayClose = access.message.senderId === actorId || (access.conversationType === 'group' && access.role !== 'member');
    if (!mayClose) throw fail('poll.close_forbidden', "only the poll's author or a group admin closes it");
    const own = await myVote(tx, messageId, actorId);
    if (isClosed(poll)) return { poll: (await pollsOf(tx, [messageId])).get(messageId)!, myVote: own };
    await tx.update(polls).set({ closedAt: new Date() }).where(eq(polls.messageId, messageId));
    return { poll: await announcePoll(tx, events, access, origin), myVote: own };
  });
}
