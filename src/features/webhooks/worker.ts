import type { Db } from '../../db/connect.js';
import type { BatchDone, HeldLease } from '../../events/leasedConsumer.js';
import { leasedLogReader, type LeasedLogReader } from '../../events/leasedReader.js';
import type { Horizon } from '../../events/horizon.js';
import { readExportEvents, type ExportEvent } from '../../export/readEvents.js';
import type { Lookup } from '../../lib/outbound.js';
import { deliverEvent, DeliveryFailed } from './deliver.js';
import { clearFailure, recordFailure } from './failures.js';
import { positionName, type DeliverableWebhook } from './store.js';
import { wants } from './wants.js';

interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

export interface WebhookWorkerOptions {
  allowedUrls: string | undefined;
  timeoutMs: number;
  maxBackoffMs: number;
  disableAfterMinutes: number;
  lookup: Lookup;
  log: Logger;
  /** It was disabled for sustained failure: stop it (without waiting: this is called from inside its loop). */
  onDisabled(id: string): void;
  batchSize?: number;
  pollMs?: number;
  standbyMs?: number;
  leaseMs?: number;
}

/**
 * Delivers the log to one webhook, one event per request, in id order: a consumer of the leased
 * reader (`event_exports` row `webhook:<id>`), so one node at a time sends, and the position moves
 * past an event only once its request got a 2xx (or it is not among the webhook's events). A
 * failure is retried, the same event with the same `webhook-id`, after the reader's backoff
 * (0.5 s doubling, up to WEBHOOK_MAX_BACKOFF_SECONDS); later events wait behind it. What was
 * delivered before a failure in a batch is kept, so it is not sent again.
 */
export class WebhookWorker {
  private readonly reader: LeasedLogReader;
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly horizon: Horizon,
    private readonly hook: DeliverableWebhook,
    private readonly o: WebhookWorkerOptions,
  ) {
    this.reader = leasedLogReader(db, {
      name: positionName(hook.id),
      label: `webhook ${hook.id}`,
      leaseMs: o.leaseMs ?? 20_000,
      // Caught up, each webhook looks at the log twice a second: one indexed query each on the node holding it.
      pollMs: o.pollMs ?? 500,
      standbyMs: o.standbyMs ?? 1000,
      batchSize: o.batchSize ?? 100,
      maxBackoffMs: o.maxBackoffMs,
      log: o.log,
      handle: (from, limit, lease) => this.deliverAfter(from, limit, lease),
    });
  }

  start(): void {
    this.reader.start();
  }

  /** Lets the request in flight finish (not the rest of its batch) and gives the lease up. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.reader.stop();
  }

  private async deliverAfter(from: number, limit: number, lease: HeldLease): Promise<BatchDone> {
    const { events: batch, prunedThrough } = await readExportEvents(this.db, from, limit, await this.horizon.advance());
    if (batch.length === 0) return { through: from, full: false };
    if (from < prunedThrough) {
      // The webhook was disabled (or failing) for longer than EVENT_RETENTION_DAYS.
      this.o.log.error({ webhook: this.hook.id, from: from + 1, to: prunedThrough }, 'events were pruned before the webhook got them');
    }
    const through = await lease.whileRenewing(() => this.deliverInOrder(from, batch));
    return { through, full: through === batch.at(-1)!.id && batch.length === limit };
  }

  /** Delivers the batch in order; returns how far it got. The first failure ends it (thrown when nothing was delivered before). */
  private async deliverInOrder(from: number, batch: ExportEvent[]): Promise<number> {
    let through = from;
    let cleared = false;
    for (const e of batch) {
      // Stopping (shutdown, deleted, disabled): what was delivered counts, the rest waits for the next worker.
      if (this.stopping) return through;
      if (wants(this.hook.events, e.type)) {
        try {
          await deliverEvent(this.hook, e, { allowedUrls: this.o.allowedUrls, timeoutMs: this.o.timeoutMs, lookup: this.o.lookup });
        } catch (err) {
          if (!(err instanceof DeliveryFailed)) throw err;
          await this.failed(e, err.message);
          if (through > from) return through;
          throw err;
        }
        // Once a batch (not once an event): the run of failures may have been another node's.
        if (!cleared) cleared = await this.recovered();
      }
      through = e.id;
    }
    return through;
  }

  private async failed(e: ExportEvent, error: string): Promise<void> {
    const disabled = await recordFailure(this.db, this.hook.id, error, this.o.disableAfterMinutes);
    if (!disabled) return;
    this.o.log.warn({ webhook: this.hook.id, eventId: e.id, error }, 'webhook disabled after failing for too long');
    this.o.onDisabled(this.hook.id);
  }

  private async recovered(): Promise<true> {
    if (await clearFailure(this.db, this.hook.id)) this.o.log.info({ webhook: this.hook.id }, 'webhook delivers again');
    return true;
  }
}
