import { storedEventTypes } from '@parley/protocol';
import type { Socket } from 'socket.io-client';
import { emit, type TestServer } from './server.js';

export interface SyncedEvent {
  eventId: number;
  type: string;
  payload: any;
}

export interface ClientMessage {
  id: string;
  seq: number;
  text: string | null;
  deleted: boolean;
  edited: boolean;
  reactions: string[];
}

const STORED: readonly string[] = storedEventTypes;

/**
 * A client the way the docs tell clients to work: keep the highest eventId applied, after
 * every (re)connect page through sync:request from it while buffering live events, then
 * apply the buffer; apply every event once, in eventId order.
 */
export class Device {
  cursor = 0;
  readonly messages = new Map<string, ClientMessage>();
  readonly applied: SyncedEvent[] = [];
  socket: Socket | undefined;
  private buffer: SyncedEvent[] | undefined;

  constructor(
    private readonly server: TestServer,
    private readonly token: string,
  ) {}

  async connect(): Promise<void> {
    this.buffer = [];
    const s = await this.server.socket(this.token, (sock) => {
      for (const type of STORED) sock.on(type, (payload: any) => this.onLive({ eventId: payload.eventId, type, payload }));
    });
    this.socket = s;
    await this.sync();
  }

  disconnect(): void {
    this.socket?.disconnect();
    this.socket = undefined;
  }

  /** Pages through sync:request from the cursor, then applies what arrived live meanwhile. */
  async sync(): Promise<void> {
    this.buffer ??= [];
    for (;;) {
      const r = await emit(this.socket!, 'sync:request', { cursor: this.cursor, limit: 20 });
      if (!r.ok) throw new Error(`sync failed: ${JSON.stringify(r)}`);
      for (const e of r.events as SyncedEvent[]) this.apply(e);
      if (!r.hasMore) break;
    }
    const pending = this.buffer.sort((a, b) => a.eventId - b.eventId);
    this.buffer = undefined;
    for (const e of pending) this.apply(e);
  }

  /**
   * Acts from this device. The acting socket learns the outcome from its ack, not from an
   * event (events go to the user's other devices), so the ack is applied to local state.
   */
  async act(event: 'reaction:set' | 'message:delete', payload: any): Promise<any> {
    const ack = await emit(this.socket!, event, payload);
    if (!ack.ok) return ack;
    const m = this.messages.get(payload.messageId);
    if (event === 'reaction:set' && m) m.reactions = ack.reactions.map((r: any) => `${r.userId}:${r.emoji}`).sort();
    if (event === 'message:delete') {
      if (payload.for === 'self') this.messages.delete(payload.messageId);
      else if (m) this.messages.set(payload.messageId, { ...m, text: null, deleted: true, reactions: [] });
    }
    return ack;
  }

  private onLive(e: SyncedEvent): void {
    if (this.buffer) this.buffer.push(e);
    else this.apply(e);
  }

  private apply(e: SyncedEvent): void {
    if (e.eventId <= this.cursor) return;
    this.cursor = e.eventId;
    this.applied.push(e);
    const p = e.payload;
    switch (e.type) {
      case 'message:new':
        this.messages.set(p.message.id, toClient(p.message));
        break;
      case 'message:updated':
        // A change to a message this user deleted for themselves (on another device) is ignored.
        if (this.messages.has(p.message.id)) this.messages.set(p.message.id, toClient(p.message));
        break;
      case 'message:deleted':
        if (p.for === 'self') this.messages.delete(p.messageId);
        else {
          const m = this.messages.get(p.messageId);
          if (m) this.messages.set(p.messageId, { ...m, text: null, deleted: true, reactions: [] });
        }
        break;
      case 'reaction:updated': {
        const m = this.messages.get(p.messageId);
        if (m) m.reactions = p.reactions.map((r: any) => `${r.userId}:${r.emoji}`).sort();
        break;
      }
    }
  }

  /** What this device shows, ascending by seq. */
  view(): ClientMessage[] {
    return [...this.messages.values()].sort((a, b) => a.seq - b.seq);
  }
}

export function toClient(m: any): ClientMessage {
  return {
    id: m.id,
    seq: m.seq,
    text: m.text,
    deleted: m.deletedAt !== null,
    edited: m.editedAt !== null,
    reactions: (m.reactions ?? []).map((r: any) => `${r.userId}:${r.emoji}`).sort(),
  };
}

/** The server's history of a conversation as this user sees it, every page. */
export async function serverHistory(server: TestServer, token: string, conversationId: string): Promise<ClientMessage[]> {
  const all: any[] = [];
  let before: string | null = null;
  for (;;) {
    const q: string = before ? `?limit=100&before=${before}` : '?limit=100';
    const r = await server.api('GET', `/conversations/${conversationId}/messages${q}`, { token });
    if (r.status !== 200) throw new Error(`history failed ${r.status}`);
    all.unshift(...r.body.messages);
    if (!r.body.hasMore) break;
    before = r.body.nextCursor;
  }
  return all.map(toClient);
}
