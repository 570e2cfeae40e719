import { describe, expect, it } from 'vitest';
import { lastPushed, matchPushes, summaryOf } from './pushStats.js';

const window = { from: 1000, to: 3000 };

describe('matchPushes', () => {
  it('measures send → first push for the messages sent in the window, and counts the rest apart', () => {
    const sends = [
      { ids: ['m1', 'm2', 'm3'], sentAt: [1000, 1500, 2900], lastIds: ['m4'] },
      { ids: ['n1'], sentAt: [1200], lastIds: ['n1'] },
    ];
    const pushes = [
      { messageId: 'w0', arrived: 1100 }, // a warm-up message's push
      { messageId: 'm2', arrived: 1620 },
      { messageId: 'n1', arrived: 1300 },
      { messageId: 'm2', arrived: 2700 }, // retried
      { messageId: 'm4', arrived: 3200 }, // sent in the drain, after the window
    ];
    const m = matchPushes(sends, pushes, window);
    expect(m).toMatchObject({ sent: 4, pushed: 2, pushes: 5, outsideWindow: 2, repeated: 1, lastWithoutPush: 0 });
    expect(m.latency).toMatchObject({ count: 2, p50: 100, p99: 120, max: 120, mean: 110 });
    // Four of the five arrived in the 2 s window.
    expect(m.pushesPerSec).toBe(2);
  });

  it('counts conversations whose last message never got a push', () => {
    const sends = [{ ids: ['a'], sentAt: [1500], lastIds: ['a'] }];
    const m = matchPushes(sends, [], window);
    expect(m).toMatchObject({ sent: 1, pushed: 0, lastWithoutPush: 1 });
    expect(m.latency.p50).toBeNaN();
  });
});

describe('lastPushed', () => {
  it('is true once every last message has a push', () => {
    const sends = [
      { ids: [], sentAt: [], lastIds: ['a', 'b'] },
      { ids: [], sentAt: [], lastIds: ['c'] },
    ];
    expect(
      lastPushed(sends, [
        { messageId: 'a', arrived: 1 },
        { messageId: 'c', arrived: 2 },
      ]),
    ).toBe(false);
    expect(
      lastPushed(
        sends,
        ['a', 'b', 'c'].map((messageId) => ({ messageId, arrived: 3 })),
      ),
    ).toBe(true);
  });
});

describe('summaryOf', () => {
  it('gives exact nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summaryOf(values)).toEqual({ count: 100, mean: 50.5, p50: 50, p95: 95, p99: 99, max: 100 });
  });
});
