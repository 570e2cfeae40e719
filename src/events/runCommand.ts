import type { Db, Tx } from '../db/connect.js';
import { appendEvents } from './append.js';
import type { EventDraft, StoredEvent } from './types.js';

/** Collects a command's events; `flush` appends them early when a command needs their ids. */
export class EventBatch {
  private drafts: EventDraft[] = [];
  readonly stored: StoredEvent[] = [];
  constructor(private readonly tx: Tx) {}

  add(...drafts: EventDraft[]): void {
    this.drafts.push(...drafts);
  }

  async flush(): Promise<StoredEvent[]> {
    const appended = await appendEvents(this.tx, this.drafts);
    this.drafts = [];
    this.stored.push(...appended);
    return appended;
  }
}

export interface CommitListener {
  committed(events: StoredEvent[]): void;
}

/** A write: everything it does happens in `tx`; what it records in `events` is emitted once `tx` has committed. */
export type Command<T> = (tx: Tx, events: EventBatch) => Promise<T>;

/**
 * Runs one command in one transaction. Its events are appended last (ids from a sequence, no
 * lock held: src/events/append.ts) and handed to the emitter only after the commit succeeded.
 */
export async function runCommand<T>(db: Db, emitter: CommitListener, command: Command<T>): Promise<T> {
  let batch: EventBatch | undefined;
  const result = await db.transaction(async (tx) => {
    batch = new EventBatch(tx);
    const value = await command(tx, batch);
    await batch.flush();
    return value;
  });
  if (batch && batch.stored.length > 0) emitter.committed(batch.stored);
  return result;
}
