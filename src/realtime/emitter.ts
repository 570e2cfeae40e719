import type { ServerPayload, StoredEventType } from '@parley/protocol';
import type { ParleyServer } from './types.js';
import type { Metrics } from '../context.js';
import type { Db } from '../db/connect.js';
import { eventHead, readRange } from '../events/read.js';
import { wirePayload, type StoredEvent } from '../events/types.js';
import type { CommitListener } from '../events/runCommand.js';
import { databaseUnavailable } from '../lib/pgErrors.js';
import { conversationRoom, userRoom } from './rooms.js';

interface Logger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

/**
 * The one place committed events become socket emits. It walks the event log in id order
 * (ids are dense and in commit order), so every node emits every event once, in order, and
 * applies room joins and leaves at the exact point in the stream where membership changed.
 */
export class Emitter implements CommitListener {
  private lastEmitted = 0;
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private catchingUp: Promise<void> | undefined;
  /** Told the last id of every local commit (other nodes hear of it through Redis). */
  onCommitted: ((lastId: number) => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly io: ParleyServer,
    private readonly log: Logger,
    private readonly metrics?: Pick<Metrics, 'eventsEmitted'>,
  ) {}

  /** Starts from the current head: events before it were for clients that sync. */
  async start(pollMs: number | null): Promise<void> {
    this.lastEmitted = (await eventHead(this.db)).lastId;
    if (pollMs) {
      // Other nodes append to the same log; polling picks their events up.
      this.timer = setInterval(() => void this.catchUp(), pollMs);
      this.timer.unref();
    }
  }

  get position(): number {
    return this.lastEmitted;
  }

  /** Called by runCommand after a commit. */
  committed(events: StoredEvent[]): void {
    const at = performance.now();
    this.onCommitted?.(events.at(-1)!.id);
    void this.enqueue(async () => {
      const last = events.at(-1)!.id;
      if (last <= this.lastEmitted) return;
      if (events[0]!.id === this.lastEmitted + 1) {
        const emitted = this.deliverAll(events);
        this.metrics?.eventsEmitted(emitted, 'local', (performance.now() - at) / 1000);
      } else await this.readThrough(last);
    });
  }

  /** Emits whatever has been committed by anyone and not emitted yet. Calls made while one waits share it. */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.enqueue(async () => {
      this.catchingUp = undefined;
      const { lastId } = await eventHead(this.db);
      if (lastId > this.lastEmitted) await this.readThrough(lastId);
    });
    return this.catchingUp;
  }

  /** Waits until everything handed over so far has been emitted. */
  drain(): Promise<void> {
    return this.chain;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch((err: unknown) => {
      if (this.stopped) return;
      // Nothing is lost while the database is away: the next poll reads on from lastEmitted.
      if (databaseUnavailable(err)) this.log.warn({ err: (err as Error).message }, 'emitter: database unavailable; will catch up');
      else this.log.error({ err }, 'emitter step failed; will catch up on the next event');
    });
    return this.chain;
  }

  private async readThrough(upTo: number): Promise<void> {
    while (this.lastEmitted < upTo && !this.stopped) {
      const batch = await readRange(this.db, this.lastEmitted, upTo);
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
      if (joiner) io.in(userRoom(joiner)).socketsJoin(conversation);
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
      if (leaver) io.in(userRoom(leaver)).socketsLeave(conversation);
    }
  }
}

function memberOf(payload: Record<string, unknown>): string | undefined {
  const user = payload.user as { id?: string } | undefined;
  return (payload.userId as string | undefined) ?? user?.id;
}
