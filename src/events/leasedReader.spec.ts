import { afterEach, describe, expect, it } from 'vitest';
import type { BatchDone, LeasedReaderOptions } from './leasedConsumer.js';
import { backoffMs, LeasedLogReader, renewDue, type LeasePosition } from './leasedReader.js';

/**
 * The `event_exports` row without a database, with ExportPosition's rules: the lease is taken when
 * it is free or ours, the position moves only from where it is and only for its owner. `trail`
 * records every call, and what the consumer did, in order.
 */
class MemoryPosition implements LeasePosition {
  lastId = 0;
  owner: string | null = null;
  readonly trail: string[] = [];
  constructor(readonly me = 'me') {}
  async ensure() {
    this.trail.push('ensure');
  }
  async acquire() {
    const free = this.owner === null || this.owner === this.me;
    this.trail.push(free ? 'acquire' : 'acquire: held by another');
    if (!free) return null;
    this.owner = this.me;
    return this.lastId;
  }
  async advance(from: number, to: number) {
    const ok = this.owner === this.me && this.lastId === from;
    this.trail.push(ok ? `advance ${from}→${to}` : `advance ${from}→${to} refused`);
    if (ok) this.lastId = to;
    return ok;
  }
  async release() {
    this.trail.push('release');
    if (this.owner === this.me) this.owner = null;
  }
}

const warnings: string[] = [];
const readers: LeasedLogReader[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.stop()));
  warnings.length = 0;
});

const timings = { leaseMs: 60_000, pollMs: 1, standbyMs: 1, batchSize: 10, maxBackoffMs: 1 };

/** A reader over a log whose head is `head()`, handling up to `limit` events after `from` per batch. */
function reader(position: MemoryPosition, head: () => number, o: Partial<LeasedReaderOptions> = {}) {
  const r = new LeasedLogReader(position, {
    name: 'test',
    label: 'test reader',
    ...timings,
    log: { warn: (_obj, msg) => void warnings.push(msg ?? '') },
    handle: async (from, limit): Promise<BatchDone> => {
      const through = Math.min(head(), from + limit);
      if (through > from) position.trail.push(`handle ${from}→${through}`);
      return { through, full: through - from === limit };
    },
    ...o,
  });
  readers.push(r);
  r.start();
  return r;
}

