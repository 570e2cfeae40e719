import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FixedWindow, MemoryStore, RateLimited, RateLimiter, limitSpec, retryAfterSeconds, type CounterStore } from './rateLimit.js';

afterEach(() => vi.useRealTimers());

describe('limitSpec: "<count>/<duration>" from an environment variable', () => {
  it('reads the count and the window in ms, s, m or h (bare numbers are seconds)', () => {
    expect(limitSpec.parse('10/1m')).toEqual({ max: 10, windowMs: 60_000 });
    expect(limitSpec.parse('300/1h')).toEqual({ max: 300, windowMs: 3_600_000 });
    expect(limitSpec.parse('5/30s')).toEqual({ max: 5, windowMs: 30_000 });
    expect(limitSpec.parse('3/500ms')).toEqual({ max: 3, windowMs: 500 });
    expect(limitSpec.parse('7/2')).toEqual({ max: 7, windowMs: 2_000 });
    expect(limitSpec.parse('1/1.5s')).toEqual({ max: 1, windowMs: 1_500 });
  });

  it('allows spaces around the slash, before the unit and around the whole', () => {
    expect(limitSpec.parse(' 10 / 1m ')).toEqual({ max: 10, windowMs: 60_000 });
    expect(limitSpec.parse('10/1 m')).toEqual({ max: 10, windowMs: 60_000 });
    expect(limitSpec.parse('5 / 30 s')).toEqual({ max: 5, windowMs: 30_000 });
  });

  it('never makes a window shorter than 1 ms', () => {
    expect(limitSpec.parse('1/0.0001s')).toEqual({ max: 1, windowMs: 1 });
    expect(limitSpec.parse('1/0ms')).toEqual({ max: 1, windowMs: 1 });
  });

  it('refuses a count of 0, a missing part, an unknown unit, a negative or fractional count', () => {
    for (const bad of ['0/1m', '10', '/1m', '10/', '10/1d', '-1/1m', '1.5/1m', '10/1m/2', 'ten/1m', '10/m', '']) {
      expect(limitSpec.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('answers with success or a zod error, never an exception, for any text', () => {
    const specLike = fc.stringMatching(/^\s?\d{0,3}\s?\/?\s?[\d.]{0,4}\s?(ms|s|m|h|d)?\s?$/);
    fc.assert(fc.property(fc.oneof(specLike, fc.string()), (text) => typeof limitSpec.safeParse(text).success === 'boolean'));
  });
});

describe('retryAfterSeconds', () => {
  it('rounds up to whole seconds, and is at least 1', () => {
    expect([0, 1, 999, 1000, 1001, 59_500].map(retryAfterSeconds)).toEqual([1, 1, 1, 1, 2, 60]);
  });
});

describe('FixedWindow', () => {
  it('lets `max` hits through per window, then says how long until the window resets', () => {
    const w = new FixedWindow({ max: 2, windowMs: 1000 });
    expect(w.hit(0)).toEqual({ ok: true });
    expect(w.hit(100)).toEqual({ ok: true });
    expect(w.hit(400)).toEqual({ ok: false, retryAfterMs: 600 });
    expect(w.hit(999)).toEqual({ ok: false, retryAfterMs: 1 });
    // The window starts again at its end, from the first hit after it.
    expect(w.hit(1000)).toEqual({ ok: true });
    expect(w.hit(1500)).toEqual({ ok: true });
    expect(w.hit(1999)).toEqual({ ok: false, retryAfterMs: 1 });
  });

  it('never lets more than `max` through in one window, whatever the timing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        (max, windowMs, gaps) => {
          const w = new FixedWindow({ max, windowMs });
          let now = 0;
          let windowStart = -Infinity;
          let passed = 0;
          for (const gap of gaps) {
            now += gap;
            if (now >= windowStart + windowMs) [windowStart, passed] = [now, 0];
            const r = w.hit(now);
            if (r.ok) passed++;
            else expect(r.retryAfterMs).toBe(windowStart + windowMs - now);
            expect(passed).toBeLessThanOrEqual(max);
          }
        },
      ),
    );
  });
});

