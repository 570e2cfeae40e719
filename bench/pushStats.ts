import type { OfflineSends } from './pairs.js';
import { percentileOf, type LatencySummary } from './stats.js';

/** A push as the bench's push service got it: the message it is about and when it arrived (see `now`). */
export interface ArrivedPush {
  messageId: string;
  arrived: number;
}

/** Send → push arrival for the messages sent to offline receivers during the measured window. */
export interface PushMatch {
  /** Messages sent to offline receivers in the window (and acked). */
  sent: number;
  /** Of those, how many got a push (the server coalesces a burst in one conversation into one push). */
  pushed: number;
  /** send → push arrival of each pushed message (its first push), ms. */
  latency: LatencySummary;
  /** Pushes that arrived in the window, per second. */
  pushesPerSec: number;
  /** Every push received, window or not. */
  pushes: number;
  /** Pushes about messages sent outside the window (warm-up, drain). */
  outsideWindow: number;
  /** A second push about a message already pushed (a retry). */
  repeated: number;
  /** Conversations whose last message got no push: 0 unless the server dropped or lost one. */
  lastWithoutPush: number;
}

/** Matches pushes to sends by message id; `window` is the measured window [from, to) in `now` time. */
export function matchPushes(
  sends: readonly OfflineSends[],
  pushes: readonly ArrivedPush[],
  window: { from: number; to: number },
): PushMatch {
  const sentAt = new Map<string, number>();
  for (const s of sends) s.ids.forEach((id, i) => sentAt.set(id, s.sentAt[i]!));
  const firstPush = new Map<string, number>();
  let outsideWindow = 0;
  let repeated = 0;
  let inWindow = 0;
  for (const p of pushes) {
    if (p.arrived >= window.from && p.arrived < window.to) inWindow++;
    const before = firstPush.get(p.messageId);
    if (before !== undefined) {
      repeated++;
      if (p.arrived < before) firstPush.set(p.messageId, p.arrived);
      continue;
    }
    firstPush.set(p.messageId, p.arrived);
    if (!sentAt.has(p.messageId)) outsideWindow++;
  }
  const latencies: number[] = [];
  for (const [id, t] of sentAt) {
    const arrived = firstPush.get(id);
    if (arrived !== undefined) latencies.push(arrived - t);
  }
  const lastIds = sends.flatMap((s) => s.lastIds);
  return {
    sent: sentAt.size,
    pushed: latencies.length,
    latency: summaryOf(latencies),
    pushesPerSec: inWindow / ((window.to - window.from) / 1000),
    pushes: pushes.length,
    outsideWindow,
    repeated,
    lastWithoutPush: lastIds.filter((id) => !firstPush.has(id)).length,
  };
}

/** Exact count, mean, p50/p95/p99 and max of a list of ms. */
export function summaryOf(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    mean: values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN,
    p50: percentileOf(values, 0.5),
    p95: percentileOf(values, 0.95),
    p99: percentileOf(values, 0.99),
    max: values.length ? values.reduce((m, v) => Math.max(m, v), -Infinity) : NaN,
  };
}

/** True once every conversation's last message has a push (they are the newest: nothing replaces them). */
export function lastPushed(sends: readonly OfflineSends[], pushes: readonly ArrivedPush[]): boolean {
  const ids = new Set(pushes.map((p) => p.messageId));
  return sends.every((s) => s.lastIds.every((id) => ids.has(id)));
}
