import type { ClientToServerEvents, ServerToClientEvents } from '@parley/protocol';
import { io, type Socket } from 'socket.io-client';
import { ParleyError } from './errors.js';
import type { Session } from './session.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface ConnectionOptions {
  /** One node's URL, or several: a lost node's clients go on to the next. */
  urls: string[];
  session: Session;
  transports: ('websocket' | 'polling')[];
  /** Runs once the socket is connected, before the status turns online (the sync). Throwing reconnects. */
  onConnect(socket: ClientSocket): Promise<void>;
  onEvent(type: string, payload: unknown): void;
  onStatus(status: ConnectionStatus): void;
  /** The server refused the session itself (revoked, signed out elsewhere): no more reconnects. */
  onRefused(err: ParleyError): void;
}

const REFUSED = new Set(['auth.unauthorized', 'auth.token_invalid', 'auth.session_revoked']);
// Short enough that a client is back within a few seconds of a restarted node being ready.
const MAX_DELAY_MS = 5_000;

/**
 * One Socket.IO connection that stays up: every (re)connect gets a fresh access token, a lost
 * connection is retried with jittered backoff (the next URL after a failure), and
 * `onConnect` (the sync) finishes before the status says online.
 */
export class Connection {
  status: ConnectionStatus = 'offline';
  private socket: ClientSocket | undefined;
  private wanted = false;
  private failures = 0;
  private urlIndex = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly opts: ConnectionOptions) {}

  /** The socket, while online. */
  get online(): ClientSocket | undefined {
    return this.status === 'online' ? this.socket : undefined;
  }

  get url(): string {
    return this.opts.urls[this.urlIndex % this.opts.urls.length]!;
  }

  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    void this.open();
  }

  stop(): void {
    this.wanted = false;
    clearTimeout(this.timer);
    this.drop();
    this.setStatus('offline');
  }

  /** Drops the connection now and reconnects (used when a sync or an ack shows it is unusable). */
  restart(): void {
    if (!this.wanted) return;
    this.drop();
    this.retryLater(false);
  }

  private async open(): Promise<void> {
    if (!this.wanted) return;
    this.setStatus('connecting');
    let token: string | undefined;
    try {
      token = await this.opts.session.accessToken();
    } catch {
      return this.retryLater(true); // the refresh could not reach the server
    }
    if (!this.wanted) return;
    if (!token) return this.refuse(new ParleyError({ code: 'auth.unauthorized', detail: 'not signed in' }));
    const socket: ClientSocket = io(this.url, {
      auth: { token, echo: true },
      transports: this.opts.transports,
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    socket.onAny((type: string, payload: unknown) => this.opts.onEvent(type, payload));
    socket.on('connect', () => void this.connected(socket));
    socket.on('connect_error', (err) => void this.connectFailed(socket, token, err));
    socket.on('disconnect', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.retryLater(false);
    });
  }

  private async connected(socket: ClientSocket): Promise<void> {
    try {
      await this.opts.onConnect(socket);
    } catch {
      if (this.socket === socket) this.restart();
      return;
    }
    if (this.socket !== socket || !socket.connected) return;
    this.failures = 0;
    this.setStatus('online');
  }

  private async connectFailed(socket: ClientSocket, token: string, err: Error & { data?: { code?: string } }): Promise<void> {
    if (this.socket !== socket) return;
    this.socket = undefined;
    socket.close();
    const code = err.data?.code ?? err.message;
    if (code === 'auth.token_expired') {
      const fresh = await this.opts.session.refreshed(token).catch(() => undefined);
      if (fresh) return void this.open();
    }
    if (REFUSED.has(code)) return this.refuse(new ParleyError({ code, detail: 'the server refused the session' }));
    this.retryLater(true);
  }

  private retryLater(failed: boolean): void {
    if (!this.wanted) return;
    clearTimeout(this.timer);
    this.setStatus('connecting');
    // After a failure, try the next node; a dropped connection first tries the same one again.
    if (failed) this.urlIndex++;
    const delay = Math.min(MAX_DELAY_MS, 250 * 2 ** this.failures++) * (0.5 + Math.random() / 2);
    this.timer = setTimeout(() => void this.open(), delay);
  }

  private refuse(err: ParleyError): void {
    this.stop();
    this.opts.onRefused(err);
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.opts.onStatus(status);
  }
}

/** Emits a client event and waits for its ack: the ack's data, or a ParleyError (`ack.timeout` when none came). */
export async function request<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs: number,
): Promise<Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>> {
  type Reply = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
  let reply: Reply;
  try {
    reply = await (socket.timeout(timeoutMs) as unknown as { emitWithAck(e: E, p: unknown): Promise<Reply> }).emitWithAck(event, payload);
  } catch {
    throw new ParleyError({ code: 'ack.timeout', detail: `no ack for ${event} within ${timeoutMs} ms` });
  }
  if (!reply.ok) throw new ParleyError({ code: reply.error.code, detail: reply.error.message, retryAfterSeconds: reply.error.retryAfter });
  return reply as Extract<Reply, { ok: true }>;
}