describe('MemoryStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });

  it('counts hits per key in a window that starts at the first hit, and forgets it when it ends', async () => {
    const store = new MemoryStore();
    expect(await store.hit('a', 1000)).toEqual({ count: 1, resetMs: 1000 });
    vi.setSystemTime(300);
    expect(await store.hit('a', 1000)).toEqual({ count: 2, resetMs: 700 });
    expect(await store.hit('b', 1000)).toEqual({ count: 1, resetMs: 1000 });
    vi.setSystemTime(1000);
    expect(await store.hit('a', 1000)).toEqual({ count: 1, resetMs: 1000 });
    await store.close();
  });

  it('takes one hit back with undo, never below zero', async () => {
    const store = new MemoryStore();
    await store.hit('a', 1000);
    await store.hit('a', 1000);
    await store.undo('a');
    expect((await store.hit('a', 1000)).count).toBe(2);
    await store.undo('a');
    await store.undo('a');
    await store.undo('a');
    await store.undo('missing');
    expect((await store.hit('a', 1000)).count).toBe(1);
    await store.close();
  });

  it('sweeps expired counters, so keys that stop coming do not pile up', async () => {
    const store = new MemoryStore(1000);
    await store.hit('old', 500);
    await store.hit('live', 10_000);
    const counters = (store as unknown as { counters: Map<string, unknown> }).counters;
    vi.advanceTimersByTime(1000);
    expect([...counters.keys()]).toEqual(['live']);
    await store.close();
    expect(counters.size).toBe(0);
  });
});

describe('RateLimiter', () => {
  const quiet = () => ({
    warnings: 0,
    warn() {
      this.warnings++;
    },
  });

  it('refuses the hit past the limit with 429 rate_limited and Retry-After in whole seconds, per name and key', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const limiter = new RateLimiter(new MemoryStore(), true, quiet());
    const limit = { max: 2, windowMs: 1500 };
    await limiter.consume('login', limit, '1.2.3.4');
    await limiter.consume('login', limit, '1.2.3.4');
    await limiter.consume('login', limit, '5.6.7.8');
    await limiter.consume('otp', limit, '1.2.3.4');
    const refused = await limiter.consume('login', limit, '1.2.3.4').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 2 });
    // A refund (a login that was right after all) gives the hit back.
    await limiter.refund('login', '1.2.3.4');
    await limiter.refund('login', '1.2.3.4');
    await limiter.consume('login', limit, '1.2.3.4');
    await limiter.close();
  });

  it('off, counts nothing and refuses nothing', async () => {
    const hits: string[] = [];
    const store: CounterStore = {
      hit: async (k) => (hits.push(k), { count: 1e9, resetMs: 1 }),
      undo: async (k) => void hits.push(k),
      close: async () => {},
    };
    const limiter = new RateLimiter(store, false, quiet());
    await limiter.consume('login', { max: 1, windowMs: 1 }, 'k');
    await limiter.refund('login', 'k');
    expect(hits).toEqual([]);
  });

  it('lets requests through when its store fails, warning at most once per 10 s', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(100_000);
    const log = quiet();
    const broken: CounterStore = {
      hit: () => Promise.reject(new Error('redis down')),
      undo: () => Promise.reject(new Error('redis down')),
      close: async () => {},
    };
    const limiter = new RateLimiter(broken, true, log);
    await limiter.consume('login', { max: 1, windowMs: 1000 }, 'k');
    await limiter.consume('login', { max: 1, windowMs: 1000 }, 'k');
    await limiter.refund('login', 'k');
    expect(log.warnings).toBe(1);
    vi.setSystemTime(110_000);
    await limiter.consume('login', { max: 1, windowMs: 1000 }, 'k');
    expect(log.warnings).toBe(2);
  });
});
