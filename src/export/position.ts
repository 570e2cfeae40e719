import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/connect.js';
import type { StoredEventType } from '@parley/protocol';

/** An event as an exporter reads it from the log. */
export interface ExportEvent {
  id: number;
  type: StoredEventType;
  conversationId: string | null;
  userId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * An exporter's position in the event log (`event_exports`), with a lease so that one node at
 * a time exports. The events table is the outbox: ids are dense and in commit order, so
 * "the events after `last_id`, in id order" is exactly what remains to be published.
 *
 * No transaction is held while publishing (PGlite has one connection, and a broker can be
 * slow): the lease row says who may move `last_id`, and moving it is fenced on still owning
 * the lease. A node that lost its lease mid-batch only publishes that batch twice.
 */
export class ExportPosition {
  constructor(
    private readonly db: Db,
    private readonly name: string,
    /** This process's id as lease owner. */
    readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  /** Creates the row on first use at the current head: export covers events from when it was turned on. */
  async ensure(): Promise<void> {
    await this.db.execute(
      sql`insert into event_exports (name, last_id) select ${this.name}, last_id from event_head where id = 1
          on conflict (name) do nothing`,
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

  /** Gives the lease up (on shutdown, or when the broker fails), so another node may take over at once. */
  async release(): Promise<void> {
    await this.db.execute(
      sql`update event_exports set owner = null, locked_until = null where name = ${this.name} and owner = ${this.owner}`,
    );
  }

  /** The next events after `after`, in id order. */
  async read(after: number, limit: number): Promise<ExportEvent[]> {
    const r = await rows<{
      id: number;
      type: StoredEventType;
      conversation_id: string | null;
      user_id: string | null;
      payload: Record<string, unknown>;
      created_at: Date | string;
    }>(
      this.db,
      sql`select id, type, conversation_id, user_id, payload, created_at from events
          where id > ${after} order by id limit ${limit}`,
    );
    return r.map((e) => ({
      id: Number(e.id),
      type: e.type,
      conversationId: e.conversation_id,
      userId: e.user_id,
      payload: e.payload,
      createdAt: new Date(e.created_at),
    }));
  }
}
