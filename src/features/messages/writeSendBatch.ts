import type { Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import { AppError } from '../../lib/errors.js';
import { claimForwardedMedia, claimMedia } from '../media/attach.js';
import { insertPolls } from '../polls/create.js';
import { refreshThreads } from '../threads/summary.js';
import { appendMessages, type NewMessage } from './appendMessage.js';
import { decideSends, type SendDecision, type WriteDecision } from './decideSends.js';
import { lockAndReadForSends } from './lockAndReadForSends.js';
import { presentMessages, type MessageDto, type MessageRow } from './present.js';
import type { SendOutcome, SendRequest } from './sendQueue.js';

export interface SendBatchWritten {
  /** One per request, in order. */
  outcomes: SendOutcome[];
  /** The batch's conversations' last seqs before its messages. */
  lastSeqBefore: ReadonlyMap<string, number>;
}

/**
 * The send command for any number of sends, inside the caller's transaction, in a few
 * statements whatever their number: lock and read, decide, claim uploads, write, answer
 * repeats. Each send gets its own outcome: one that is refused (not a member, blocked, a bad
 * reply or media) does not stop the others.
 */
export async function writeSendBatch(tx: Tx, events: EventBatch, requests: SendRequest[]): Promise<SendBatchWritten> {
  if (requests.length === 0) return { outcomes: [], lastSeqBefore: new Map() };
  const reads = await lockAndReadForSends(tx, requests);
  const decisions = decideSends(requests, reads);
  const outcomes = new Array<SendOutcome | undefined>(requests.length);

  const fresh: { index: number; message: NewMessage }[] = [];
  for (const [i, decision] of decisions.entries()) {
    if (decision.kind === 'refuse') outcomes[i] = { error: decision.error };
    if (decision.kind !== 'write') continue;
    const claimed = await claimUploads(tx, requests[i]!.actorId, decision);
    if (claimed instanceof AppError) outcomes[i] = { error: claimed };
    else
      fresh.push({
        index: i,
        message: { ...decision.message, type: decision.poll ? 'poll' : (claimed[0]?.kind ?? 'text'), media: claimed, poll: decision.poll },
      });
  }
  const heads = new Map([...reads.conversations].map(([id, c]) => [id, c.lastSeq]));
  const lastRead = new Map([...reads.members].map(([key, m]) => [key, m.lastRead]));
  const written = await appendMessages(
    tx,
    events,
    fresh.map((f) => f.message),
    { heads, lastRead },
  );
  fresh.forEach((f, k) => (outcomes[f.index] = { ok: { message: written[k]!, created: true } }));
  await insertPolls(
    tx,
    fresh.flatMap((f, k) => (f.message.poll ? [{ messageId: written[k]!.id, poll: f.message.poll }] : [])),
  );
  // The roots replied under: their summaries change with the replies, in this transaction.
  await refreshThreads(
    tx,
    events,
    written.flatMap((m) => (m.threadRootId ? [m.threadRootId] : [])),
  );

  const shown = await presentOriginals(tx, decisions);
  for (const [i, decision] of decisions.entries()) {
    if (decision.kind === 'repeat') outcomes[i] = { ok: { message: shown.get(decision.original.id)!, created: false } };
    if (decision.kind !== 'repeat-in-batch') continue;
    const first = outcomes[decision.sameAs]!;
    outcomes[i] = 'ok' in first ? { ok: { message: first.ok.message, created: false } } : first;
  }
  return { outcomes: outcomes as SendOutcome[], lastSeqBefore: heads };
}

/** In a savepoint: a claim that fails must not leave the others' uploads half-claimed. */
async function claimUploads(tx: Tx, actorId: string, decision: WriteDecision): Promise<MessageDto['media'] | AppError> {
  if (decision.mediaIds.length === 0) return [];
  try {
    const { mediaIds, forwardOf } = decision;
    return await tx.transaction((sp) =>
      forwardOf ? claimForwardedMedia(sp, actorId, forwardOf, mediaIds) : claimMedia(sp, actorId, mediaIds),
    );
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

/** The earlier messages that repeats are answered with, as their senders see them now. */
async function presentOriginals(tx: Tx, decisions: SendDecision[]): Promise<Map<string, MessageDto>> {
  const earlier = [...new Set(decisions.flatMap((d) => (d.kind === 'repeat' ? [d.original] : [])))];
  const shown = new Map<string, MessageDto>();
  for (const conversationId of new Set(earlier.map((m) => m.conversationId))) {
    const ofConversation = earlier.filter((m: MessageRow) => m.conversationId === conversationId);
    for (const dto of await presentMessages(tx, ofConversation)) shown.set(dto.id, dto);
  }
  return shown;
}
