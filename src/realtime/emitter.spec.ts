import fc from 'fast-check';
import type { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/connect.js';
import type { Horizon } from '../events/horizon.js';
import type { StoredEvent } from '../events/types.js';
import { Emitter } from './emitter.js';
import { socketSessions } from './sessions.js';

/**
 * The event log without a database: `logBounds` and `readRange` (the only SQL the emitter runs)
 * answer from `log.events`, which holds what "has been committed", by anyone; the horizon is
 * `log.horizon` when set (an older writer still in flight), else the last id committed.
 */
interface FakeLog {
  /** Every committed event, in id order (with holes where ids were rolled back). */
  events: StoredEvent[];
  /** Below it every id is final; undefined: the last committed id. */
  horizon: number | undefined;
  /** How many times the horizon was probed. */
  probes: number;
  /** Transactions take turns (PGlite): a local commit needs no probe. */
  serial: boolean;
  /** The ranges readRange was asked for. */
  reads: [after: number, upTo: number][];
  /** How many rows one readRange returns at most (the real one pages by 1000). */
  pageSize: number;
  /** Thrown by the next read, once. */
  failNext: Error | undefined;
}
const log = vi.hoisted((): FakeLog => ({
  events: [],
  horizon: undefined,
  probes: 0,
  serial: false,
  reads: [],
  pageSize: 1000,
  failNext: undefined,
}));

vi.mock('../events/read.js', () => ({
  logBounds: async (_db: unknown, horizon: number) => {
    if (log.failNext) throw takeFailure();
    return { prunedThrough: 0, issued: horizon, lastFinal: log.events.filter((e) => e.id <= horizon).at(-1)?.id ?? 0 };
  },
  readRange: async (_db: unknown, after: number, upTo: number, limit: number) => {
    if (log.failNext) throw takeFailure();
    log.reads.push([after, upTo]);
    return log.events.filter((e) => e.id > after && e.id <= upTo).slice(0, limit);
  },
}));

const currentHorizon = () => log.horizon ?? log.events.at(-1)?.id ?? 0;

/** The horizon as the emitter uses it (its probing is src/events/horizon.spec.ts's). */
const fakeHorizon = () =>
  ({
    advance: async () => {
      if (log.failNext) throw takeFailure();
      log.probes++;
      return currentHorizon();
    },
    settle: async () => currentHorizon(),
    // As PGlite's: a local commit is final when it returns.
    committed: () => log.serial,
    get known() {
      return currentHorizon();
    },
  }) as unknown as Horizon;

function takeFailure(): Error {
  const err = log.failNext!;
  log.failNext = undefined;
  return err;
}

type Op =
  | { op: 'emit'; to: string; except: string[]; type: string; payload: Record<string, unknown> }
  | { op: 'join' | 'leave'; sockets: string; room: string }
  | { op: 'disconnect'; sockets: string };

/** A Socket.IO server that records what the emitter asks of it, in order. */
function fakeIo() {
  const ops: Op[] = [];
  const broadcast = (to: string, except: string[] = []) => ({
    except: (more: string | string[]) => broadcast(to, [...except, ...([] as string[]).concat(more)]),
    emit: (type: string, payload: Record<string, unknown>) => ops.push({ op: 'emit', to, except, type, payload }),
  });
  const sockets = (room: string) => ({
    socketsJoin: (target: string) => ops.push({ op: 'join', sockets: room, room: target }),
    socketsLeave: (target: string) => ops.push({ op: 'leave', sockets: room, room: target }),
    disconnectSockets: () => ops.push({ op: 'disconnect', sockets: room }),
  });
  const local = { to: (room: string) => broadcast(room), in: sockets };
  return { io: { local, in: sockets } as unknown as Server, ops };
}

function fakeLogger() {
  const lines: { level: 'warn' | 'error'; msg?: string }[] = [];
  return {
    lines,
    warn: (_: unknown, msg?: string) => lines.push({ level: 'warn', msg }),
    error: (_: unknown, msg?: string) => lines.push({ level: 'error', msg }),
  };
}

const event = (id: number, over: Partial<StoredEvent> = {}): StoredEvent => ({
  id,
  type: 'message:new',
  conversationId: 'c1',
  userId: null,
  messageId: null,
  payload: { n: id },
  origin: null,
  hiddenFrom: null,
  ...over,
});

/** Appends events to the log as a commit would, and returns them. */
function commit(...events: StoredEvent[]): StoredEvent[] {
  log.events.push(...events);
  return events;
}

const emittedIds = (ops: Op[]) => ops.flatMap((o) => (o.op === 'emit' ? [o.payload.eventId] : []));

async function started() {
  const { io, ops } = fakeIo();
  const logger = fakeLogger();
  const emitter = new Emitter({} as Db, fakeHorizon(), io, logger, undefined, log.pageSize);
  await emitter.start(null);
  return { emitter, ops, logger };
}

beforeEach(() => {
  log.events = [];
  log.horizon = undefined;
  log.probes = 0;
  log.serial = false;
  log.reads = [];
  log.pageSize = 1000;
  log.failNext = undefined;
});

describe('Emitter: committed events become socket emits, once each, in id order', () => {
  it('starts at the head: what was committed before it is for sync, not emitted', async () => {
    commit(event(1), event(2));
    const { emitter, ops } = await started();
    expect(emitter.position).toBe(2);
    emitter.committed(commit(event(3)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([3]);
  });

  it('emits contiguous commits from memory, without reading the log', async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1), event(2)));
    emitter.committed(commit(event(3)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 2, 3]);
    expect(log.reads).toEqual([]);
    expect(emitter.position).toBe(3);
  });

  it("sends the stored payload with its eventId to the event's conversation room", async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1, { type: 'message:updated', payload: { id: 'm1', text: 'hi' } })));
    await emitter.drain();
    expect(ops).toEqual([
      { op: 'emit', to: 'conversation:c1', except: [], type: 'message:updated', payload: { id: 'm1', text: 'hi', eventId: 1 } },
    ]);
  });

  it("sends a user's own event to their user room, not the conversation", async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1, { type: 'conversation:updated', userId: 'u1' })));
    await emitter.drain();
    expect(ops).toMatchObject([{ op: 'emit', to: 'user:u1', type: 'conversation:updated' }]);
  });

  it('emits a repeated hand-over once', async () => {
    const { emitter, ops } = await started();
    const events = commit(event(1), event(2));
    emitter.committed(events);
    emitter.committed(events);
    await emitter.drain();
    emitter.committed(events);
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 2]);
  });
});

