import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { uuidArray, type Db } from '../../db/connect.js';
import type { BatchDone } from '../../events/leasedConsumer.js';
import { leasedLogReader, type LeasedLogReader } from '../../events/leasedReader.js';
import { readExportEvents, type ExportEvent } from '../../export/readEvents.js';

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
    const { events } = await readExportEvents(this.ctx.db, from, limit, await this.ctx.horizon.advance());
    if (events.length === 0) return { through: from, full: false };
    await indexMessages(this.ctx.db, messageIdsOf(events));
    return { through: events.at(-1)!.id, full: events.length === limit };
  }
}

/** The messages whose text these events may have changed. */
function messageIdsOf(events: ExportEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const id =
      e.type === 'message:new' || e.type === 'message:updated'
        ? (e.payload.message as { id?: string } | undefined)?.id
        : e.type === 'message:deleted' && e.payload.for === 'everyone'
          ? (e.payload.messageId as string | undefined)
          : undefined;
    if (id) ids.add(id);
  }
  return [...ids];
}

/**
 * Writes the index rows of these messages from their text now: upserted when there is text that is
 * neither deleted nor encrypted (rewritten only when it changed: a thread summary or a link preview is a
 * `message:updated` too), removed otherwise; a message deleted since has no row left (the cascade took it).
 */
async function indexMessages(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const wanted = uuidArray(ids);
  await db.execute(sql`
    insert into message_search (message_id, tsv)
    select id, to_tsvector('simple', text) from messages
    where id = any(${wanted}) and text is not null and deleted_at is null and not encrypted
    on conflict (message_id) do update set tsv = excluded.tsv where message_search.tsv is distinct from excluded.tsv`);
  await db.execute(sql`
    delete from message_search s using messages m
    where s.message_id = any(${wanted}) and m.id = s.message_id
      and (m.text is null or m.deleted_at is not null or m.encrypted)`);
}
