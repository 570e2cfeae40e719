import { sql } from 'drizzle-orm';
import { jsonRows, rows, type Executor } from '../db/connect.js';
import type { EventDraft, StoredEvent } from './types.js';

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
 * Appends events inside the caller's transaction, in one statement, with ids from the
 * `events_id_seq` sequence: no lock is held to commit, so writers on every node append at once
 * and commit in any order (readers stay below the horizon, src/events/horizon.ts).
 *
 * The transaction takes its xid (`pg_current_xact_id()`) before its ids: nextval is evaluated in
 * a query that reads the xid first. The horizon's proof rests on that order: an id at or below
 * the sequence's value belongs to a transaction that already shows as running.
 *
 * `probe` (PostgreSQL, the first append of a transaction: pg_stat_activity is read once per
 * transaction and kept) also reads, after the ids, the sequence's value and then whether any
 * other transaction of this database holds an xid, as the horizon's probe does.
 */
export async function appendEvents(tx: Executor, drafts: EventDraft[], probe = false): Promise<Appended> {
  if (drafts.length === 0) return { events: [] };
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
  // The aggregate over `ids` runs to its end before the sequence is read; `others` is correlated
  // with `issued`, so it is read after it.
  const quiet = probe
    ? sql`, seq as materialized (
          select pg_sequence_last_value('events_id_seq'::regclass) as issued from (select count(*) from ids) as taken
        )
        select (select array_agg(id) from added) as ids, seq.issued,
               (select count(*) from pg_stat_activity a
                where seq.issued is not null and a.backend_xid is not null and a.pid <> pg_backend_pid()
                  and a.datid = (select oid from pg_database where datname = current_database()))::int as others
        from seq`
    : sql` select (select array_agg(id) from added) as ids, null::bigint as issued, null::int as others`;
  const [result] = await rows<{ ids: number[]; issued: number | null; others: number | null }>(
    tx,
    sql`with xact as materialized (select pg_current_xact_id() as xid),
        ids as materialized (
          select nextval('events_id_seq') as id from xact, generate_series(1, ${drafts.length}) where xact.xid is not null
        ),
        -- The i-th smallest id goes to the i-th draft, however the rows above were produced.
        numbered as (select id, row_number() over (order by id) - 1 as ord from ids),
        added as (
          insert into events (id, type, conversation_id, user_id, message_id, payload, origin, hidden_from)
          select n.id, v.type, v."conversationId", v."userId", v."messageId", v.payload, v.origin, v."hiddenFrom"
          from numbered n
          join jsonb_to_recordset(${jsonRows(stored)})
            as v(id int, type text, "conversationId" uuid, "userId" uuid, "messageId" uuid, payload jsonb, origin text, "hiddenFrom" uuid[])
            on v.id = n.ord
          returning id
        )${quiet}`,
  );
  const ids = result!.ids.map(Number).sort((a, b) => a - b);
  stored.forEach((e, i) => (e.id = ids[i]!));
  const finalOnCommit = result!.issued !== null && Number(result!.others) === 0 ? Number(result!.issued) : undefined;
  return finalOnCommit === undefined ? { events: stored } : { events: stored, finalOnCommit };
}
