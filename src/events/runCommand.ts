import type { Db, Tx } from '../db/connect.js';
import { appendEvents, appended, appendPart, type Appended, type AppendColumns, type AppendPart } from './append.js';
import type { EventDraft, StoredEvent } from './types.js';

/** Collects a command's events; `flush` appends them early when a command needs their ids. */
export class EventBatch {
  private drafts: EventDraft[] = [];
  private probed = false;
  readonly stored: StoredEvent[] = [];
  /** From the transaction's one probe (see `Appended.finalOnCommit`): final once it commits. */
  finalOnCommit: number | undefined;

  constructor(
    private readonly tx: Tx,
    /** Probe the horizon in the first append (PostgreSQL; PGlite's commits are final by themselves). */
    private readonly probe = false,
  ) {}

  add(...drafts: EventDraft[]): void {
    this.drafts.push(...drafts);
  }

  async flush(): Promise<StoredEvent[]> {
    const probe = this.probeNext();
    return this.took(await appendEvents(this.tx, this.drafts, probe), probe);
  }

  /**
   * Appends the events added so far inside the caller's own statement, so that a write and its
   * events cost one round trip: `write` builds it around the `AppendPart` (its CTEs first, its
   * columns in the row it returns) and runs it. There must be events to append.
   */
  async flushWithin<T extends AppendColumns>(write: (part: AppendPart) => Promise<T>): Promise<T> {
    if (this.drafts.length === 0) throw new Error('flushWithin: no events to append');
    const probe = this.probeNext();
    const part = appendPart(this.drafts, probe);
    const row = await write(part);
    this.took(appended(part, row), probe);
    return row;
  }

  private probeNext(): boolean {
    return this.probe && !this.probed && this.drafts.length > 0;
  }

  private took(result: Appended, probed: boolean): StoredEvent[] {
    if (probed) {
      this.probed = true;
      this.finalOnCommit = result.finalOnCommit;
    }
    this.drafts = [];
    this.stored.push(...result.events);
    return result.events;
  }
}

export interface CommitListener {
  /** `finalOnCommit`: every id up to it is final now that this commit returned (no probe needed to emit). */
  committed(events: StoredEvent[], finalOnCommit?: number): void;
}

/** A write: everything it does happens in `tx`; what it records in `events` is emitted once `tx` has committed. */
export type Command<T> = (tx: Tx, events: EventBatch) => Promise<T>;

/**
 * Runs one command in one transaction. Its events are appended last (ids from a sequence, no
 * lock held: src/events/append.ts) and handed to the emitter only after the commit succeeded.
 */
export async function runCommand<T>(db: Db, emitter: CommitListener, command: Command<T>, probe = false): Promise<T> {
  let batch: EventBatch | undefined;
  const result = await db.transaction(async (tx) => {
    batch = new EventBatch(tx, probe);
    const value = await command(tx, batch);
    await batch.flush();
    return value;
  });
  if (batch && batch.stored.length > 0) emitter.committed(batch.stored, batch.finalOnCommit);
  return result;
}