describe('Emitter: a commit that does not follow the last id emitted', () => {
  it('reads the missing range through when a commit does not follow the last id (another node committed in between)', async () => {
    const { emitter, ops } = await started();
    commit(event(1), event(2)); // another node's
    emitter.committed(commit(event(3), event(4)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 2, 3, 4]);
    expect(log.reads).toEqual([[0, 4]]);
  });

  it('keeps id order when commits are handed over out of order', async () => {
    const { emitter, ops } = await started();
    const first = commit(event(1));
    const second = commit(event(2));
    emitter.committed(second);
    emitter.committed(first);
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 2]);
  });

  it('reads a long gap page by page until it is through', async () => {
    log.pageSize = 2;
    const { emitter, ops } = await started();
    commit(...[1, 2, 3, 4, 5].map((id) => event(id)));
    emitter.committed(commit(event(6)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log.reads).toEqual([
      [0, 6],
      [2, 6],
      [4, 6],
    ]);
  });

  it('stops reading when the log has nothing more yet, and emits it on the next catch-up', async () => {
    const { emitter, ops } = await started();
    // Event 1 is not visible yet (a poke raced the commit): the read finds nothing.
    emitter.committed([event(2)]);
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([]);
    expect(emitter.position).toBe(0);
    commit(event(1), event(2));
    await emitter.catchUp();
    expect(emittedIds(ops)).toEqual([1, 2]);
  });

  it('tells onCommitted the events of each local commit, at once', async () => {
    const { emitter } = await started();
    const told: number[][] = [];
    emitter.onCommitted = (events) => told.push(events.map((e) => e.id));
    emitter.committed(commit(event(1), event(2)));
    expect(told).toEqual([[1, 2]]);
  });

  it("emits another node's commit heard with its events from memory, and reads the log only for what it did not hear", async () => {
    const { emitter, ops } = await started();
    emitter.heard(2, commit(event(1), event(2)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 2]);
    expect(log.reads).toEqual([]);
    // Committed elsewhere, its poke lost: the next one's events wait behind the gap, which the log fills.
    commit(event(3));
    emitter.heard(4, commit(event(4)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 2, 3, 4]);
    expect(log.reads).toEqual([[2, 4]]);
    // A poke for what it has read past already costs nothing.
    const probes = log.probes;
    emitter.heard(4, [event(4)]);
    await emitter.drain();
    expect(log.probes).toBe(probes);
    expect(emittedIds(ops)).toEqual([1, 2, 3, 4]);
  });
});

