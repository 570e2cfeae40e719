import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import { ExportPosition } from '../../export/position.js';
import { noticesFor, type BatchFacts, type NewMessage, type Notice } from './decide.js';
import { markSent, pushDevicesOf, removeGoneDevice, type PushDevice, type PushPlatform } from './devices.js';
import { DeviceLanes, type JobEnd, type PushJob } from './lanes.js';
import { pushPayload, topicOf, urgencyOf } from './payload.js';
import { readBatchFacts, readNewMessages } from './readBatch.js';
import type { PushOutcome } from './outcome.js';
import type { PushSenders } from './sender.js';
import { pushSenders } from './senders.js';

export interface PushWorkerOptions {
  /** Events read per round. */
  batchSize?: number;
  pollMs?: number;
  /** How often a node without the lease tries to take it. */
  standbyMs?: number;
  leaseMs?: number;
  /** One push's request timeout. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  concurrency?: number;
}

type WorkerContext = Pick<AppContext, 'db' | 'presence' | 'config' | 'log' | 'metrics'>;

/**
 * Turns `message:new` events into pushes to the devices of members who have no socket
 * connected. Like the event export (src/export/amqpExporter.ts), it reads the event log from
 * its position (`event_exports` row `push`) under a lease, so one node at a time sends, and
 * moves the position once the batch's pushes were tried. Each device records the newest event
 * it was sent (`last_event_id`): a worker that restarts before its position moved skips what it
 * already sent. A device that is backing off keeps its pushes in its own lane (src/features/push/lanes.ts).
 */
export class PushWorker {
  private readonly position: ExportPosition;
  private readonly lanes: DeviceLanes;
  private readonly o: Required<PushWorkerOptions>;
  private held: { lastId: number; renewedAt: number } | undefined;
  private ensured = false;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;
  private readonly senders: PushSenders;

