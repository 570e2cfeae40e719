import { describe, expect, it } from 'vitest';
import { perConnection } from './stats.js';

describe('perConnection', () => {
  it('fits the steps without the point before them (memory the earlier scenarios left)', () => {
    // 12 KiB a connection over the steps; before them RSS was higher than after the first step.
    const points = [
      { connected: 0, rssKiB: 400_000, heapUsedKiB: 80_000 },
      ...[1, 2, 3, 4].map((k) => ({ connected: k * 1000, rssKiB: 280_000 + k * 12_000, heapUsedKiB: 80_000 + k * 11_000 })),
    ];
    const { rss, heap } = perConnection(points);
    expect(rss).toBeCloseTo(12 * 1024, 6);
    expect(heap).toBeCloseTo(11 * 1024, 6);
  });

  it('with a single step, fits through the point before it (there is no other line)', () => {
    const { rss } = perConnection([
      { connected: 0, rssKiB: 100_000, heapUsedKiB: 0 },
      { connected: 1000, rssKiB: 108_000, heapUsedKiB: 0 },
    ]);
    expect(rss).toBeCloseTo(8 * 1024, 6);
  });
});
