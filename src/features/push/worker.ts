import type { AppContext } from '../../context.js';
import type { BatchDone, HeldLease } from '../../events/leasedConsumer.js';
import { leasedLogReader, type LeasedLogReader } from '../../events/leasedReader.js';
import { callJobs, readCallFacts, type IncomingCall } from './callPush.js';
import { noticesFor, type NewMessage } from './decide.js';
import { markSent, pushDevicesOf, removeGoneDevice, type PushPlatform } from './devices.js';
import { jobsFor } from './jobs.js';
import { DeviceLanes, type JobEnd, type PushJob } from './lanes.js';
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

type WorkerContext = Pick<AppContext, 'db' | 'horizon' | 'presence' | 'config' | 'log' | 'metrics'>;

/**
 * Turns `message:new` events into pushes to the devices of members who have no socket connected,
 * and `call:incoming` ones into high-urgency call pushes (APNs: VoIP) to a callee with none.
 * Like the event export, it reads the log through the leased reader (src/events/leasedReader.ts,
 * `event_exports` row `push`): one node at a time sends, and the position moves once the batch's
 * pushes were tried. Each device records the newest event it was sent (`last_event_id`), so a
 * worker that restarts before its position moved skips what it already sent. A device that is
 * backing off keeps its pushes in its own lane (src/features/push/lanes.ts).
 */
export class PushWorker {
  private readonly reader: LeasedLogReader;
  private readonly lanes: DeviceLanes;
  private readonly o: Required<PushWorkerOptions>;
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
    this.senders = pushSenders(ctx, this.o.requestTimeoutMs); // now: a key that cannot be used stops the start
    const { batchSize, pollMs, standbyMs, leaseMs } = this.o;
    this.reader = leasedLogReader(ctx.db, {
      name: 'push',
      label: 'push worker',
      batchSize,
      pollMs,
      standbyMs,
      leaseMs,
      maxBackoffMs: 30_000,
      log: ctx.log,
      handle: (from, limit, lease) => this.pushAfter(from, limit, lease),
      // The lease is given up only once the lanes stopped: no other node sends while this one still does.
      drain: async () => {
        await this.lanes.stop();
        await Promise.all(Object.values(this.senders).map((s) => s.close().catch(() => {})));
      },
    });
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
    this.reader.start();
  }

  /** Finishes the batch in flight, gives the lease up; pushes still backing off are dropped. */
  stop(): Promise<void> {
    return this.reader.stop();
  }

  /** The pushes of the next events; a batch to slow push services may outlast the lease, so it is renewed meanwhile. */
  private async pushAfter(from: number, limit: number, lease: HeldLease): Promise<BatchDone> {
    const { messages, calls, through } = await readNewMessages(this.ctx.db, from, limit, await this.ctx.horizon.advance());
    if (messages.length > 0 || calls.length > 0) {
      // Both sets of jobs are made before any is sent: a sent push raises its device's last_event_id, which would
      // make a call ringing before a message of the same batch look pushed already.
      const [forMessages, forCalls] = await Promise.all([this.messagePushJobs(messages), this.callPushJobs(calls)]);
      // A device's lane sends in event order, which its last_event_id relies on.
      const jobs = [...forMessages, ...forCalls].sort((a, b) => a.eventId - b.eventId);
      await lease.whileRenewing(() => Promise.all(jobs.map((j) => this.lanes.push(j))));
    }
    return { through, full: through - from >= limit };
  }

  private async messagePushJobs(batch: NewMessage[]): Promise<PushJob[]> {
    if (batch.length === 0) return [];
    const facts = await readBatchFacts(this.ctx.db, batch);
    const notices = noticesFor(batch, facts);
    if (notices.length === 0) return [];
    const users = [...new Set(notices.map((n) => n.userId))];
    // Someone with a socket connected anywhere gets the event there, not a push.
    const online = await this.ctx.presence.onlineAmong(users);
    // PushKit tokens take calls only (iOS ends an app that gets a VoIP push it does not report as a call).
    const platforms = (Object.keys(this.senders) as PushPlatform[]).filter((p) => p !== 'apns-voip');
    const offline = users.filter((u) => !online.has(u));
    const devices = await pushDevicesOf(this.ctx.db, offline, platforms);
    return jobsFor(notices, devices, facts);
  }

  /** Call pushes to callees with no socket anywhere (src/features/push/callPush.ts). */
  private async callPushJobs(batch: IncomingCall[]): Promise<PushJob[]> {
    if (batch.length === 0) return [];
    const callees = [...new Set(batch.map((c) => c.call.calleeId))];
    const online = await this.ctx.presence.onlineAmong(callees);
    const offline = callees.filter((u) => !online.has(u));
    if (offline.length === 0) return [];
    const platforms = Object.keys(this.senders) as PushPlatform[];
    const [devices, facts] = await Promise.all([pushDevicesOf(this.ctx.db, offline, platforms), readCallFacts(this.ctx.db, batch)]);
    return callJobs(batch, devices, facts);
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
}
