import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { pruneEvents } from '../events/prune.js';
import { AmqpExporter } from '../export/amqpExporter.js';
import { expireCalls, pruneEndedCalls } from '../features/calls/expireCalls.js';
import { pruneSentMail } from '../features/accounts/outbox.js';
import { pruneAuditLog } from '../features/admin/auditLog.js';
import { sweepOrphanMedia } from '../features/media/orphans.js';
import { LinkPreviewWorker } from '../features/linkPreviews/worker.js';
import { PushWorker } from '../features/push/worker.js';
import { DisappearingSweep } from '../features/disappearing/sweep.js';
import { SearchIndexer } from '../features/messages/searchIndexer.js';
import type { Lookup } from '../lib/outbound.js';
import { MessageRetention } from '../features/retention/retention.js';
import type { Stop } from './stops.js';

/**
 * Background work beside the requests: event, audit log and sent-mail pruning, orphan media cleanup, the message
 * retention purge, the disappearing sweep, the search index, mail, webhooks, event export (AMQP_URL), push (PUSH_ENABLED).
 */
export function startJobs(config: Config, ctx: AppContext, deps: JobDeps = {}): Stop[] {
  const prune = every(config.EVENT_PRUNE_INTERVAL_MS, async () => {
    await pruneEvents(ctx.db, config.EVENT_RETENTION_DAYS).catch((err) => ctx.log.warn({ err }, 'event pruning failed'));
    await pruneAuditLog(ctx.db, config.AUDIT_LOG_RETENTION_DAYS).catch((err) => ctx.log.warn({ err }, 'audit log pruning failed'));
    await pruneEndedCalls(ctx.db, config.EVENT_RETENTION_DAYS).catch((err) => ctx.log.warn({ err }, 'call pruning failed'));
  });
  const pruneMail = every(config.EVENT_PRUNE_INTERVAL_MS, () =>
    pruneSentMail(ctx.db, config.MAIL_OUTBOX_RETENTION_DAYS).catch((err) => ctx.log.warn({ err }, 'pruning sent mail failed')),
  );
  const sweep = every(config.MEDIA_CLEANUP_INTERVAL_MS, () =>
    sweepOrphanMedia(ctx).catch((err) => ctx.log.warn({ err }, 'media cleanup failed')),
  );
  // Every node runs it; the lease lets one at a time purge (a group's own retention applies even with no server default).
  const retention = new MessageRetention(ctx);
  const purge = every(config.MESSAGE_PURGE_INTERVAL_MS, () =>
    retention.run().catch((err) => ctx.log.warn({ err }, 'message retention purge failed')),
  );
  // Disappearing messages past their expiresAt, on one node at a time (its own lease).
  const disappearing = new DisappearingSweep(ctx);
  const expire = every(config.DISAPPEARING_SWEEP_MS, () =>
    disappearing.run().catch((err) => ctx.log.warn({ err }, 'disappearing sweep failed')),
  );
  // Unanswered calls become missed on time on whichever node looks first (the row locks let one end each).
  const ringTimeouts = every(CALL_SWEEP_MS, () => expireCalls(ctx).catch((err) => ctx.log.warn({ err }, 'ending missed calls failed')));
  // Message search's index, written from the log under its own lease rather than in each send's transaction.
  const indexer = new SearchIndexer(ctx);
  indexer.start();
  // Mail from the outbox: a mail server that is down only delays it.
  ctx.mail.start();
  // Webhooks: a worker per webhook, each reading the log under its own lease.
  ctx.webhooks.start();
  // In reverse on close: the timer is cleared before the round in flight is waited for.
  const stops: Stop[] = [
    prune,
    pruneMail,
    sweep,
    ringTimeouts,
    () => retention.stop(),
    purge,
    () => disappearing.stop(),
    expire,
    () => indexer.stop(),
    () => ctx.mail.stop(),
    () => ctx.webhooks.stop(),
  ];
  // The exporter publishes the log from its own loop; a broker that is down only delays it.
  if (config.AMQP_URL) {
    const exporter = new AmqpExporter(ctx.db, ctx.horizon, { url: config.AMQP_URL, exchange: config.AMQP_EXCHANGE, log: ctx.log });
    exporter.start();
    stops.push(() => exporter.stop());
  }
  // Push reads the log under its own lease, as the exporter does: one node at a time sends.
  if (config.PUSH_ENABLED) {
    const worker = new PushWorker(ctx);
    worker.start();
    stops.push(() => worker.stop());
  }
  // Link previews read the log under their own lease too: one node fetches each URL once.
  if (config.LINK_PREVIEWS === 'on') {
    const previews = new LinkPreviewWorker(ctx, { lookup: deps.lookup });
    previews.start();
    stops.push(() => previews.stop());
  }
  return stops;
}

/** What a test may put in place of the real thing. */
export interface JobDeps {
  /** How link previews resolve names (tests: a table, real DNS being unavailable). */
  lookup?: Lookup;
}

/** How often each node looks for calls past their ring timeout: the most a missed call is late. */
const CALL_SWEEP_MS = 1000;

function every(ms: number, job: () => Promise<unknown>): Stop {
  const timer = setInterval(() => void job(), ms);
  timer.unref();
  return () => clearInterval(timer);
}
