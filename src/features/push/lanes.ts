import type { PushDevice } from './devices.js';
import type { PushOutcome } from './outcome.js';
import type { PushPayload } from './payload.js';

/** One push to one device. */
export interface PushJob {
  device: PushDevice;
  eventId: number;
  /** What a newer push replaces and FCM/APNs collapse by: the conversation, or for a call push the call's id. */
  conversationId: string;
  payload: PushPayload;
  /** This push's own time to live (a call's push is worth nothing once it stopped ringing); else PUSH_TTL_SECONDS. */
  ttlSeconds?: number;
  urgency: 'high' | 'normal';
  /** Web Push `Topic` (RFC 8030); FCM and APNs collapse by the conversation id. */
  topic: string;
  /** When the event was committed (ms since the epoch): the queue lag is measured from it. */
  committedAt: number;
}

/** What became of a job at last: `dropped` when it gave up retrying, was replaced by a newer one, or the worker stopped. */
export type JobEnd = Exclude<PushOutcome, { kind: 'retry' }> | { kind: 'dropped'; reason: string };

export interface LaneOptions {
  send(job: PushJob): Promise<PushOutcome>;
  /** Records the end of a job (mark sent, remove a gone device, metrics). */
  settle(job: PushJob, end: JobEnd): Promise<void>;
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Pushes waiting per device; past it the oldest waiting one is dropped. */
  maxQueued: number;
  /** Requests in flight at once, over all devices. */
  concurrency: number;
}

interface Entry {
  job: PushJob;
  attempts: number;
  /** Resolve the `push` promises waiting on this entry. */
  released: (() => void)[];
}

interface Lane {
  deviceId: string;
  entries: Entry[];
  running: boolean;
  timer: NodeJS.Timeout | undefined;
  /** Consecutive failures of this device: its circuit. */
  failures: number;
}

const release = (e: Entry) => e.released.splice(0).forEach((r) => r());

/**
 * A queue per device, in event order: a device whose push service answers 429 or 5xx (or does not
 * answer) waits out its backoff (at least `Retry-After`) on its own while every other device goes
 * on. A newer push for the same conversation replaces one still waiting (the Topic would replace
 * it on the push service anyway).
 */
export class DeviceLanes {
  private readonly lanes = new Map<string, Lane>();
  private readonly running = new Set<Promise<void>>();
  private inFlight = 0;
  private readonly slots: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly opts: LaneOptions) {}

  /** Queues a push. Resolves once it was tried (sent, gone, failed) or waits behind a backoff: what a batch waits for. */
  push(job: PushJob): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const lane = this.laneOf(job.device.id);
    return new Promise((resolve) => {
      const waiting = lane.entries.find((e, i) => e.job.conversationId === job.conversationId && (i > 0 || !lane.running));
      if (waiting) {
        const old = waiting.job;
        Object.assign(waiting, { job, attempts: 0 });
        void this.opts.settle(old, { kind: 'dropped', reason: 'replaced by a newer push' });
        waiting.released.push(resolve);
      } else {
        lane.entries.push({ job, attempts: 0, released: [resolve] });
        if (lane.entries.length > this.opts.maxQueued) this.dropOldestWaiting(lane);
      }
      if (lane.timer)
        resolve(); // backing off: the batch does not wait for it
      else this.run(lane);
    });
  }

  /** Stops retrying, lets the requests in flight finish; what still waits is dropped. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const lane of this.lanes.values()) clearTimeout(lane.timer);
    await Promise.all([...this.running]);
    for (const lane of this.lanes.values()) {
      for (const e of lane.entries.splice(0)) {
        await this.opts.settle(e.job, { kind: 'dropped', reason: 'the push worker stopped' });
        release(e);
      }
    }
    this.lanes.clear();
  }

  /** Devices with pushes waiting (for tests and metrics). */
  get waiting(): number {
    return this.lanes.size;
  }

  private laneOf(deviceId: string): Lane {
    let lane = this.lanes.get(deviceId);
    if (!lane) this.lanes.set(deviceId, (lane = { deviceId, entries: [], running: false, timer: undefined, failures: 0 }));
    return lane;
  }

  private dropOldestWaiting(lane: Lane): void {
    const [dropped] = lane.entries.splice(lane.running ? 1 : 0, 1);
    if (!dropped) return;
    void this.opts.settle(dropped.job, { kind: 'dropped', reason: 'too many pushes waiting for this device' });
    release(dropped);
  }

  private run(lane: Lane): void {
    if (lane.running || lane.timer || this.stopped) return;
    lane.running = true;
    const p = this.drain(lane).finally(() => {
      lane.running = false;
      this.running.delete(p);
      if (lane.timer) return;
      if (lane.entries.length === 0) this.lanes.delete(lane.deviceId);
      else this.run(lane); // pushed while this drain was ending
    });
    this.running.add(p);
  }

  private async drain(lane: Lane): Promise<void> {
    while (lane.entries.length > 0 && !this.stopped) {
      const entry = lane.entries[0]!;
      const outcome = await this.withSlot(() => this.opts.send(entry.job));
      entry.attempts++;
      if (outcome.kind === 'retry' && entry.attempts < this.opts.maxAttempts && !this.stopped) {
        lane.failures++;
        const delay = Math.max(outcome.afterMs ?? 0, this.backoff(lane.failures));
        lane.timer = setTimeout(() => {
          lane.timer = undefined;
          this.run(lane);
        }, delay);
        lane.timer.unref();
        lane.entries.forEach(release);
        return;
      }
      lane.failures = outcome.kind === 'sent' ? 0 : lane.failures + 1;
      lane.entries.shift();
      const end: JobEnd = outcome.kind === 'retry' ? { kind: 'dropped', reason: `gave up: ${outcome.reason}` } : outcome;
      await this.opts.settle(entry.job, end);
      release(entry);
      if (outcome.kind === 'gone') await this.dropAll(lane, 'the device is gone');
    }
  }

  private async dropAll(lane: Lane, reason: string): Promise<void> {
    for (const e of lane.entries.splice(0)) {
      await this.opts.settle(e.job, { kind: 'dropped', reason });
      release(e);
    }
  }

  /** Exponential, with jitter so devices of one failing push service do not come back in step. */
  private backoff(failures: number): number {
    const ms = Math.min(this.opts.maxBackoffMs, this.opts.baseBackoffMs * 2 ** Math.min(failures - 1, 20));
    return Math.round(ms * (0.8 + Math.random() * 0.4));
  }

  private async withSlot<T>(f: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.opts.concurrency) await new Promise<void>((r) => this.slots.push(r));
    this.inFlight++;
    try {
      return await f();
    } finally {
      this.inFlight--;
      this.slots.shift()?.();
    }
  }
}