const until = async (check: () => boolean) => {
  for (let i = 0; !check(); i++) {
    if (i > 500) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

describe('backoffMs and renewDue', () => {
  it('waits 0.5 s after the first failure, doubling, at most maxMs; the exponent stops at 10', () => {
    expect([1, 2, 3, 4].map((f) => backoffMs(f, 30_000))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(7, 30_000)).toBe(30_000);
    expect(backoffMs(50, 30_000)).toBe(30_000);
    expect(backoffMs(50, Infinity)).toBe(250 * 1024);
  });

  it('takes the lease when not held, renews it once a quarter of it has passed', () => {
    expect(renewDue(undefined, 0, 20_000)).toBe(true);
    expect(renewDue({ lastId: 5, renewedAt: 1000 }, 1000 + 5000, 20_000)).toBe(false);
    expect(renewDue({ lastId: 5, renewedAt: 1000 }, 1000 + 5001, 20_000)).toBe(true);
  });
});

describe('LeasedLogReader', () => {
  it('ensures the row once, takes the lease once, and hands the log over batch by batch in order', async () => {
    const p = new MemoryPosition();
    let head = 25;
    reader(p, () => head);
    await until(() => p.lastId === 25);
    head = 32; // caught up: it polls and finds the new events
    await until(() => p.lastId === 32);
    const batches = [
      [0, 10],
      [10, 20],
      [20, 25],
      [25, 32],
    ];
    expect(p.trail).toEqual(['ensure', 'acquire', ...batches.flatMap(([a, b]) => [`handle ${a}→${b}`, `advance ${a}→${b}`])]);
  });

  it('drops the lease when the advance is refused (another node took over), and waits for it', async () => {
    const p = new MemoryPosition();
    let head = 5;
    let takenOver = false;
    reader(p, () => head, {
      handle: async (from) => {
        if (head > from) p.trail.push(`handle ${from}→${head}`);
        if (!takenOver) p.owner = 'other'; // this node's lease ran out and another node took the row
        takenOver = true;
        return { through: head, full: false };
      },
    });
    await until(() => p.trail.filter((t) => t === 'acquire: held by another').length >= 3);
    expect(p.trail.slice(0, 4)).toEqual(['ensure', 'acquire', 'handle 0→5', 'advance 0→5 refused']);
    expect(warnings).toEqual(['test reader lease lost; another node continues']);
    expect(p.trail.filter((t) => t.startsWith('handle'))).toHaveLength(1);
    p.owner = null; // the other node stopped: this one goes on from the position, which did not move
    head = 6;
    await until(() => p.lastId === 6);
    expect(p.trail.filter((t) => t.startsWith('handle')).at(-1)).toBe('handle 0→6');
  });

  it('after a failure: onFailure, the lease released, the same batch again; onRecovered once it works', async () => {
    const p = new MemoryPosition();
    let fail = true;
    reader(p, () => 5, {
      handle: async (from) => {
        if (from === 5) return { through: 5, full: false };
        p.trail.push(`handle ${from}`);
        if (fail) throw new Error('the target is down');
        return { through: 5, full: false };
      },
      onFailure: async (err) => void p.trail.push(`onFailure: ${(err as Error).message}`),
      onRecovered: () => void p.trail.push('onRecovered'),
    });
    await until(() => p.trail.includes('release'));
    fail = false;
    await until(() => p.lastId === 5);
    const firstTry = p.trail.indexOf('handle 0');
    expect(p.trail.slice(firstTry, firstTry + 3)).toEqual(['handle 0', 'onFailure: the target is down', 'release']);
    expect(p.trail.slice(-3)).toEqual(['handle 0', 'advance 0→5', 'onRecovered']);
    expect(warnings.every((w) => w === 'test reader failed; retrying')).toBe(true);
  });

  it('takes no lease while beforeRound fails (a node that cannot reach its target leaves it to others)', async () => {
    const p = new MemoryPosition();
    let reachable = false;
    reader(p, () => 3, {
      beforeRound: async () => {
        if (!reachable) throw new Error('unreachable');
      },
    });
    await until(() => warnings.length >= 3);
    expect(p.trail).toEqual(['ensure']);
    reachable = true;
    await until(() => p.lastId === 3);
    expect(p.trail).toEqual(['ensure', 'acquire', 'handle 0→3', 'advance 0→3']);
  });

  it('stop lets the batch in flight finish and move the position, drains, then releases the lease', async () => {
    const p = new MemoryPosition();
    let finish!: () => void;
    const r = reader(p, () => 4, {
      handle: async (from) => {
        p.trail.push(`handle ${from}`);
        await new Promise<void>((resolve) => (finish = resolve));
        return { through: 4, full: false };
      },
      drain: async () => void p.trail.push('drain'),
    });
    await until(() => p.trail.includes('handle 0'));
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(p.trail).toEqual(['ensure', 'acquire', 'handle 0', 'advance 0→4', 'drain', 'release']);
    expect(p.owner).toBeNull();
  });

  it('whileRenewing renews the lease while a long batch runs', async () => {
    const p = new MemoryPosition();
    reader(p, () => 2, {
      leaseMs: 8,
      handle: (from, _limit, lease) =>
        lease.whileRenewing(async () => {
          const before = p.trail.filter((t) => t === 'acquire').length;
          await until(() => p.trail.filter((t) => t === 'acquire').length >= before + 2);
          return { through: 2, full: false };
        }),
    });
    await until(() => p.lastId === 2);
  });
});