describe('Emitter: holes and the horizon', () => {
  it('emits around rolled-back ids (holes), reading the log once to confirm a hole, then from memory again', async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1)));
    await emitter.drain();
    // Id 2 was rolled back: nothing will ever have it.
    emitter.committed(commit(event(3)));
    await emitter.drain();
    emitter.committed(commit(event(4)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 3, 4]);
    expect(log.reads).toEqual([[1, 3]]);
  });

  it('holds a commit back while an older writer is in flight below it, and emits both in id order once it commits', async () => {
    const { emitter, ops } = await started();
    log.horizon = 1; // id 2 is held by a writer still in its transaction
    emitter.committed(commit(event(1)));
    emitter.committed(commit(event(3)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1]);
    commit(event(2));
    log.events.sort((a, b) => a.id - b.id);
    log.horizon = undefined;
    await emitter.catchUp();
    expect(emittedIds(ops)).toEqual([1, 2, 3]);
  });

  it('emits nothing above the horizon even when it was read', async () => {
    const { emitter, ops } = await started();
    commit(event(1), event(2), event(3));
    log.horizon = 2;
    await emitter.catchUp();
    expect(emittedIds(ops)).toEqual([1, 2]);
    expect(log.reads).toEqual([[0, 2]]);
  });

  it('probes the horizon after each commit is handed over, once for commits handed over while a step waits', async () => {
    const { emitter } = await started();
    emitter.committed(commit(event(1)));
    emitter.committed(commit(event(2)));
    await emitter.drain();
    expect(log.probes).toBe(1);
    emitter.committed(commit(event(3)));
    await emitter.drain();
    expect(log.probes).toBe(2);
  });
});

describe('Emitter: a probe held back by a transaction that writes no events (PostgreSQL, polling)', () => {
  const POLL_MS = 1000;
  async function polling() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const { io, ops } = fakeIo();
    const emitter = new Emitter({} as Db, fakeHorizon(), io, fakeLogger(), undefined, log.pageSize);
    await emitter.start(POLL_MS);
    return { emitter, ops };
  }
  afterEach(() => vi.useRealTimers());

  it('probes again within milliseconds, not at the next poll, and stops once it emitted', async () => {
    const { emitter, ops } = await polling();
    log.horizon = 0; // a lease renewal, say, was running when the probe looked
    emitter.committed(commit(event(1)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([]);
    log.horizon = undefined; // it ended: nothing commits or pokes after it
    await vi.advanceTimersByTimeAsync(5);
    expect(emittedIds(ops)).toEqual([1]);
    const probes = log.probes;
    await vi.advanceTimersByTimeAsync(POLL_MS - 10);
    expect(log.probes).toBe(probes);
    emitter.stop();
  });

  it('backs off while it stays held back (a frozen writer), until it probes no more often than the poll', async () => {
    const { emitter, ops } = await polling();
    log.horizon = 0;
    emitter.heard(1, commit(event(1)));
    await vi.advanceTimersByTimeAsync(2 * POLL_MS);
    expect(log.probes).toBeLessThanOrEqual(12); // 1, then after 5, 10, 20 … 640 ms, and the polls
    const before = log.probes;
    await vi.advanceTimersByTimeAsync(10 * POLL_MS);
    expect(log.probes - before).toBe(10);
    expect(emittedIds(ops)).toEqual([]);
    log.horizon = undefined;
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(emittedIds(ops)).toEqual([1]);
    emitter.stop();
  });
});

describe('Emitter: where transactions take turns (PGlite)', () => {
  it('emits a local commit without probing the horizon', async () => {
    log.serial = true;
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1), event(2)));
    emitter.committed(commit(event(3)));
    await emitter.drain();
    expect(emittedIds(ops)).toEqual([1, 2, 3]);
    expect(log.probes).toBe(0);
    expect(log.reads).toEqual([]);
  });
});

