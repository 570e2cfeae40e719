import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import type { BatchDone } from '../../events/leasedConsumer.js';
import { leasedLogReader, type LeasedLogReader } from '../../events/leasedReader.js';
import { withoutEvents } from '../../events/withoutEvents.js';

type IndexerContext = Pick<AppContext, 'db' | 'horizon' | 'config' | 'log'>;

/**
 * Keeps `message_search` (the full-text index of `GET /messages/search`) up to date from the event
 * log, under a lease (`event_exports` row `search-index`), as push and link previews read it: the
 * GIN insert and its upkeep were on every send's ack path. Each batch indexes the messages its
 * `message:new`, `message:updated` and `message:deleted` events name, as they stand now (so a
 * repeat or a late batch writes the same rows). Search is behind by about SEARCH_INDEX_INTERVAL_MS.
 */
export class SearchIndexer {
  private readonly reader: LeasedLogReader;

  constructor(private readonly ctx: IndexerContext) {
    this.reader = leasedLogReader(ctx.db, {
      name: 'search-index',
      label: 'search indexer',
      leaseMs: 20_000,
      pollMs: ctx.config.SEARCH_INDEX_INTERVAL_MS,
      standbyMs: 1000,
      batchSize: 500,
      maxBackoffMs: 30_000,
      log: ctx.log,
      handle: (from, limit) => this.indexAfter(from, limit),
    });
  }

  start(): void {
    this.reader.start();
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }

  private async indexAfter(from: number, limit: number): Promise<BatchDone> {
    const horizon = await this.ctx.horizon.advance();
    const [batch] = await withoutEvents(this.ctx.db, (tx) =>
      rows<{ n: number; through: number | null }>(tx, indexBatch(from, limit, horizon)),
    );
    if (!batch || batch.through === null) return { through: from, full: false };
    return { through: Number(batch.through), full: Number(batch.n) === limit };
  }
}

/**
 * One statement per batch of the log: the messages that its `message:new`, `message:updated` and
 * `message:deleted` events name get their index rows from their text now: upserted when there is
 * text that is neither deleted nor encrypted (rewritten only when it changed: a thread summary or
 * a link preview is a `message:updated` too), removed otherwise (looked for only when an edit or a
 * deletion named it: a new message has no row to remove); a message deleted since has no row
 * left (the cascade took it). Only the events' ids and message ids are read, no payloads.
 */
const indexBatch = (after: number, limit: number, horizon: number) => sql`
  with batch as (
    select id, type, message_id from events where id > ${after} and id <= ${horizon} order by id limit ${limit}
  ), touched as (
    select message_id, bool_or(type <> 'message:new') as changed from batch
    where message_id is not null and type in ('message:new', 'message:updated', 'message:deleted')
    group by message_id
  ), upserted as (
    insert into message_search (message_id, tsv)
    select m.id, to_tsvector('simple', m.text) from messages m join touched t on t.message_id = m.id
    where m.text is not null and m.deleted_at is null and not m.encrypted
    on conflict (message_id) do update set tsv = excluded.tsv where message_search.tsv is distinct from excluded.tsv
  ), removed as (
    delete from message_search s using messages m, touched t
    where t.changed and s.message_id = t.message_id and m.id = s.message_id
      and (m.text is null or m.deleted_at is not null or m.encrypted)
  )
  select count(*)::int as n, max(id) as through from batch`;
