import type { Config } from '../../config.js';
import type { WebhookRunners } from '../../context.js';
import type { Db } from '../../db/connect.js';
import type { Horizon } from '../../events/horizon.js';
import { cachedLookup } from '../../lib/outbound.js';
import { enabledWebhooks } from './store.js';
import { WebhookWorker } from './worker.js';

interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/**
 * Runs a `WebhookWorker` for every webhook that is not disabled, on every node (the lease lets one
 * at a time deliver). The `webhooks` table says which: it is read on start, when this node created,
 * deleted, enabled or disabled one (`wake`), and every WEBHOOK_SYNC_INTERVAL_MS for changes made on
 * other nodes.
 */
export class WebhookWorkers implements WebhookRunners {
  private readonly workers = new Map<string, WebhookWorker>();
  private readonly lookup = cachedLookup(60_000);
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly horizon: Horizon,
    private readonly config: Config,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.config.WEBHOOK_SYNC_INTERVAL_MS);
    this.timer.unref();
    this.wake();
  }

  /** Reads the table again now (after this node changed it). */
  wake(): void {
    if (this.stopped) return;
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = this.sync()
      .catch((err: unknown) => this.log.warn({ err }, 'reading the webhooks failed; trying again'))
      .finally(() => {
        this.syncing = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Stops every worker (each finishes the request in flight and gives its lease up). Call before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.syncing;
    const all = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(all.map((w) => w.stop()));
  }

  private async sync(): Promise<void> {
    const hooks = await enabledWebhooks(this.db);
    if (this.stopped) return;
    const wanted = new Set(hooks.map((h) => h.id));
    for (const id of this.workers.keys()) if (!wanted.has(id)) this.stopWorker(id);
    for (const hook of hooks) {
      if (this.workers.has(hook.id)) continue;
      const worker = new WebhookWorker(this.db, this.horizon, hook, {
        allowedUrls: this.config.OUTBOUND_ALLOWED_URLS,
        timeoutMs: this.config.WEBHOOK_TIMEOUT_SECONDS * 1000,
        maxBackoffMs: this.config.WEBHOOK_MAX_BACKOFF_SECONDS * 1000,
        disableAfterMinutes: this.config.WEBHOOK_DISABLE_AFTER_MINUTES,
        lookup: this.lookup,
        log: this.log,
        onDisabled: (id) => this.stopWorker(id),
      });
      this.workers.set(hook.id, worker);
      worker.start();
    }
  }

  /** Not awaited: a worker disabled from inside its own loop stops once that round returns. */
  private stopWorker(id: string): void {
    const worker = this.workers.get(id);
    if (!worker) return;
    this.workers.delete(id);
    worker.stop().catch((err: unknown) => this.log.warn({ err, webhook: id }, 'stopping a webhook worker failed'));
  }
}
