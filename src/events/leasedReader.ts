import crypto from 'node:crypto';
import type { Db } from '../db/connect.js';
import { ExportPosition } from './exportPosition.js';
import type { HeldLease, LeasedReaderOptions } from './leasedConsumer.js';

/** What the reader needs of its position row: an `ExportPosition` (the spec gives it one in memory). */
export type LeasePosition = Pick<ExportPosition, 'ensure' | 'acquire' | 'advance' | 'release'>;

/** Where this node holds the lease: the position, and when (monotonic ms) the lease was last taken or renewed. */
export interface Held {
  lastId: number;
  renewedAt: number;
}

/** The wait after the `failures`-th failure in a row: 0.5 s, doubling, at most `maxMs`. */
export const backoffMs = (failures: number, maxMs: number): number => Math.min(maxMs, 250 * 2 ** Math.min(failures, 10));

/** Whether the lease must be taken (not held) or renewed (a quarter of it has passed) before the next batch. */
export const renewDue = (held: Held | undefined, now: number, leaseMs: number): boolean => !held || now - held.renewedAt > leaseMs / 4;

/** A reader over an `event_exports` row, leased by this process under a new owner id. */
export function leasedLogReader(db: Db, o: LeasedReaderOptions): LeasedLogReader {
  return new LeasedLogReader(new ExportPosition(db, o.name, crypto.randomUUID(), o.leaseMs), o);
}

/**
 * Reads the event log from its position, batch by batch, on one node at a time (the lease), and
 * hands each batch to `handle`; the position moves once it resolved, fenced on still holding the
 * lease, so every event is handled at least once and in id order. A failed round releases the
 * lease (another node may take over) and is tried again from the same position after a backoff.
 */
export class LeasedLogReader {
  private held: Held | undefined;
  private ensured = false;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;
  private readonly lease: HeldLease = { whileRenewing: (work) => this.whileRenewing(work) };

  constructor(
    private readonly position: LeasePosition,
    private readonly o: LeasedReaderOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Lets the batch in flight finish, drains, and gives the lease up. Call before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    try {
      await this.o.drain?.();
    } finally {
      if (this.held) await this.position.release().catch(() => {});
      this.held = undefined;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const busy = await this.round();
        if (this.failures > 0) this.o.onRecovered?.();
        this.failures = 0;
        if (!busy) await this.sleep(this.held ? this.o.pollMs : this.o.standbyMs);
      } catch (err) {
        if (this.stopped) break;
        const delay = backoffMs(++this.failures, this.o.maxBackoffMs);
        this.o.log.warn({ err, retryInMs: delay, failures: this.failures }, `${this.o.label} failed; retrying`);
        await this.o.onFailure?.(err).catch(() => {});
        if (this.held) await this.position.release().catch(() => {});
        this.held = undefined;
        await this.sleep(delay);
      }
    }
  }

  /** One round: the next batch, if this node holds the lease. True when there may be more to do now. */
  private async round(): Promise<boolean> {
    if (!this.ensured) {
      await this.position.ensure();
      this.ensured = true;
    }
    await this.o.beforeRound?.();
    if (renewDue(this.held, performance.now(), this.o.leaseMs)) {
      const lastId = await this.position.acquire();
      this.held = lastId === null ? undefined : { lastId, renewedAt: performance.now() };
      if (!this.held) return false;
    }
    const from = this.held!.lastId;
    const { through, full } = await this.o.handle(from, this.o.batchSize, this.lease);
    if (through === from) return false;
    if (await this.position.advance(from, through)) {
      this.held = { lastId: through, renewedAt: performance.now() };
    } else {
      this.o.log.warn({ from, through }, `${this.o.label} lease lost; another node continues`);
      this.held = undefined;
    }
    return full;
  }

  private async whileRenewing<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      void this.position.acquire().then(
        (id) => id !== null && this.held && (this.held.renewedAt = performance.now()),
        () => {},
      );
    }, this.o.leaseMs / 4);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }
}
