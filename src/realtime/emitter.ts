import type { ServerPayload, StoredEventType } from '@parley/protocol';
import type { ParleyServer } from './types.js';
import type { Metrics } from '../context.js';
import type { Db } from '../db/connect.js';
import type { Horizon } from '../events/horizon.js';
import { logBounds, readRange } from '../events/read.js';
import { wirePayload, type StoredEvent } from '../events/types.js';
import type { CommitListener } from '../events/runCommand.js';
import { databaseUnavailable } from '../lib/pgErrors.js';
import { conversationRoom, userRoom } from './rooms.js';

interface Logger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

/** Events of local commits kept for the horizon to pass them; past this they are read back from the log instead. */
const MAX_HELD_LOCAL = 10_000;

/** The first pause before probing again for events known committed but not final yet; it doubles up to the poll. */
const FIRST_RETRY_MS = 5;

/**
 * The one place committed events become socket emits. It walks the event log in id order up to
 * the horizon (src/events/horizon.ts: below it nothing can still commit), so every node emits
 * every event once, in order, and applies room joins and leaves at the exact point in the stream
 * where membership changed. Ids have holes (rolled back): the order is what matters, not density.
 */
export class Emitter implements CommitListener {
  private lastEmitted = 0;
  /**
   * Every committed event at or below it has been emitted: the horizon it last read through,
   * holes included (lastEmitted is the last event). Kept in memory only, and set back to
   * lastEmitted after a failure (the database may have restarted: see docs/architecture.md).
   */
  private scanned = 0;
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private pollMs: number | null = null;
  /** The highest id known committed, by this node or (heard) another: what the horizon must pass. */
  private knownCommitted = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;
  private catchingUp: Promise<void> | undefined;
  /** Committed events (this node's, and other nodes' heard through Redis) not emitted yet, by id, with when they arrived. */
  private readonly local = new Map<number, { event: StoredEvent; at: number; source: 'local' | 'poke' }>();
  private moves = 0;
  /** Told the events of every local commit (other nodes hear of them through Redis: `heard`). */
  onCommitted: ((events: StoredEvent[]) => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly horizon: Horizon,
    private readonly io: ParleyServer,
    private readonly log: Logger,
    private readonly metrics?: Pick<Metrics, 'eventsEmitted'>,
    /** Events per read of the log. */
    private readonly pageSize = 1000,
  ) {}

  /**
   * Starts where everything issued so far is final: events before it were for clients that sync.
   * Its position is a committed event's id (durable), not the bare horizon.
   */
  async start(pollMs: number | null): Promise<void> {
    const horizon = await this.horizon.settle(pollMs ?? 50, () => this.stopped);
    this.lastEmitted = (await logBounds(this.db, horizon)).lastFinal;
    this.scanned = Math.max(this.lastEmitted, horizon);
    this.pollMs = pollMs;
    if (pollMs) {
      // Other nodes append to the same log, and a writer that held the horizon back finishes: polling picks both up.
      this.timer = setInterval(() => void this.catchUp(), pollMs);
      this.timer.unref();
    }
  }

  get position(): number {
    return this.lastEmitted;
  }

  /** How many room joins and leaves it has applied: a socket joining its rooms reads them again if this moved meanwhile. */
  get roomMoves(): number {
    return this.moves;
  }

  /** Called by runCommand after a commit. */
  committed(events: StoredEvent[], finalOnCommit?: number): void {
    this.onCommitted?.(events);
    const lastId = events.at(-1)!.id;
    this.knownCommitted = Math.max(this.knownCommitted, lastId);
    this.hold(events, 'local');
    if (this.horizon.committed(lastId, finalOnCommit)) void this.enqueue(() => this.emitFinal(this.horizon.known));
    else void this.catchUp();
  }

  /**
   * Another node committed up to `lastId`, with these events when they came along: they are held
   * like this node's own, so once the horizon passes them they are emitted from memory instead of
   * read back from the log. Nothing to do when this node has read past them already.
   */
  heard(lastId: number, events: StoredEvent[] = []): void {
    if (lastId <= this.scanned) return;
    this.knownCommitted = Math.max(this.knownCommitted, lastId);
    this.hold(events, 'poke');
    void this.catchUp();
  }

  private hold(events: StoredEvent[], source: 'local' | 'poke'): void {
    const at = performance.now();
    if (this.local.size + events.length > MAX_HELD_LOCAL) return;
    for (const event of events) if (event.id > this.lastEmitted) this.local.set(event.id, { event, at, source });
  }

