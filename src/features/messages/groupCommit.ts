import type { AppContext, Metrics } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import { databaseUnavailable } from '../../lib/pgErrors.js';
import type { ReceiptRequest, SendOutcome, SendQueue, SendRequest, SendResult, Watermark } from './sendQueue.js';
import { writeReceiptBatch, type ReceiptOutcome } from './writeReceiptBatch.js';
import { writeSendBatch } from './writeSendBatch.js';

type Pending =
  | { send: SendRequest; resolve(r: SendResult): void; reject(err: unknown): void }
  | { receipt: ReceiptRequest; resolve(r: Watermark): void; reject(err: unknown): void };

interface Lane {
  queue: Pending[];
  busy: boolean;
}

/**
 * Group commit for sends and receipts. While a batch is being written, new ones wait; the next
 * batch takes all of them into one transaction: one commit (one fsync), one event-id allocation
 * and a handful of statements for many messages and receipts, instead of all of that for each.
 * (A receipt is as frequent as a message: every receiver acknowledges delivery and reading.)
 *
 * With more than one lane (SEND_PARALLEL), sends are split into lanes by conversation, one
 * batch in flight per lane: batches written at the same time never share a conversation, so
 * they never wait for each other's conversation locks, and one conversation's sends are written
 * in the order they came. Lanes add throughput but not speed: a lane's events are final for
 * readers only once every transaction that took an earlier event id has ended, other lanes' too
 * (src/events/horizon.ts), so its messages are delivered only after those (docs/benchmarks.md, session 16).
 *
 * A batch starts on the next turn of the event loop, after every message already read from the
 * sockets has joined it. (With PGlite a transaction runs without yielding to I/O, so starting
 * at once would mean a transaction per message.)
 *
 * `writeSendBatch` and `writeReceiptBatch` give every entry its own outcome, so a refused one
 * fails alone; if the transaction itself fails (a deadlock, say), each is written again on its own. If the
 * database is unreachable (or a session timeout cut the transaction off), they all fail with
 * service.unavailable, for the client to retry with the same clientMessageId. Acks still come
 * only after the commit.
 */
export class GroupCommit implements SendQueue {
  private readonly lanes: Lane[];
  private scheduled = false;

  constructor(
    private readonly run: AppContext['run'],
    private readonly opts: { maxBatch: number; lanes: number; metrics?: Pick<Metrics, 'batchCommitted'> | undefined },
  ) {
    this.lanes = Array.from({ length: opts.lanes }, () => ({ queue: [], busy: false }));
  }

  submit(send: SendRequest): Promise<SendResult> {
    return new Promise((resolve, reject) => this.enqueue(send.input.conversationId, { send, resolve, reject }));
  }

  receipt(receipt: ReceiptRequest): Promise<Watermark> {
    return new Promise((resolve, reject) => this.enqueue(receipt.conversationId, { receipt, resolve, reject }));
  }

  private enqueue(conversationId: string, pending: Pending): void {
    const lane = this.lanes[laneOf(conversationId, this.lanes.length)]!;
    lane.queue.push(pending);
    if (lane.queue.length === 1) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    for (const lane of this.lanes) {
      if (lane.busy || lane.queue.length === 0) continue;
      lane.busy = true;
      void this.write(lane.queue.splice(0, this.opts.maxBatch)).finally(() => {
        lane.busy = false;
        this.schedule();
      });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    let outcomes: (SendOutcome | ReceiptOutcome)[];
    try {
      const started = performance.now();
      outcomes = await this.run((tx, events) => writeBatch(tx, events, batch));
      this.opts.metrics?.batchCommitted(batch.length, (performance.now() - started) / 1000);
    } catch (err) {
      // The database is away or cut the session off: writing each send again alone would only
      // wait out the same timeout once per send. They all fail retryably (service.unavailable).
      if (batch.length === 1 || databaseUnavailable(err)) return batch.forEach((p) => p.reject(err));
      // One at a time, in order: a conversation's sends keep their order on this path too.
      for (const p of batch) await this.write([p]);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      // writeBatch answers a send with a SendOutcome and a receipt with a ReceiptOutcome.
      if ('ok' in outcome) (p.resolve as (r: SendResult | Watermark) => void)(outcome.ok);
      else p.reject(outcome.error);
    });
  }
}

/**
 * A batch's sends, then its receipts (the conversations' rows are locked before the members',
 * as everywhere), in the caller's transaction: one outcome per entry, in order.
 */
async function writeBatch(tx: Tx, events: EventBatch, batch: Pending[]): Promise<(SendOutcome | ReceiptOutcome)[]> {
  const sends = batch.flatMap((p) => ('send' in p ? [p.send] : []));
  const receipts = batch.flatMap((p) => ('receipt' in p ? [p.receipt] : []));
  const sent = await writeSendBatch(tx, events, sends);
  const received = await writeReceiptBatch(tx, events, receipts, sent.lastSeqBefore);
  let s = 0;
  let r = 0;
  return batch.map((p) => ('send' in p ? sent.outcomes[s++]! : received[r++]!));
}

/** A conversation's lane: from the random tail of its UUID (any string maps somewhere). */
export function laneOf(conversationId: string, lanes: number): number {
  return lanes === 1 ? 0 : (Number.parseInt(conversationId.slice(-6), 16) || 0) % lanes;
}