describe('Emitter.catchUp: events other nodes committed', () => {
  it('emits everything up to the head, and nothing when there is nothing new', async () => {
    const { emitter, ops } = await started();
    commit(event(1), event(2), event(3));
    await emitter.catchUp();
    expect(emittedIds(ops)).toEqual([1, 2, 3]);
    await emitter.catchUp();
    expect(emittedIds(ops)).toEqual([1, 2, 3]);
    expect(log.reads).toEqual([[0, 3]]);
  });

  it('shares one read between calls made while one waits', async () => {
    const { emitter } = await started();
    commit(event(1));
    const calls = [emitter.catchUp(), emitter.catchUp(), emitter.catchUp()];
    expect(new Set(calls).size).toBe(1);
    await Promise.all(calls);
    expect(log.reads).toEqual([[0, 1]]);
  });
});

describe('Emitter: rooms change at the point in the stream where membership did', () => {
  it("moves a joiner's sockets into the room before the join event, so they receive it", async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1, { type: 'group:member-joined', payload: { user: { id: 'u2' } } })));
    await emitter.drain();
    expect(ops).toEqual([
      { op: 'join', sockets: 'user:u2', room: 'conversation:c1' },
      expect.objectContaining({ op: 'emit', to: 'conversation:c1', type: 'group:member-joined' }),
    ]);
  });

  it('joins the user of a new conversation (`userId`) to its room, and tells them in their user room', async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1, { type: 'conversation:created', userId: 'u1' })));
    await emitter.drain();
    expect(ops).toEqual([
      { op: 'join', sockets: 'user:u1', room: 'conversation:c1' },
      expect.objectContaining({ op: 'emit', to: 'user:u1', type: 'conversation:created' }),
    ]);
  });

  it("moves a leaver's sockets out after the leave event (they see it), so nothing after it reaches them", async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1, { type: 'group:member-left', payload: { userId: 'u2' } }), event(2)));
    await emitter.drain();
    expect(ops.map((o) => (o.op === 'emit' ? `emit ${o.type}` : `${o.op} ${o.sockets}`))).toEqual([
      'emit group:member-left',
      'leave user:u2',
      'emit message:new',
    ]);
  });

  it('changes no room for a membership event without a member, or without a conversation', async () => {
    const { emitter, ops } = await started();
    emitter.committed(
      commit(
        event(1, { type: 'group:member-joined', payload: {} }),
        event(2, { type: 'group:member-left', conversationId: null, userId: 'u1', payload: { userId: 'u1' } }),
      ),
    );
    await emitter.drain();
    expect(ops.map((o) => o.op)).toEqual(['emit', 'emit']);
  });
});

describe('Emitter: who is left out of a broadcast', () => {
  it('leaves out the socket that caused the event (`origin`)', async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1, { origin: 'socket-a' })));
    await emitter.drain();
    expect(ops).toMatchObject([{ op: 'emit', to: 'conversation:c1', except: ['socket-a'] }]);
  });

  it('leaves out the user rooms of members who may not read the message (`hiddenFrom`), with the origin', async () => {
    const { emitter, ops } = await started();
    emitter.committed(commit(event(1, { origin: 'socket-a', hiddenFrom: ['u3', 'u4'] }), event(2, { hiddenFrom: [] })));
    await emitter.drain();
    expect(ops).toMatchObject([
      { op: 'emit', except: ['socket-a', 'user:u3', 'user:u4'] },
      { op: 'emit', except: [] },
    ]);
  });
});

