import { sql } from 'drizzle-orm';
import { jsonRows, rows, type Executor } from '../db/connect.js';
import type { EventDraft, StoredEvent } from './types.js';

/**
 * Appends events inside the caller's transaction, in one statement, with ids from the
 * `events_id_seq` sequence: no lock is held to commit, so writers on every node append at once
 * and commit in any order (readers stay below the horizon, src/events/horizon.ts).
 *
 * The transaction takes its xid (`pg_current_xact_id()`) before its ids: nextval is evaluated in
 * a query that reads the xid first. The horizon's proof rests on that order: an id at or below
 * the sequence's value belongs to a transaction that already shows as running.
 */
export async function appendEvents(tx: Executor, drafts: EventDraft[]): Promise<StoredEvent[]> {
  if (drafts.length === 0) return [];
  const stored: StoredEvent[] = drafts.map((d, i) => ({
    id: i,
    type: d.type,
    conversationId: d.conversationId ?? null,
    userId: d.userId ?? null,
    messageId: d.messageId ?? null,
    payload: d.payload,
    origin: d.origin ?? null,
    hiddenFrom: null,
  }));
  const added = await rows<{ id: number }>(
    tx,
    sql`with xact as materialized (select pg_current_xact_id() as xid),
        ids as materialized (
          select nextval('events_id_seq') as id from xact, generate_series(1, ${drafts.length}) where xact.xid is not null
        ),
        -- The i-th smallest id goes to the i-th draft, however the rows above were produced.
        numbered as (select id, row_number() over (order by id) - 1 as ord from ids)
        insert into events (id, type, conversation_id, user_id, message_id, payload, origin)
        select n.id, v.type, v."conversationId", v."userId", v."messageId", v.payload, v.origin
        from numbered n
        join jsonb_to_recordset(${jsonRows(stored)})
          as v(id int, type text, "conversationId" uuid, "userId" uuid, "messageId" uuid, payload jsonb, origin text)
          on v.id = n.ord
        returning id`,
  );
  const ids = added.map((r) => Number(r.id)).sort((a, b) => a - b);
  stored.forEach((e, i) => (e.id = ids[i]!));
  return stored;
}