  /**
   * Emits whatever is final and not emitted yet, after a probe of the horizon that started after
   * this call. Calls made while one waits to start share it.
   */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.enqueue(async () => {
      this.catchingUp = undefined;
      try {
        await this.emitFinal(await this.horizon.advance());
      } finally {
        this.retryWhileHeldBack();
      }
    });
    return this.catchingUp;
  }

  /**
   * A probe that found a transaction running holds back what was committed after it took its
   * ids. Often that transaction writes no events (a lease renewed, a session's last use), so no
   * commit or poke follows it to probe again: without this, the events would wait for the poll
   * (EMITTER_POLL_MS, 1 s by default). Probes again soon, then less often, until the poll is as soon.
   */
  private retryWhileHeldBack(): void {
    if (this.scanned >= this.knownCommitted || this.stopped || !this.pollMs) {
      this.retryMs = FIRST_RETRY_MS;
      return;
    }
    if (this.retryTimer || this.retryMs >= this.pollMs) return;
    const ms = this.retryMs;
    this.retryMs = ms * 2;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.catchUp();
    }, ms);
    this.retryTimer.unref();
  }

  private async emitFinal(horizon: number): Promise<void> {
    if (horizon > this.scanned) await this.emitThrough(horizon);
  }

  /** Waits until everything handed over so far has been emitted. */
  drain(): Promise<void> {
    return this.chain;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch((err: unknown) => {
      this.scanned = this.lastEmitted;
      if (this.stopped) return;
      // Nothing is lost while the database is away: the next poll reads on from lastEmitted.
      if (databaseUnavailable(err)) this.log.warn({ err: (err as Error).message }, 'emitter: database unavailable; will catch up');
      else this.log.error({ err }, 'emitter step failed; will catch up on the next event');
    });
    return this.chain;
  }

  /**
   * Emits up to `horizon`: from memory while the next ids are this node's own commits, from the
   * log once one is not (another node's, or a hole that must be confirmed empty).
   */
  private async emitThrough(horizon: number): Promise<void> {
    this.emitHeldLocal(horizon);
    if (this.scanned < horizon) await this.readThrough(horizon);
    for (const id of this.local.keys()) if (id <= this.scanned) this.local.delete(id);
  }

  private emitHeldLocal(horizon: number): void {
    const runs = { local: { emitted: 0, oldest: Infinity }, poke: { emitted: 0, oldest: Infinity } };
    for (let next = this.local.get(this.scanned + 1); next && this.scanned < horizon; next = this.local.get(this.scanned + 1)) {
      this.local.delete(next.event.id);
      const run = runs[next.source];
      run.oldest = Math.min(run.oldest, next.at);
      run.emitted += this.deliverAll([next.event]);
      this.scanned = next.event.id;
    }
    for (const [source, run] of Object.entries(runs) as [keyof typeof runs, (typeof runs)['local']][])
      if (run.emitted > 0) this.metrics?.eventsEmitted(run.emitted, source, (performance.now() - run.oldest) / 1000);
  }

  private async readThrough(upTo: number): Promise<void> {
    while (this.scanned < upTo && !this.stopped) {
      const batch = await readRange(this.db, this.scanned, upTo, this.pageSize);
      // A page not full is all there is up to upTo: the rest are holes.
      this.scanned = batch.length < this.pageSize ? upTo : batch.at(-1)!.id;
      if (batch.length === 0) break;
      const emitted = this.deliverAll(batch);
      // The oldest event of the page waited longest: its age is this page's lag.
      const written = batch[0]!.createdAtMs;
      this.metrics?.eventsEmitted(emitted, 'log', written === undefined ? undefined : (Date.now() - written) / 1000);
    }
  }

  /** Returns how many it emitted (those not emitted before). */
  private deliverAll(events: StoredEvent[]): number {
    let emitted = 0;
    for (const e of events) {
      if (e.id <= this.lastEmitted) continue;
      this.deliver(e);
      this.lastEmitted = e.id;
      emitted++;
    }
    return emitted;
  }

  private deliver(e: StoredEvent): void {
    const io = this.io.local;
    const conversation = e.conversationId ? conversationRoom(e.conversationId) : undefined;
    // Membership changes move this node's sockets in and out of rooms in stream order.
    if (conversation && (e.type === 'conversation:created' || e.type === 'group:member-joined')) {
      const joiner = e.userId ?? memberOf(e.payload);
      if (joiner) {
        io.in(userRoom(joiner)).socketsJoin(conversation);
        this.moves++;
      }
    }
    const target = e.userId ? userRoom(e.userId) : conversation;
    if (target) {
      // Not to the socket that caused it, nor to members who may not read the message it is about.
      const except = [...(e.origin ? [e.origin] : []), ...(e.hiddenFrom ?? []).map(userRoom)];
      const op = except.length ? io.to(target).except(except) : io.to(target);
      // Socket.IO's typed emit takes one literal name; a stored event is any of them, with that one's payload.
      (op.emit as (event: StoredEventType, payload: ServerPayload<StoredEventType>) => boolean)(e.type, wirePayload(e));
    }
    if (conversation && e.type === 'group:member-left') {
      const leaver = memberOf(e.payload);
      if (leaver) {
        io.in(userRoom(leaver)).socketsLeave(conversation);
        this.moves++;
      }
    }
  }
}

function memberOf(payload: Record<string, unknown>): string | undefined {
  const user = payload.user as { id?: string } | undefined;
  return (payload.userId as string | undefined) ?? user?.id;
}