describe('Emitter: failures', () => {
  it('logs a database outage as a warning and carries on from where it was', async () => {
    const { emitter, ops, logger } = await started();
    commit(event(1));
    log.failNext = Object.assign(new Error('terminating connection'), { code: '57P01' });
    emitter.committed(commit(event(2)));
    await emitter.drain();
    expect(logger.lines).toMatchObject([{ level: 'warn' }]);
    expect(emittedIds(ops)).toEqual([]);
    await emitter.catchUp();
    expect(emittedIds(ops)).toEqual([1, 2]);
  });

  it('logs any other failure as an error, and later events still go out', async () => {
    const { emitter, ops, logger } = await started();
    commit(event(1));
    log.failNext = new Error('bug');
    emitter.committed(commit(event(2)));
    await emitter.drain();
    emitter.committed(commit(event(3)));
    await emitter.drain();
    expect(logger.lines).toMatchObject([{ level: 'error' }]);
    expect(emittedIds(ops)).toEqual([1, 2, 3]);
  });

  it('after stop, reads no further and logs nothing (the pool is closing under it)', async () => {
    const { emitter, ops, logger } = await started();
    commit(event(1));
    emitter.stop();
    emitter.committed(commit(event(2)));
    await emitter.drain();
    expect(log.reads).toEqual([]);
    expect(emittedIds(ops)).toEqual([]);
    log.failNext = new Error('Cannot use a pool after calling end on the pool');
    await emitter.catchUp();
    expect(logger.lines).toEqual([]);
  });
});

describe('socketSessions', () => {
  it("closes the session's sockets on every node (through the adapter, not io.local)", async () => {
    const { io, ops } = fakeIo();
    socketSessions(io).disconnect('s1');
    expect(ops).toEqual([{ op: 'disconnect', sockets: 'session:s1' }]);
  });
});

describe('Emitter: a property of the whole stream', () => {
  it('emits every event exactly once, in id order, however commits are split, ordered, or left to catch-up', async () => {
    const scenario = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 12 }).chain((sizes) =>
      fc.record({
        sizes: fc.constant(sizes),
        // Which commits are this node's (handed over) and in what order; the rest are other nodes'.
        local: fc.shuffledSubarray(sizes.map((_, i) => i)),
        pageSize: fc.integer({ min: 1, max: 5 }),
        catchUpAfter: fc.integer({ min: 0, max: sizes.length }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ sizes, local, pageSize, catchUpAfter }) => {
        log.events = [];
        log.reads = [];
        log.pageSize = pageSize;
        const { emitter, ops } = await started();
        let next = 1;
        const commits = sizes.map((n) => commit(...Array.from({ length: n }, () => event(next++))));
        local.forEach((i, k) => {
          emitter.committed(commits[i]!);
          if (k === catchUpAfter) void emitter.catchUp();
        });
        await emitter.catchUp();
        await emitter.drain();
        expect(emittedIds(ops)).toEqual(Array.from({ length: next - 1 }, (_, i) => i + 1));
      }),
    );
  });
});

describe('Emitter: a property of commits out of id order', () => {
  it('emits every committed event once, in id order, when commits land in any order, some roll back, and the horizon lags', async () => {
    const scenario = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 10 }).chain((sizes) =>
      fc.record({
        sizes: fc.constant(sizes),
        // The order transactions finish in, which of them roll back, which are this node's.
        order: fc.shuffledSubarray(
          sizes.map((_, i) => i),
          { minLength: sizes.length, maxLength: sizes.length },
        ),
        rolledBack: fc.array(fc.boolean(), { minLength: sizes.length, maxLength: sizes.length }),
        local: fc.array(fc.boolean(), { minLength: sizes.length, maxLength: sizes.length }),
        pageSize: fc.integer({ min: 1, max: 4 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ sizes, order, rolledBack, local, pageSize }) => {
        log.events = [];
        log.reads = [];
        log.horizon = undefined;
        log.pageSize = pageSize;
        const { emitter, ops } = await started();
        let next = 1;
        const txs = sizes.map((n) => Array.from({ length: n }, () => event(next++)));
        const finished = new Set<number>();
        // Every id at or below the horizon belongs to a finished transaction.
        const horizonNow = () => {
          let h = 0;
          for (const [i, tx] of txs.entries()) {
            if (!finished.has(i)) break;
            h = tx.at(-1)!.id;
          }
          return h;
        };
        for (const i of order) {
          finished.add(i);
          if (!rolledBack[i]) {
            log.events.push(...txs[i]!);
            log.events.sort((x, y) => x.id - y.id);
          }
          log.horizon = horizonNow();
          if (!rolledBack[i] && local[i]) emitter.committed(txs[i]!);
          else await emitter.catchUp();
        }
        await emitter.catchUp();
        await emitter.drain();
        expect(emittedIds(ops)).toEqual(log.events.map((e) => e.id));
      }),
    );
  });
});
