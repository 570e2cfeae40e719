import { z } from 'zod';
import { AppError } from './errors.js';

/** At most `max` hits per `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "<count>/<duration>" as in an environment variable: "10/1m", "300/1h", "5/30s", "3/500ms" (bare numbers are seconds). */
export const limitSpec = z
  .string()
  .trim()
  .regex(/^\d+\s*\/\s*\d+(\.\d+)?\s*(ms|s|m|h)?$/, 'must look like 10/1m: a count, "/", and a duration in ms, s, m or h')
  .transform((spec): Limit => {
    // The pattern above allows spaces before the unit ("1 m"); the parts are read without any.
    const [count, duration] = spec.split('/').map((p) => p.replace(/\s+/g, '')) as [string, string];
    const [, amount, unit = 's'] = /^([\d.]+)(ms|s|m|h)?$/.exec(duration)!;
    return { max: Number(count), windowMs: Math.max(1, Math.round(Number(amount) * units[unit]!)) };
  })
  .refine((l) => l.max >= 1, 'the count must be at least 1');

/** 429 rate_limited; `retryAfter` (whole seconds) becomes the Retry-After header or the ack's error.retryAfter. */
export class RateLimited extends AppError {
  constructor(
    readonly retryAfter: number,
    message = 'too many requests, try again later',
  ) {
    super('rate_limited', message);
  }
}

export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Where hit counters live: this process, or Redis so that every node shares them. */
export interface CounterStore {
  /** Counts one hit on `key`; the window starts at a key's first hit. Returns the count so far and the ms until it resets. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  /** Takes one hit back (a login that turned out to be right is not a failure). */
  undo(key: string): Promise<void>;
  close(): Promise<void>;
}

/** A fixed window; `hit` says whether this hit is within the limit, and if not, how long to wait. */
export class FixedWindow {
  private count = 0;
  private resetAt = 0;
  constructor(private readonly limit: Limit) {}

  hit(now = Date.now()): { ok: true } | { ok: false; retryAfterMs: number } {
    if (now >= this.resetAt) {
      this.count = 0;
      this.resetAt = now + this.limit.windowMs;
    }
    this.count++;
    return this.count <= this.limit.max ? { ok: true } : { ok: false, retryAfterMs: this.resetAt - now };
  }
}

/** Counters in this process's memory; expired ones are swept once a minute. */
export class MemoryStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(), sweepMs);
    this.sweeper.unref();
  }

  async hit(key: string, windowMs: number) {
    const now = Date.now();
    let c = this.counters.get(key);
    if (!c || c.resetAt <= now) {
      c = { count: 0, resetAt: now + windowMs };
      this.counters.set(key, c);
    }
    c.count++;
    return { count: c.count, resetMs: c.resetAt - now };
  }

  async undo(key: string) {
    const c = this.counters.get(key);
    if (c && c.count > 0) c.count--;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, c] of this.counters) if (c.resetAt <= now) this.counters.delete(key);
  }

  async close() {
    clearInterval(this.sweeper);
    this.counters.clear();
  }
}

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

/**
 * Counts hits per limit name and key (an IP, a user id, a phone number) and refuses the one
 * past the limit with RateLimited. Off (`RATE_LIMITS=off`) it counts nothing. When the store
 * fails (Redis down) requests are let through and a warning is logged: a broken counter must
 * not take the service down.
 */
export class RateLimiter {
  private lastWarning = 0;
  constructor(
    private readonly store: CounterStore,
    readonly enabled: boolean,
    private readonly log: Logger,
  ) {}

  async consume(name: string, limit: Limit, key: string): Promise<void> {
    if (!this.enabled) return;
    let result: { count: number; resetMs: number };
    try {
      result = await this.store.hit(`${name}:${key}`, limit.windowMs);
    } catch (err) {
      this.warn(err);
      return;
    }
    if (result.count > limit.max) throw new RateLimited(retryAfterSeconds(result.resetMs));
  }

  async refund(name: string, key: string): Promise<void> {
    if (!this.enabled) return;
    await this.store.undo(`${name}:${key}`).catch((err) => this.warn(err));
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private warn(err: unknown): void {
    if (Date.now() - this.lastWarning < 10_000) return;
    this.lastWarning = Date.now();
    this.log.warn({ err }, 'rate-limit store unavailable: requests are not being limited');
  }
}
