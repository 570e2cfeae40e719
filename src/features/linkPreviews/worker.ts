import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { linkPreviews, messages } from '../../db/schema.js';
import type { BatchDone, HeldLease } from '../../events/leasedConsumer.js';
import { leasedLogReader, type LeasedLogReader } from '../../events/leasedReader.js';
import { readExportEvents } from '../../export/readEvents.js';
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
    const { events } = await readExportEvents(this.ctx.db, from, limit, await this.ctx.horizon.advance());
    if (events.length === 0) return { through: from, full: false };
    const ids = new Set<string>();
    for (const e of events) {
      if (e.type !== 'message:new' && e.type !== 'message:updated') continue;
      const id = (e.payload.message as { id?: string } | undefined)?.id;
      if (id) ids.add(id);
    }
    const wanted = await this.wanted([...ids]);
    await lease.whileRenewing(async () => {
      for (let i = 0; i < wanted.length; i += PARALLEL) await Promise.all(wanted.slice(i, i + PARALLEL).map((w) => this.preview(w)));
    });
    return { through: events.at(-1)!.id, full: events.length === limit };
  }

  /** The messages among `ids` whose first URL has no preview row yet. */
  private async wanted(ids: string[]): Promise<{ messageId: string; senderId: string; url: string }[]> {
    if (ids.length === 0) return [];
    const found = await this.ctx.db
      .select({ id: messages.id, senderId: messages.senderId, text: messages.text, have: linkPreviews.url })
      .from(messages)
      .leftJoin(linkPreviews, eq(linkPreviews.messageId, messages.id))
      .where(and(inArray(messages.id, ids), eq(messages.encrypted, false)));
    const out: { messageId: string; senderId: string; url: string }[] = [];
    for (const m of found) {
      const url = firstUrl(m.text);
      if (url && url !== m.have) out.push({ messageId: m.id, senderId: m.senderId, url });
    }
    return out;
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
