import type { Db } from '../../db/connect.js';
import { EventBatch, runCommand, type CommitListener } from '../../events/runCommand.js';
import { AppError } from '../../lib/errors.js';
import { writeMessage, type SendMessageInput, type SendResult } from './sendMessage.js';

export interface SendRequest {
  senderId: string;
  input: SendMessageInput;
  origin?: string;
}

interface Pending extends SendRequest {
  resolve(r: SendResult): void;
  reject(err: unknown): void;
}

/**
 * Group commit for sends. While a batch is being written, new sends wait; the next batch takes
 * all of them into one transaction: one commit (one fsync) and one event-id allocation for many
 * messages, instead of one each. Each message still runs the same `writeMessage` command, in a
 * savepoint, so a message that fails (not a member, a bad reply…) fails alone. Batches are
 * sorted by conversation (stable, so each conversation keeps arrival order), so parallel
 * batches take row locks in the same order. Acks still come only after the commit.
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
    if (batch.length === 1) return this.writeAlone(batch[0]!);
    const ordered = [...batch].sort((a, b) => (a.input.conversationId < b.input.conversationId ? -1 : a.input.conversationId > b.input.conversationId ? 1 : 0));
    const outcomes = new Map<Pending, { ok: SendResult } | { err: AppError }>();
    try {
      await runCommand(this.db, this.emitter, async (tx, events) => {
        for (const p of ordered) {
          const own = new EventBatch(tx);
          try {
            const ok = await tx.transaction((sp) => writeMessage(sp, own, p.senderId, p.input, p.origin));
            events.adopt(own);
            outcomes.set(p, { ok });
          } catch (err) {
            // A refusal is this message's answer; anything else (a deadlock, a lost connection) fails the batch.
            if (!(err instanceof AppError)) throw err;
            outcomes.set(p, { err });
          }
        }
      });
    } catch {
      // The batch did not commit: write each message on its own, so one cannot sink the others.
      await Promise.all(batch.map((p) => this.writeAlone(p)));
      return;
    }
    for (const p of batch) {
      const o = outcomes.get(p)!;
      if ('ok' in o) p.resolve(o.ok);
      else p.reject(o.err);
    }
  }

  private async writeAlone(p: Pending): Promise<void> {
    try {
      p.resolve(await runCommand(this.db, this.emitter, (tx, events) => writeMessage(tx, events, p.senderId, p.input, p.origin)));
    } catch (err) {
      p.reject(err);
    }
  }
}
