import type { Poll } from '@parley/protocol';
import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { pollVotes, polls } from '../../db/schema.js';

export type PollRow = typeof polls.$inferSelect;
export interface VoteRow {
  messageId: string;
  userId: string;
  optionIds: string[];
}

/** Closed by hand, or its closesAt has passed. */
export const isClosed = (p: Pick<PollRow, 'closedAt' | 'closesAt'>, now = new Date()): boolean =>
  p.closedAt !== null || (p.closesAt !== null && p.closesAt <= now);

/** A poll with its counts; voters by option unless it is anonymous (then no one is named, ever). */
export function toPoll(p: PollRow, votes: readonly VoteRow[], now = new Date()): Poll {
  return {
    question: p.question,
    options: p.options.map((o) => {
      const voterIds = votes.filter((v) => v.optionIds.includes(o.id)).map((v) => v.userId);
      return p.anonymous ? { ...o, votes: voterIds.length } : { ...o, votes: voterIds.length, voterIds };
    }),
    multipleChoice: p.multipleChoice,
    anonymous: p.anonymous,
    closesAt: p.closesAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    closed: isClosed(p, now),
    voterCount: votes.length,
  };
}

/** The polls among these messages, presented, by message id (messages that are no poll are absent). */
export async function pollsOf(ex: Executor, messageIds: string[]): Promise<Map<string, Poll>> {
  const out = new Map<string, Poll>();
  if (messageIds.length === 0) return out;
  const found = await ex.select().from(polls).where(inArray(polls.messageId, messageIds));
  if (found.length === 0) return out;
  const votes = await ex
    .select({ messageId: pollVotes.messageId, userId: pollVotes.userId, optionIds: pollVotes.optionIds })
    .from(pollVotes)
    .where(
      inArray(
        pollVotes.messageId,
        found.map((p) => p.messageId),
      ),
    )
    .orderBy(asc(pollVotes.createdAt), asc(pollVotes.userId));
  for (const p of found)
    out.set(
      p.messageId,
      toPoll(
        p,
        votes.filter((v) => v.messageId === p.messageId),
      ),
    );
  return out;
}
