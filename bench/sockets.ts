import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

/** Source addresses for client sockets: each gives its own ~28k ephemeral ports towards the server. */
export const defaultLocalAddresses = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);

export interface ClientOptions {
  auth: Record<string, unknown>;
  localAddress?: string;
  reconnection?: boolean;
}

/** A socket.io-client the way a real client connects to Parley: WebSocket only, one connection each. */
export function makeSocket(url: string, o: ClientOptions): Socket {
  const opts: Partial<ManagerOptions & SocketOptions> & { localAddress?: string } = {
    auth: o.auth,
    transports: ['websocket'],
    forceNew: true,
    autoConnect: false,
    reconnection: o.reconnection ?? false,
    timeout: 30_000,
    localAddress: o.localAddress,
  };
  return io(url, opts);
}

/** Connects and waits for `connect`; rejects on the first `connect_error` unless the socket reconnects by itself. */
export function connectSocket(s: Socket, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(t);
      s.off('connect', onConnect);
      s.off('connect_error', onError);
      if (err) reject(err);
      else resolve();
    };
    const onConnect = () => done();
    const onError = (err: Error) => {
      // With reconnection on, the manager tries again by itself; keep waiting.
      if (!s.io.reconnection()) done(err);
    };
    const t = setTimeout(() => done(new Error('connect timed out')), timeoutMs);
    s.on('connect', onConnect);
    s.on('connect_error', onError);
    s.connect();
  });
}

/** Emits with an ack; resolves with the ack. */
export function emitAck<T = any>(s: Socket, event: string, payload?: unknown, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ack for ${event}`)), timeoutMs);
    const done = (r: T) => {
      clearTimeout(t);
      resolve(r);
    };
    if (payload === undefined) s.emit(event, done);
    else s.emit(event, payload, done);
  });
}

export interface SyncPageAck {
  ok: boolean;
  events?: { eventId: number; type: string; payload: any }[];
  cursor?: number;
  hasMore?: boolean;
  error?: { code: string; message: string };
}

/**
 * Pages sync:request from `cursor` until hasMore is false, as docs/api.md tells clients to.
 * Returns the new cursor and the events.
 */
export async function syncFrom(
  s: Socket,
  cursor: number | undefined,
  limit?: number,
): Promise<{ cursor: number; events: NonNullable<SyncPageAck['events']>; pages: number }> {
  const events: NonNullable<SyncPageAck['events']> = [];
  let pages = 0;
  let c = cursor;
  for (;;) {
    const payload: Record<string, number> = {};
    if (c !== undefined) payload.cursor = c;
    if (limit !== undefined) payload.limit = limit;
    const ack = await emitAck<SyncPageAck>(s, 'sync:request', payload);
    pages++;
    if (!ack.ok) throw new Error(`sync:request failed: ${ack.error?.code ?? 'unknown'}`);
    events.push(...(ack.events ?? []));
    c = ack.cursor;
    if (!ack.hasMore) return { cursor: c ?? 0, events, pages };
    if (pages > 10_000) throw new Error('sync:request never ends');
  }
}
