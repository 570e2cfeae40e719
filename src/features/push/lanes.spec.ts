import { describe, expect, it } from 'vitest';
import { DeviceLanes, type JobEnd, type PushJob } from './lanes.js';
import { outcomeOf, retryAfterMs, type PushOutcome } from './sendWebPush.js';

const job = (deviceId: string, eventId: number, conversationId = 'c1'): PushJob => ({
  device: { id: deviceId, platform: 'webpush', userId: 'u', endpoint: 'https://x', p256dh: 'k', auth: 'a', lastEventId: 0 },
  eventId,
  conversationId,
  payload: {} as PushJob['payload'],
  urgency: 'high',
  topic: 't',
  committedAt: 0,
});

function lanes(answers: Record<string, PushOutcome[]>) {
  const tries: { device: string; eventId: number; at: number }[] = [];
  const ends: { device: string; eventId: number; end: JobEnd['kind'] }[] = [];
  const l = new DeviceLanes({
    send: async (j) => {
      tries.push({ device: j.device.id, eventId: j.eventId, at: Date.now() });
      return answers[j.device.id]?.shift() ?? { kind: 'sent', status: 201 };
    },
    settle: async (j, end) => void ends.push({ device: j.device.id, eventId: j.eventId, end: end.kind }),
    maxAttempts: 3,
    baseBackoffMs: 20,
    maxBackoffMs: 1000,
    maxQueued: 10,
    concurrency: 4,
  });
  return { l, tries, ends };
}

const until = async (check: () => boolean) => {
  for (let i = 0; !check(); i++) {
    if (i > 200) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('DeviceLanes', () => {
  it('a device told to wait (Retry-After) waits alone: the others are sent at once, the batch does not wait', async () => {
    const { l, tries, ends } = lanes({ slow: [{ kind: 'retry', status: 429, afterMs: 300, reason: '429' }] });
    const started = Date.now();
    await Promise.all([l.push(job('slow', 1)), l.push(job('fast', 1))]);
    expect(Date.now() - started).toBeLessThan(200);
    expect(ends).toEqual([{ device: 'fast', eventId: 1, end: 'sent' }]);
    await until(() => ends.length === 2);
    const slow = tries.filter((t) => t.device === 'slow');
    expect(slow[1]!.at - slow[0]!.at).toBeGreaterThanOrEqual(290);
    await l.stop();
  });

  it('gives up after maxAttempts; a gone device drops what waits for it', async () => {
    const retry: PushOutcome = { kind: 'retry', status: 500, reason: '500' };
    const { l, ends } = lanes({ flaky: [retry, retry, retry], gone: [{ kind: 'gone', status: 410, reason: '410' }] });
    void l.push(job('flaky', 1));
    void l.push(job('gone', 1, 'a'));
    void l.push(job('gone', 2, 'b'));
    await until(() => ends.length === 3);
    expect(ends).toEqual(
      expect.arrayContaining([
        { device: 'flaky', eventId: 1, end: 'dropped' },
        { device: 'gone', eventId: 1, end: 'gone' },
        { device: 'gone', eventId: 2, end: 'dropped' },
      ]),
    );
    await l.stop();
  });

  it('a newer push for a conversation replaces one still waiting behind a backoff', async () => {
    const { l, tries, ends } = lanes({ d: [{ kind: 'retry', status: 503, afterMs: 100, reason: '503' }] });
    await l.push(job('d', 1, 'a'));
    await l.push(job('d', 2, 'b'));
    await l.push(job('d', 3, 'b'));
    await until(() => ends.filter((e) => e.end === 'sent').length === 2);
    expect(tries.map((t) => t.eventId)).toEqual([1, 1, 3]);
    expect(ends).toContainEqual({ device: 'd', eventId: 2, end: 'dropped' });
    await l.stop();
  });
});

describe('push service answers', () => {
  it('2xx sent, 404/410 gone, 429/5xx retried (Retry-After in seconds or as a date), other 4xx failed', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(outcomeOf(201, undefined).kind).toBe('sent');
    expect(outcomeOf(410, undefined).kind).toBe('gone');
    expect(outcomeOf(404, undefined).kind).toBe('gone');
    expect(outcomeOf(429, '3')).toMatchObject({ kind: 'retry', afterMs: 3000 });
    expect(outcomeOf(503, 'Tue, 01 Dec 2026 12:00:10 GMT', now)).toMatchObject({ kind: 'retry', afterMs: 10_000 });
    expect(outcomeOf(500, undefined)).toEqual({ kind: 'retry', status: 500, reason: 'push service answered 500' });
    expect(outcomeOf(403, undefined).kind).toBe('failed');
    expect(outcomeOf(413, undefined).kind).toBe('failed');
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
