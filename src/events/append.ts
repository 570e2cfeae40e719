import { sql, type SQL } from 'drizzle-orm';
import { jsonRows, rows, type Executor } from '../db/connect.js';
import type { EventDraft, StoredEvent } from './types.js';
import { mayAppendEvents, mayAppendHere } from './withoutEvents.js';

export interface Appended {
  events: StoredEvent[];
  /**
   * Asked for with `probe`: the sequence's value read after this statement's ids, when no other
   * transaction of this database held an xid at that moment. Once this transaction commits, every
   * id up to it is final (the horizon's proof, src/events/horizon.ts, with nothing left running):
   * the emitter can emit it without a probe of its own.
   */
  finalOnCommit?: number;
}

/**
 * The part of a statement that appends events: `ctes` open its `with` (they take the xid, the ids
 * and insert the rows), `columns` and `from` end it with what `appended` reads back. A write puts
 * them in its own statement so that it and its events cost one round trip (appendMessages).
 */
export interface AppendPart {
  ctes: SQL;
  columns: SQL;
  from: SQL;
  /** The drafts as they will be stored, `id` their place among them until `appended` sets it. */
  stored: StoredEvent[];
}

/** The columns an `AppendPart` adds to its statement's row. */
export interface AppendColumns {
  event_ids: number[] | null;
  issued: number | null;
  others: number | null;
}

/**
 * Events appended inside the caller's transaction with ids from the `events_id_seq` sequence: no
 * lock is held to commit, so writers on every node append at once and commit in any order
 * (readers stay below the horizon, src/events/horizon.ts).
 *
 * The transaction takes its xid (`pg_current_xact_id()`) before its ids: nextval is evaluated in
 * a query that reads the xid first. The horizon's proof rests on that order: an id at or below
 * the sequence's value belongs to a transaction that already shows as running.
 *
 * `probe` (PostgreSQL, the first append of a transaction: pg_stat_activity is read once per
 * transaction and kept) also reads, after the ids, the sequence's value and then whether any
 * other transaction of this database holds an xid, as the horizon's probe does.
 */
export function appendPart(drafts: EventDraft[], probe: boolean): AppendPart {
  const stored: StoredEvent[] = drafts.map((d, i) => ({
    id: i,
    type: d.type,
    conversationId: d.conversationId ?? null,
    userId: d.userId ?? null,
    messageId: d.messageId ?? null,
    payload: d.payload,
    origin: d.origin ?? null,
    hiddenFrom: d.hiddenFrom ?? null,
  }));
  // Under withoutEvents' mark no ids are taken, so `appended` throws: readers do not wait for such a transaction.
  const ctes = sql`ev_xact as materialized (select pg_current_xact_id() as xid where ${mayAppendHere}),
        ev_ids as materialized (
          select nextval('events_id_seq') as id from ev_xact, generate_series(1, ${drafts.length}) where ev_xact.xid is not null
        ),
        -- The i-th smallest id goes to the i-th draft, however the rows above were produced.
        ev_numbered as (select id, row_number() over (order by id) - 1 as ord from ev_ids),
        ev_added as (
          insert into events (id, type, conversation_id, user_id, message_id, payload, origin, hidden_from)
          select n.id, v.type, v."conversationId", v."userId", v."messageId", v.payload, v.origin, v."hiddenFrom"
          from ev_numbered n
          join jsonb_to_recordset(${jsonRows(stored)})
            as v(id int, type text, "conversationId" uuid, "userId" uuid, "messageId" uuid, payload jsonb, origin text, "hiddenFrom" uuid[])
            on v.id = n.ord
          returning id
        )`;
  if (!probe) {
    return {
      ctes,
      columns: sql`(select array_agg(id) from ev_added) as event_ids, null::bigint as issued, null::int as others`,
      from: sql``,
      stored,
    };
  }
  // The aggregate over `ev_ids` runs to its end before the sequence is read; `others` is
  // correlated with `issued`, so it is read after it.
  return {
    ctes: sql`${ctes}, ev_seq as materialized (
          select pg_sequence_last_value('events_id_seq'::regclass) as issued from (select count(*) from ev_ids) as taken
        )`,
    columns: sql`(select array_agg(id) from ev_added) as event_ids, ev_seq.issued,
               (select count(*) from pg_stat_activity a
                where ev_seq.issued is not null and ${mayAppendEvents})::int as others`,
    from: sql`from ev_seq`,
    stored,
  };
}

/** The events an `AppendPart` wrote, from the columns it added to its statement's row. */
export function appended(part: AppendPart, result: AppendColumns): Appended {
  const ids = (result.event_ids ?? []).map(Number).sort((a, b) => a - b);
  if (ids.length !== part.stored.length) throw new Error(`appended ${ids.length} events of ${part.stored.length}`);
  const events = part.stored.map((e, i) => ({ ...e, id: ids[i]! }));
  const finalOnCommit = result.issued !== null && Number(result.others) === 0 ? Number(result.issued) : undefined;
  return finalOnCommit === undefined ? { events } : { events, finalOnCommit };
}

/** Appends events inside the caller's transaction, in a statement of their own (see `appendPart`). */
export async function appendEvents(tx: Executor, drafts: EventDraft[], probe = false): Promise<Appended> {
  if (drafts.length === 0) return { events: [] };
  const part = appendPart(drafts, probe);
  const [result] = await rows<AppendColumns>(tx, sql`with ${part.ctes} select ${part.columns} ${part.from}`);
  return appended(part, result!);
}
