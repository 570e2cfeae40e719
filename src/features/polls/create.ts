import type { z } from 'zod';
import type { pollInput } from '@parley/protocol';
import type { Tx } from '../../db/connect.js';
import { polls } from '../../db/schema.js';
import { fail, type AppError } from '../../lib/errors.js';
import { toPoll, type PollRow } from './present.js';

export type PollRequest = z.output<typeof pollInput>;
/** A checked poll, ready to be written with its message (the message id comes later). */
export type PollDraft = Omit<PollRow, 'messageId'>;

/**
 * A poll as sent, checked: closesAt, when given, in the future (the schema checked the rest). Option
 * ids are their positions ('1'..'12'): stable, short, and unique within the poll.
 */
export function draftPoll(input: PollRequest, now = new Date()): PollDraft | AppError {
  const closesAt = input.closesAt ? new Date(input.closesAt) : null;
  if (closesAt && closesAt <= now) return fail('poll.closes_at_invalid', 'closesAt must be in the future');
  return {
    question: input.question,
    options: input.options.map((text, i) => ({ id: String(i + 1), text })),
    multipleChoice: input.multipleChoice,
    anonymous: input.anonymous,
    closesAt,
    closedAt: null,
  };
}

/** A new poll as its message first shows it: no votes yet. */
export const freshPoll = (draft: PollDraft) => toPoll({ ...draft, messageId: '' }, []);

/** Writes the polls of messages just appended (in the send's transaction). */
export async function insertPolls(tx: Tx, list: { messageId: string; poll: PollDraft }[]): Promise<void> {
  if (list.length === 0) return;
  await tx.insert(polls).values(list.map(({ messageId, poll }) => ({ ...poll, messageId })));
}
