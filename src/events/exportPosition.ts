import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/connect.js';
import { lastIssuedId } from './read.js';

/**
 * A reader's position in the event log (an `event_exports` row: `amqp`, `push`), with a lease so
 * that one node at a time reads. Its reader reads only up to the horizon (src/events/horizon.ts),
 * below which nothing can still commit, so "the events after `last_id`, in id order" is exactly
 * what remains to be handled.
 *
 * No transaction is held while a batch is handled (PGlite has one connection, and a broker or
 * push service can be slow): the lease row says who may move `last_id`, and moving it is fenced
 * on still owning the lease. A node that lost its lease mid-batch only handles that batch twice.
 */
export class ExportPosition {
  constructor(
    private readonly db: Db,
    private readonly name: string,
    /** This process's id as lease owner. */
    readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  /** Creates the row on first use at the last id handed out: reading covers events from when it was turned on. */
  async ensure(): Promise<void> {
    await this.db.execute(
      sql`insert into event_exports (name, last_id) values (${this.name}, ${lastIssuedId}) on conflict (name) do nothing`,
    );
  }

  /** Takes or renews the lease; returns the position, or null while another node holds it. */
  async acquire(): Promise<number | null> {
    const [r] = await rows<{ last_id: number }>(
      this.db,
      sql`update event_exports set owner = ${this.owner}, locked_until = now() + make_interval(secs => ${this.leaseMs / 1000})
          where name = ${this.name} and (owner = ${this.owner} or owner is null or locked_until is null or locked_until < now())
          returning last_id`,
    );
    return r ? Number(r.last_id) : null;
  }

  /** Moves the position from `from` to `to` and renews the lease; false when this node no longer holds it. */
  async advance(from: number, to: number): Promise<boolean> {
    const r = await rows<{ last_id: number }>(
      this.db,
      sql`update event_exports set last_id = ${to}, locked_until = now() + make_interval(secs => ${this.leaseMs / 1000})
          where name = ${this.name} and owner = ${this.owner} and last_id = ${from}
          returning last_id`,
    );
    return r.length === 1;
  }

  /** Gives the lease up (on shutdown, or when a round failed), so another node may take over at once. */
  async release(): Promise<void> {
    await this.db.execute(
      sql`update event_exports set owner = null, locked_until = null where name = ${this.name} and owner = ${this.owner}`,
    );
  }
}
