import type { AppContext, Metrics } from '../../context.js';
import { databaseUnavailable } from '../../lib/pgErrors.js';
import type { SendOutcome, SendQueue, SendRequest, SendResult } from './sendQueue.js';
import { writeSendBatch } from './writeSendBatch.js';

interface Pending extends SendRequest {
  resolve(r: SendResult): void;
  reject(err: unknown): void;
}

interface Lane {
  queue: Pending[];
  busy: boolean;
}

/**
 * Group commit for sends. While a batch is being written, new sends wait; the next batch takes
 * all of them into one transaction: one commit (one fsync), one event-id allocation and a
 * handful of statements for many messages, instead of all of that for each.
 *
 * With more than one lane (SEND_PARALLEL), sends are split into lanes by conversation, one
 * batch in flight per lane: batches written at the same time never share a conversation, so
 * they never wait for each other's conversation locks, and one conversation's sends are written
 * in the order they came. Lanes add throughput but not speed: concurrent batches queue for the
 * event counter's lock, held to commit, so each takes longer (docs/benchmarks.md).
 *
 * A batch starts on the next turn of the event loop, after every message already read from the
 * sockets has joined it. (With PGlite a transaction runs without yielding to I/O, so starting
 * at once would mean a transaction per message.)
 *
 * `writeSendBatch` gives every send its own outcome, so a refused one fails alone; if the
 * transaction itself fails (a deadlock, say), each send is written again on its own. If the
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

  submit(req: SendRequest): Promise<SendResult> {
    return new Promise((resolve, reject) => {
      const lane = this.lanes[laneOf(req.input.conversationId, this.lanes.length)]!;
      lane.queue.push({ ...req, resolve, reject });
      if (lane.queue.length === 1) this.schedule();
    });
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
    let outcomes: SendOutcome[];
    try {
      const started = performance.now();
      outcomes = await this.run((tx, events) => writeSendBatch(tx, events, batch));
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
      if ('ok' in outcome) p.resolve(outcome.ok);
      else p.reject(outcome.error);
    });
  }
}

/** A conversation's lane: from the random tail of its UUID (any string maps somewhere). */
export function laneOf(conversationId: string, lanes: number): number {
  return lanes === 1 ? 0 : (Number.parseInt(conversationId.slice(-6), 16) || 0) % lanes;
}
