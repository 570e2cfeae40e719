/** Small statistics helpers shared by the load workers and the orchestrator. */

/** Absolute time in ms with sub-ms resolution, comparable across processes on this machine. */
export const now = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A mergeable log-bucket histogram of latencies in ms: buckets grow by 2 %, from 0.01 ms to
 * about 10 minutes, so a percentile is exact to within 2 %. Counts travel over IPC as plain arrays.
 */
export class Histogram {
  static readonly BASE = 0.01;
  static readonly GROWTH = 1.02;
  static readonly SIZE = 1000;
  counts: number[];
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;

  constructor(counts?: number[]) {
    this.counts = counts ?? new Array<number>(Histogram.SIZE).fill(0);
  }

  record(ms: number): void {
    const v = ms < Histogram.BASE ? Histogram.BASE : ms;
    let i = Math.floor(Math.log(v / Histogram.BASE) / Math.log(Histogram.GROWTH));
    if (i >= Histogram.SIZE) i = Histogram.SIZE - 1;
    this.counts[i]!++;
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  merge(other: HistogramData): this {
    for (let i = 0; i < Histogram.SIZE; i++) this.counts[i]! += other.counts[i] ?? 0;
    this.count += other.count;
    this.sum += other.sum;
    if (other.count > 0) {
      this.min = Math.min(this.min, other.min);
      this.max = Math.max(this.max, other.max);
    }
    return this;
  }

  /** The value below which `p` (0..1) of the samples lie (the bucket's geometric middle, clamped to min/max). */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(p * this.count));
    let seen = 0;
    for (let i = 0; i < Histogram.SIZE; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) {
        const mid = Histogram.BASE * Histogram.GROWTH ** (i + 0.5);
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      mean: this.count ? this.sum / this.count : NaN,
      p50: this.percentile(0.5),
      p95: this.percentile(0.95),
      p99: this.percentile(0.99),
      max: this.count ? this.max : NaN,
    };
  }

  toJSON(): HistogramData {
    return { counts: this.counts, count: this.count, sum: this.sum, min: this.min, max: this.max };
  }

  static from(data: HistogramData): Histogram {
    return new Histogram().merge(data);
  }
}

export interface HistogramData {
  counts: number[];
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Exact percentile of a list of numbers (sorted copy). */
export function percentileOf(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/**
 * Bytes of RSS and of JS heap per connection: the slopes over the connections scenario's steps.
 * The point before the first step is left out (when there are two steps or more): the earlier
 * scenarios leave memory the server returns only later, so RSS often falls while the first
 * sockets connect, and a line from there understates the slope.
 */
export function perConnection(points: readonly { connected: number; rssKiB: number; heapUsedKiB: number }[]): {
  rss: number;
  heap: number;
} {
  const measured = points.length > 2 ? points.slice(1) : points;
  return {
    rss: linearFit(measured.map((p) => ({ x: p.connected, y: p.rssKiB * 1024 }))).slope,
    heap: linearFit(measured.map((p) => ({ x: p.connected, y: p.heapUsedKiB * 1024 }))).slope,
  };
}

/** Least-squares slope and intercept of y over x. */
export function linearFit(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } {
  const n = points.length;
  if (n < 2) return { slope: NaN, intercept: NaN };
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  const slope = den === 0 ? NaN : num / den;
  return { slope, intercept: my - slope * mx };
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return out;
}

export const round = (v: number, digits = 1): number => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);

/** A figure for tables: grouped digits, a dash when there is none. */
export const fmt = (v: number | undefined, digits = 0) =>
  v === undefined || !Number.isFinite(v)
    ? '—'
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
