import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import type { BatchDone, HeldLease } from '../../events/leasedConsumer.js';
import { leasedLogReader, type LeasedLogReader } from '../../events/leasedReader.js';
import { cachedLookup, OutboundRefused, type Lookup } from '../../lib/outbound.js';
import { fetchPreview } from './fetchPreview.js';
import { firstUrl } from './firstUrl.js';
import { storePreview } from './storePreview.js';

export interface LinkPreviewWorkerOptions {
  /** How names are resolved (tests answer from a table; real DNS otherwise). */
  lookup?: Lookup;
  pollMs?: number;
  standbyMs?: number;
}

/** Pages fetched at once within a batch: a slow site holds up only its own slot. */
const PARALLEL = 4;

/**
 * Makes link previews after messages commit (LINK_PREVIEWS): reads `message:new` and
 * `message:updated` from the log under a lease (`event_exports` row `link-previews`), as push and
 * webhooks do, so one node fetches each URL once. A message whose first URL already has its
 * preview row (found or not) is skipped: the worker's own `message:updated` comes back through here.
 */
export class LinkPreviewWorker {
  private readonly reader: LeasedLogReader;
  private readonly lookup: Lookup;

  constructor(
    private readonly ctx: AppContext,
    o: LinkPreviewWorkerOptions = {},
  ) {
    this.lookup = o.lookup ?? cachedLookup(60_000);
    this.reader = leasedLogReader(ctx.db, {
      name: 'link-previews',
      label: 'link preview worker',
      leaseMs: 20_000,
      pollMs: o.pollMs ?? 200,
      standbyMs: o.standbyMs ?? 1000,
      batchSize: 200,
      maxBackoffMs: 30_000,
      log: ctx.log,
      handle: (from, limit, lease) => this.previewAfter(from, limit, lease),
    });
  }

  start(): void {
    this.reader.start();
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }

  private async previewAfter(from: number, limit: number, lease: HeldLease): Promise<BatchDone> {
    const [batch] = await rows<{ n: number; through: number | null; found: Candidate[] | null }>(
      this.ctx.db,
      candidatesAfter(from, limit, await this.ctx.horizon.advance()),
    );
    if (!batch || batch.through === null) return { through: from, full: false };
    const wanted = (batch.found ?? []).flatMap((m) => {
      const url = firstUrl(m.text);
      return url && url !== m.have ? [{ messageId: m.id, senderId: m.senderId, url }] : [];
    });
    await lease.whileRenewing(async () => {
      for (let i = 0; i < wanted.length; i += PARALLEL) await Promise.all(wanted.slice(i, i + PARALLEL).map((w) => this.preview(w)));
    });
    return { through: Number(batch.through), full: Number(batch.n) === limit };
  }

  /** Fetches and stores one preview; a page refused or failing is recorded as not found (not tried again for that URL). */
  private async preview(w: { messageId: string; senderId: string; url: string }): Promise<void> {
    const { LINK_PREVIEW_MAX_BYTES: maxBytes, LINK_PREVIEW_TIMEOUT_MS: timeoutMs } = this.ctx.config;
    const preview = await fetchPreview(this.ctx, w.senderId, w.url, { lookup: this.lookup, maxBytes, timeoutMs }).catch((err: unknown) => {
      const reason = err instanceof OutboundRefused ? err.reason : err instanceof Error ? err.message : String(err);
      this.ctx.log.info({ url: w.url, reason }, 'no link preview');
      return null;
    });
    await storePreview(this.ctx, { messageId: w.messageId, url: w.url, preview });
  }
}

interface Candidate {
  id: string;
  senderId: string;
  text: string;
  /** The URL its preview row is for, if it has one. */
  have: string | null;
}

/**
 * One statement per batch of the log, reading only event ids and message ids (no payloads): the
 * messages its `message:new` and `message:updated` events name that are not encrypted and whose
 * text may hold a URL (a superset of what `firstUrl` finds), with the URL of their preview row.
 */
const candidatesAfter = (after: number, limit: number, horizon: number) => sql`
  with batch as (
    select id, type, message_id from events where id > ${after} and id <= ${horizon} order by id limit ${limit}
  )
  select (select count(*) from batch)::int as n, (select max(id) from batch) as through,
    (select json_agg(json_build_object('id', m.id, 'senderId', m.sender_id, 'text', m.text, 'have', p.url))
     from (select distinct message_id from batch where message_id is not null and type in ('message:new', 'message:updated')) b
     -- One message at a time by its key (lateral, not flattened: the limit): a join was planned as a scan of every message.
     cross join lateral (select id, sender_id, text from messages m
                         where m.id = b.message_id and not m.encrypted and m.text ilike '%http%://%' limit 1) m
     left join link_previews p on p.message_id = m.id) as found`;