  constructor(
    private readonly ctx: WorkerContext,
    opts: PushWorkerOptions = {},
  ) {
    this.o = {
      batchSize: 500,
      pollMs: 200,
      standbyMs: 1000,
      leaseMs: 20_000,
      requestTimeoutMs: 10_000,
      maxAttempts: 5,
      baseBackoffMs: 1000,
      maxBackoffMs: 60_000,
      concurrency: 32,
      ...opts,
    };
    // Builds every configured provider's sender now: a key that cannot be used stops the start.
    this.senders = pushSenders(ctx, this.o.requestTimeoutMs);
    this.position = new ExportPosition(ctx.db, 'push', crypto.randomUUID(), this.o.leaseMs);
    this.lanes = new DeviceLanes({
      send: (job) => this.send(job),
      settle: (job, end) => this.settle(job, end),
      maxAttempts: this.o.maxAttempts,
      baseBackoffMs: this.o.baseBackoffMs,
      maxBackoffMs: this.o.maxBackoffMs,
      maxQueued: 50,
      concurrency: this.o.concurrency,
    });
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Finishes the batch in flight, gives the lease up; pushes still backing off are dropped. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.lanes.stop();
    await Promise.all(Object.values(this.senders).map((s) => s.close().catch(() => {})));
    if (this.held) await this.position.release().catch(() => {});
    this.held = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const busy = await this.step();
        this.failures = 0;
        if (!busy) await this.sleep(this.held ? this.o.pollMs : this.o.standbyMs);
      } catch (err) {
        if (this.stopped) break;
        this.failures++;
        const delay = Math.min(30_000, 250 * 2 ** Math.min(this.failures, 10));
        this.ctx.log.warn({ err, retryInMs: delay }, 'push worker failed; retrying');
        if (this.held) await this.position.release().catch(() => {});
        this.held = undefined;
        await this.sleep(delay);
      }
    }
  }

  /** One round: if this node holds the lease, the pushes of the next events. True when there may be more now. */
  private async step(): Promise<boolean> {
    if (!this.ensured) {
      await this.position.ensure();
      this.ensured = true;
    }
    if (!(await this.renew())) return false;
    const from = this.held!.lastId;
    const { messages, through } = await readNewMessages(this.ctx.db, from, this.o.batchSize);
    if (through === from) return false;
    if (messages.length > 0) await this.whileRenewing(() => this.deliver(messages));
    if (await this.position.advance(from, through)) {
      this.held = { lastId: through, renewedAt: performance.now() };
    } else {
      this.ctx.log.warn({ from, through }, 'push worker lease lost; another node continues');
      this.held = undefined;
    }
    return through - from >= this.o.batchSize;
  }

  /** Takes the lease, or renews it when a quarter of it has passed. False while another node holds it. */
  private async renew(): Promise<boolean> {
    if (this.held && performance.now() - this.held.renewedAt <= this.o.leaseMs / 4) return true;
    const lastId = await this.position.acquire();
    this.held = lastId === null ? undefined : { lastId, renewedAt: performance.now() };
    return this.held !== undefined;
  }

  /** A batch to slow push services may outlast the lease: keep renewing it meanwhile. */
  private async whileRenewing(work: () => Promise<void>): Promise<void> {
    const timer = setInterval(() => {
      void this.position.acquire().then(
        (id) => id !== null && this.held && (this.held.renewedAt = performance.now()),
        () => {},
      );
    }, this.o.leaseMs / 4);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async deliver(batch: NewMessage[]): Promise<void> {
    const facts = await readBatchFacts(this.ctx.db, batch);
    const notices = noticesFor(batch, facts);
    if (notices.length === 0) return;
    const users = [...new Set(notices.map((n) => n.userId))];
    // Someone with a socket connected anywhere gets the event there, not a push.
    const online = await this.ctx.presence.onlineAmong(users);
    const platforms = Object.keys(this.senders) as PushPlatform[];
    const devices = await pushDevicesOf(
      this.ctx.db,
      users.filter((u) => !online.has(u)),
      platforms,
    );
    const jobs = jobsFor(notices, devices, facts);
    await Promise.all(jobs.map((j) => this.lanes.push(j)));
  }

  private async send(job: PushJob): Promise<PushOutcome> {
    const sender = this.senders[job.device.platform];
    if (!sender) return { kind: 'failed', reason: `${job.device.platform} is not configured on this node` };
    const started = performance.now();
    const outcome = await sender.send(job).catch((err: unknown): PushOutcome => {
      this.ctx.log.warn({ err, device: job.device.id, platform: job.device.platform }, 'push sender failed');
      return { kind: 'failed', reason: err instanceof Error ? err.message : String(err) };
    });
    const seconds = (performance.now() - started) / 1000;
    if (outcome.kind === 'retry') {
      this.ctx.metrics.pushEnded('retried', seconds);
      this.ctx.log.debug({ device: job.device.id, platform: job.device.platform, reason: outcome.reason }, 'push will be retried');
    } else if (outcome.kind === 'sent') {
      this.ctx.metrics.pushEnded('sent', seconds, (Date.now() - job.committedAt) / 1000);
    }
    return outcome;
  }

  private async settle(job: PushJob, end: JobEnd): Promise<void> {
    try {
      if (end.kind === 'sent') return await markSent(this.ctx.db, job.device.id, job.eventId);
      this.ctx.metrics.pushEnded(end.kind);
      if (end.kind === 'gone') await removeGoneDevice(this.ctx.db, job.device.id);
      const { id: device, platform } = job.device;
      this.ctx.log.info({ device, platform, eventId: job.eventId, outcome: end.kind, reason: end.reason }, 'push not delivered');
    } catch (err) {
      this.ctx.log.warn({ err, device: job.device.id }, 'recording a push failed');
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** One job per device of each notice's user, oldest event first, skipping what a device was already sent. */
export function jobsFor(notices: readonly Notice[], devices: readonly PushDevice[], facts: BatchFacts): PushJob[] {
  const byUser = new Map<string, PushDevice[]>();
  for (const d of devices) byUser.set(d.userId, [...(byUser.get(d.userId) ?? []), d]);
  const jobs: PushJob[] = [];
  for (const n of notices) {
    const payload = pushPayload(n, facts);
    for (const device of byUser.get(n.userId) ?? []) {
      if (device.lastEventId >= n.message.eventId) continue;
      jobs.push({
        device,
        eventId: n.message.eventId,
        conversationId: n.message.conversationId,
        payload,
        urgency: urgencyOf(n, facts),
        topic: topicOf(n.message.conversationId),
        committedAt: n.message.createdAt,
      });
    }
  }
  return jobs.sort((a, b) => a.eventId - b.eventId);
}
