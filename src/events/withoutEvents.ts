import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';

/** The `application_name` of a transaction that appends no events, for as long as it runs. */
const NO_EVENTS = 'parley-no-events';

/**
 * Runs `fn` in a transaction marked as one that appends no events, so that the log's readers do
 * not wait for it: a horizon probe waits for every transaction holding an xid (any could be taking
 * event ids, src/events/horizon.ts), and background work that writes much (the search index,
 * pruning, the retention purge) held every node's delivery back while it ran (docs/benchmarks.md,
 * session 16). The mark is set before anything is written, so before the xid exists; an append
 * inside fails (`appendPart` takes no ids under the mark).
 */
export function withoutEvents<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('application_name', ${NO_EVENTS}, true)`);
    return fn(tx);
  });
}

/**
 * A `pg_stat_activity a` row of another session of this database whose transaction may be taking
 * event ids: it holds an xid and is not marked by `withoutEvents`.
 */
export const mayAppendEvents = sql.raw(`a.backend_xid is not null and a.pid <> pg_backend_pid()
                  and a.application_name is distinct from '${NO_EVENTS}'
                  and a.datid = (select oid from pg_database where datname = current_database())`);

/** True in this transaction unless `withoutEvents` marked it. */
export const mayAppendHere = sql.raw(`current_setting('application_name') is distinct from '${NO_EVENTS}'`);
