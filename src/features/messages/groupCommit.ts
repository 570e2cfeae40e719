import type { Db } from '../../db/connect.js';
import { runCommand, type CommitListener } from '../../events/runCommand.js';
import { writeMessages, type SendOutcome, type SendRequest, type SendResult } from './sendMessage.js';

interface Pending extends SendRequest {
  resolve(r: SendResult): void;
  reject(err: unknown): void;
}

/**
 * Group commit for sends. While a batch is being written, new sends wait; the next batch takes
 * all of them into one transaction: one commit (one fsync), one event-id allocation and a
 * handful of statements for many messages, instead of all of that for each. `writeMessages`
 * gives every send its own outcome, so a refused one fails alone; if the transaction itself
 * fails (a deadlock, a lost connection), each send is written again on its own. Acks still
 * come only after the commit.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private running = 0;

  constructor(
    private readonly db: Db,
    private readonly emitter: CommitListener,
    private readonly opts: { maxBatch: number; parallel: number },
  ) {}

  submit(req: SendRequest): Promise<SendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...req, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.opts.parallel && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.opts.maxBatch);
      this.running++;
      void this.write(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    let outcomes: SendOutcome[];
    try {
      outcomes = await runCommand(this.db, this.emitter, (tx, events) => writeMessages(tx, events, batch));
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      await Promise.all(batch.map((p) => this.write([p])));
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if ('ok' in o) p.resolve(o.ok);
      else p.reject(o.error);
    });
  }
}
