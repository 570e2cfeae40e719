/**
 * What a consumer of the leased log reader (src/events/leasedReader.ts) gives it and gets from it:
 * the event export, the push worker, each webhook, and anything else that handles the log in
 * order, batch by batch, on one node at a time.
 */

/** How far a batch took the reader: the position moves to `through`; `full` when more may be waiting now. */
export interface BatchDone {
  through: number;
  full: boolean;
}

/** Given to `handle`: a batch whose work may outlast the lease (slow push services, webhooks) keeps it meanwhile. */
export interface HeldLease {
  whileRenewing<T>(work: () => Promise<T>): Promise<T>;
}

export interface LeasedReaderOptions {
  /** The `event_exports` row: `amqp`, `push`, `webhook:<id>`. */
  name: string;
  /** The work as log lines name it: 'event export', 'push worker'. */
  label: string;
  /** How long the lease lasts unless renewed (at a quarter of it); a node that died is replaced after this. */
  leaseMs: number;
  /** How often the log is checked for new events when caught up. */
  pollMs: number;
  /** How often a node that does not hold the lease tries to take it. */
  standbyMs: number;
  /** Events per batch at most (`handle`'s limit). */
  batchSize: number;
  /** Longest wait after failures: 0.5 s, doubling, up to this. */
  maxBackoffMs: number;
  log: { warn(obj: unknown, msg?: string): void };
  /** Each round, before the lease is taken: throwing fails the round, so a node that cannot reach its target leaves the lease to others. */
  beforeRound?(): Promise<void>;
  /** Handles the events after `from` (at most `limit`) in id order; resolves once they are done with. Throwing retries them. */
  handle(from: number, limit: number, lease: HeldLease): Promise<BatchDone>;
  /** After a failed round, before the lease is released. */
  onFailure?(err: unknown): Promise<void>;
  /** After the first round that succeeded following failures. */
  onRecovered?(): void;
  /** On stop, once the batch in flight finished, before the lease is released. */
  drain?(): Promise<void>;
}
