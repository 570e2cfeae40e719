import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Metrics } from '../context.js';

/** What the gauges read at scrape time. Each check rejects when its service does not answer. */
export interface Probes {
  /** Sockets connected to this node. */
  sockets(): number;
  database(): Promise<unknown>;
  /** Set when REDIS_URL is configured (else there is no parley_redis_up series). */
  redis?: (() => Promise<unknown>) | undefined;
}

/** A health check that takes longer than this counts as down. */
const PROBE_TIMEOUT_MS = 2000;

/** Request and send latencies: 1 ms to 10 s (the alerts in docs/operations.md sit at 1 s and 2 s). */
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];
/** HTTP requests: up to uploads and long downloads. */
const httpBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Sends per group-commit transaction, up to SEND_BATCH_MAX's ceiling. */
const batchBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000];
/** Commit to emit: with Redis a few ms; through the poll up to EMITTER_POLL_MS. */
const lagBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

export const metricsEnabled = (config: Pick<Config, 'METRICS_TOKEN' | 'METRICS_PORT'>) =>
  config.METRICS_TOKEN !== undefined || config.METRICS_PORT !== undefined;

/** When metrics are off: every report is free. */
export const noMetrics: Metrics = {
  sendAcked() {},
  sendRefused() {},
  batchCommitted() {},
  eventsEmitted() {},
  syncRequested() {},
  pushEnded() {},
};

/**
 * Every Parley series, in a registry of its own (not prom-client's global one: tests start
 * several apps in one process). Names follow Prometheus conventions; the series list and what
 * to alert on are in docs/operations.md. Labels are bounded: route templates, status codes,
 * error codes; never a user, a conversation or a raw URL.
 */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();

  private readonly httpRequests = new Counter({
    name: 'parley_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: httpBuckets,
    registers: [this.registry],
  });
  private readonly acked = new Counter({
    name: 'parley_sends_acked_total',
    help: 'Message sends (socket and REST) answered ok, after their commit',
    registers: [this.registry],
  });
  private readonly refused = new Counter({
    name: 'parley_sends_refused_total',
    help: 'Message sends refused, by error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly sendDuration = new Histogram({
    name: 'parley_send_duration_seconds',
    help: 'Time from receiving a send to its answer (the ack), by outcome',
    labelNames: ['outcome'] as const,
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  private readonly batchSize = new Histogram({
    name: 'parley_send_batch_size',
    help: 'Sends per group-commit transaction',
    buckets: batchBuckets,
    registers: [this.registry],
  });
  private readonly batchCommit = new Histogram({
    name: 'parley_send_batch_commit_seconds',
    help: 'Time to write and commit one group-commit transaction',
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  private readonly emitted = new Counter({
    name: 'parley_events_emitted_total',
    help: 'Committed events this node emitted to its sockets',
    registers: [this.registry],
  });
  private readonly emitterLag = new Histogram({
    name: 'parley_emitter_lag_seconds',
    help: 'Time from commit to emit. path=local: events of commits on this node, from the commit; path=poke: events of other nodes that came with their Redis poke, from its arrival; path=log: events read from the shared log (other nodes, or out of order), from their creation in the database',
    labelNames: ['path'] as const,
    buckets: lagBuckets,
    registers: [this.registry],
  });
  private readonly syncs = new Counter({
    name: 'parley_sync_requests_total',
    help: 'sync:request calls',
    registers: [this.registry],
  });

  private readonly pushes = new Counter({
    name: 'parley_pushes_total',
    help: 'Push attempts by outcome: sent, gone (device removed), failed (refused, not retried), dropped (given up), retried',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly pushProvider = new Histogram({
    name: 'parley_push_provider_seconds',
    help: 'How long push services took to answer',
    buckets: lagBuckets,
    registers: [this.registry],
  });
  private readonly pushLag = new Histogram({
    name: 'parley_push_lag_seconds',
    help: 'From a message commit to its push accepted by the push service (queue lag included)',
    buckets: lagBuckets,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The gauges read from the running app: connected sockets, database and Redis health. */
  watch(probes: Probes): void {
    new Gauge({
      name: 'parley_sockets_connected',
      help: 'Sockets connected to this node',
      registers: [this.registry],
      collect() {
        this.set(probes.sockets());
      },
    });
    new Gauge({
      name: 'parley_database_up',
      help: `1 if the database answered a ping within ${PROBE_TIMEOUT_MS} ms, else 0`,
      registers: [this.registry],
      async collect() {
        this.set(await answers(() => probes.database()));
      },
    });
    const redis = probes.redis;
    if (redis) {
      new Gauge({
        name: 'parley_redis_up',
        help: `1 if Redis answered a ping within ${PROBE_TIMEOUT_MS} ms, else 0`,
        registers: [this.registry],
        async collect() {
          this.set(await answers(redis));
        },
      });
    }
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, seconds);
  }

  sendAcked(seconds: number): void {
    this.acked.inc();
    this.sendDuration.observe({ outcome: 'acked' }, seconds);
  }

  sendRefused(code: string, seconds: number): void {
    this.refused.inc({ code });
    this.sendDuration.observe({ outcome: 'refused' }, seconds);
  }

  batchCommitted(size: number, seconds: number): void {
    this.batchSize.observe(size);
    this.batchCommit.observe(seconds);
  }

  eventsEmitted(count: number, path: 'local' | 'poke' | 'log', lagSeconds: number | undefined): void {
    this.emitted.inc(count);
    if (lagSeconds !== undefined) this.emitterLag.observe({ path }, Math.max(0, lagSeconds));
  }

  syncRequested(): void {
    this.syncs.inc();
  }

  pushEnded(outcome: 'sent' | 'gone' | 'failed' | 'dropped' | 'retried', providerSeconds?: number, lagSeconds?: number): void {
    this.pushes.inc({ outcome });
    if (providerSeconds !== undefined) this.pushProvider.observe(providerSeconds);
    if (lagSeconds !== undefined) this.pushLag.observe(Math.max(0, lagSeconds));
  }
}

/** 1 if the check resolves within PROBE_TIMEOUT_MS, 0 if it rejects or is slower. */
async function answers(check: () => Promise<unknown>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(0), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      check().then(
        () => 1,
        () => 0,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
