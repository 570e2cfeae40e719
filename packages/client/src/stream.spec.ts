import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClientSocket } from './connection.js';
import { memoryStorage } from './storage/memory.js';
import { EventStream, type StreamEvent } from './stream.js';

const ev = (eventId: number) => ({ eventId, type: 'typing', payload: { eventId } }) as unknown as StreamEvent;

/** A server's side of sync:request over a log, answering in pages (the unit tier's stand-in for a socket). */
function fakeSocket(log: number[], pageSize: number, onPage?: () => void): ClientSocket {
  const emitWithAck = async (_event: string, p: { cursor?: number; limit: number }) => {
    onPage?.();
    const after = log.filter((id) => id > (p.cursor ?? 0));
    const page = after.slice(0, Math.min(pageSize, p.limit));
    return { ok: true, events: page.map(ev), cursor: page.at(-1) ?? log.at(-1) ?? 0, hasMore: after.length > page.length };
  };
  return { timeout: () => ({ emitWithAck }) } as unknown as ClientSocket;
}

const stream = (applied: number[]) =>
  new EventStream({
    storage: memoryStorage(),
    key: 'cursor',
    pageSize: 3,
    ackTimeoutMs: 1000,
    onEvent: (e) => applied.push(e.eventId),
    onReset: () => {},
  });

describe('EventStream', () => {
  it('applies every event once, in order, however live events and sync pages interleave and repeat', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 25 }).map((ids) => ids.sort((a, b) => a - b)),
        fc.array(fc.nat(), { maxLength: 40 }),
        async (log, liveDuringSync) => {
          const applied: number[] = [];
          const s = stream(applied);
          // Live events arrive while the sync pages, some of them again after it: each at most once.
          const live = liveDuringSync.map((i) => log[i % log.length]!);
          let sent = 0;
          await s.sync(fakeSocket(log, 3, () => live.slice(sent, (sent += 3)).forEach((id) => s.live(ev(id)))));
          for (const id of live) s.live(ev(id));
          expect(applied).toEqual(log);
        },
      ),
    );
  });

  it('holds live events from before the first sync, and again after a disconnect, until the sync', async () => {
    const applied: number[] = [];
    const s = stream(applied);
    s.live(ev(5));
    expect(applied).toEqual([]);
    await s.sync(fakeSocket([2, 5], 3));
    expect(applied).toEqual([2, 5]);
    s.live(ev(7));
    s.disconnected();
    s.live(ev(9));
    expect(applied).toEqual([2, 5, 7]);
    await s.sync(fakeSocket([2, 5, 7, 8, 9], 3));
    expect(applied).toEqual([2, 5, 7, 8, 9]);
    expect(s.position).toBe(9);
  });
});
