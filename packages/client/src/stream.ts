import type { ServerPayload, StoredEventType } from '@parley/protocol';
import { request, type ClientSocket } from './connection.js';
import { ParleyError } from './errors.js';
import { Persisted } from './persisted.js';
import type { ClientStorage } from './storage/types.js';

/** One event of the user's ordered stream: live or from sync, the same shape. */
export type StreamEvent = { [E in StoredEventType]: { eventId: number; type: E; payload: ServerPayload<E> } }[StoredEventType];

export interface StreamOptions {
  storage: ClientStorage;
  /** Storage key of the cursor (per user: another account on the same storage starts its own). */
  key: string;
  pageSize: number;
  ackTimeoutMs: number;
  /** Every event once, in eventId order. */
  onEvent(event: StreamEvent): void;
  /** The cursor could not be used (older than the retained log, or ahead of it): local state should be reloaded. */
  onReset(reason: ParleyError): void;
}

/**
 * The client half of delivery promise 4: the highest eventId applied is kept (and persisted);
 * after every (re)connect `sync:request` is paged from it while live events wait in a buffer,
 * then the buffer is applied; an event at or below the cursor is never applied twice.
 */
export class EventStream {
  private cursor: number | undefined;
  /** Live events held back until the running (or next) sync has finished. */
  private buffer: StreamEvent[] | undefined = [];
  private readonly persisted: Persisted<number>;

  constructor(private readonly opts: StreamOptions) {
    this.persisted = new Persisted(opts.storage, opts.key);
  }

  get position(): number | undefined {
    return this.cursor;
  }

  async load(): Promise<void> {
    this.cursor = await this.persisted.load();
  }

  /** A live event from the socket. */
  live(event: StreamEvent): void {
    if (this.buffer) this.buffer.push(event);
    else this.apply(event);
  }

  /** The connection dropped: live events after the next connect wait for its sync. */
  disconnected(): void {
    this.buffer ??= [];
  }

  /** Pages from the cursor to the head of the stream, then applies what arrived live meanwhile. */
  async sync(socket: ClientSocket): Promise<void> {
    this.buffer ??= [];
    for (let more = true; more;) {
      const page = await this.page(socket);
      for (const e of page.events) this.apply(e as StreamEvent);
      // The ack's cursor is always safe to store (an empty page's is the last event delivered so far).
      if (page.cursor !== undefined) this.cursor = Math.max(this.cursor ?? 0, page.cursor);
      more = page.hasMore;
    }
    const held = this.buffer.sort((a, b) => a.eventId - b.eventId);
    this.buffer = undefined;
    for (const e of held) this.apply(e);
    await this.persisted.save(this.cursor);
  }

  /** Resolves once the cursor applied so far is stored. */
  saved(): Promise<void> {
    return this.persisted.save(this.cursor);
  }

  async forget(): Promise<void> {
    this.cursor = undefined;
    await this.persisted.save(undefined);
  }

  private async page(socket: ClientSocket) {
    try {
      return await request(socket, 'sync:request', { cursor: this.cursor, limit: this.opts.pageSize }, this.opts.ackTimeoutMs);
    } catch (err) {
      const unusable = err instanceof ParleyError && (err.code === 'sync.cursor_expired' || err.code === 'validation.failed');
      if (!unusable || this.cursor === undefined) throw err;
      // Start again from the oldest retained event; what came before is reloaded over REST.
      await this.forget();
      this.opts.onReset(err);
      return { events: [], cursor: undefined, hasMore: true };
    }
  }

  private apply(event: StreamEvent): void {
    if (this.cursor !== undefined && event.eventId <= this.cursor) return;
    this.cursor = event.eventId;
    this.opts.onEvent(event);
    if (!this.buffer) void this.persisted.save(this.cursor).catch(() => {}); // a sync's pages save once, at the end
  }
}
