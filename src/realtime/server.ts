import type { Server as HttpServer } from 'node:http';
import { sql } from 'drizzle-orm';
import { clientEventSchemas, type ClientEventName, type ClientEventSchemas, type ParsedPayload } from '@parley/protocol';
import { Server } from 'socket.io';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { rows } from '../db/connect.js';
import { assertSessionActive } from '../features/auth/sessions.js';
import { ackError, fail } from '../lib/errors.js';
import { toAppError } from '../lib/httpErrors.js';
import { FixedWindow, RateLimited, retryAfterSeconds } from '../lib/rateLimit.js';
import { parseInput } from '../lib/validation.js';
import { dropCallsOf } from './calls.js';
import { clientEventHandlers } from './handlers.js';
import type { ParleyServer, ParleySocket, SocketData } from './types.js';
import { toMarked, type Marked, type MarkedRow, type PresenceAnnouncer } from './presence/announce.js';
import type { Presence } from './presence/presence.js';
import { conversationRoom, sessionRoom, userRoom } from './rooms.js';
import { SocketCap } from './socketCap.js';

export function createSocketServer(
  httpServer: HttpServer,
  opts: { corsOrigins: string[] | boolean; maxPayloadBytes: number },
): ParleyServer {
  return new Server(httpServer, {
    // No credentials: the token travels in the handshake's auth payload, not in cookies.
    cors: { origin: opts.corsOrigins },
    // Room for a 1 MB string plus framing, so an oversized field gets a validation ack, not a dropped connection.
    maxHttpBufferSize: opts.maxPayloadBytes,
    perMessageDeflate: false,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
}

export interface SocketDrain {
  /**
   * For shutdown: refuses new events (service.unavailable), lets in-flight ones finish and ack,
   * then closes every socket's transport so clients reconnect (to another node), and waits for
   * their disconnect handling.
   */
  drain(timeoutMs: number): Promise<void>;
}

/** What the socket layer needs besides the context: presence and how far this node's emitter has got. */
export interface LiveState {
  presence: Presence;
  announcer: PresenceAnnouncer;
  /** How many room joins and leaves this node's emitter has applied (rooms are joined from a snapshot none of them is missing from). */
  roomMoves(): number;
}

/** Validates an event's payload (the protocol's schema), waits until the socket may act, runs its handler. */
type Dispatcher = (ctx: AppContext, socket: ParleySocket, payload: unknown, ready: () => Promise<void>) => Promise<object>;
type Handlers = Map<string, Dispatcher>;

function dispatcher<E extends ClientEventName>(schemas: ClientEventSchemas, event: E): Dispatcher {
  // The same E on both sides; TypeScript cannot correlate two lookups by one generic key (TypeScript#30581).
  const schema = schemas[event].payload as z.ZodType as z.ZodType<ParsedPayload<E>>;
  const handler = clientEventHandlers[event];
  return async (ctx, socket, payload, ready) => {
    const input = parseInput(schema, payload);
    await ready();
    return handler(ctx, socket, input);
  };
}

function dispatchers(ctx: AppContext): Handlers {
  const schemas = clientEventSchemas({ messageMaxLength: ctx.config.MESSAGE_MAX_LENGTH });
  return new Map((Object.keys(schemas) as ClientEventName[]).map((event) => [event, dispatcher(schemas, event)]));
}

/** Handshake auth, rooms, presence and the client event handlers. */
export function installSocketHandlers(io: ParleyServer, ctx: AppContext, live: LiveState): SocketDrain {
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  const state = { refusing: false };
  io.use(authenticateHandshake(ctx, new SocketCap(ctx.config.MAX_SOCKETS_PER_USER)));
  const handlers = dispatchers(ctx);
  io.on('connection', (socket) => onConnection(ctx, live, socket, { handlers, track, state }));

  const settled = (timeoutMs: number) =>
    Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  return {
    async drain(timeoutMs) {
      state.refusing = true;
      // socket.io dispatches an event on the tick after reading it: let those already read get their answer.
      await new Promise((r) => setTimeout(r, 50));
      await settled(timeoutMs);
      // A transport close (not a server disconnect) makes socket.io clients reconnect by themselves.
      for (const socket of io.of('/').sockets.values()) socket.conn.close();
      await settled(timeoutMs);
    },
  };
}

/** Socket.IO ignores a middleware's promise: every path ends the handshake through next. */
function authenticateHandshake(ctx: AppContext, sockets: SocketCap) {
  return (socket: ParleySocket, next: (err?: Error) => void) =>
    void (async () => {
      try {
        const { token, echo } = (socket.handshake.auth ?? {}) as { token?: unknown; echo?: unknown };
        if (typeof token !== 'string' || token === '') throw fail('auth.unauthorized', 'missing auth.token');
        const claims = await ctx.tokens.verify(token);
        await assertSessionActive(ctx, claims.sessionId, claims.userId);
        sockets.admit(socket, claims.userId); // last: only a socket that will connect is counted
        socket.data = { userId: claims.userId, sessionId: claims.sessionId, echo: echo === true } satisfies SocketData;
        next();
      } catch (err) {
        const appErr = toAppError(err);
        // The connect_error's message is the code; `data` carries the same fields as an error ack.
        next(Object.assign(new Error(appErr.code), { data: { code: appErr.code, message: appErr.message } }));
      }
    })();
}

interface Dispatch {
  handlers: Handlers;
  track(p: Promise<unknown>): void;
  state: { refusing: boolean };
}

const FORGOTTEN_HANDSHAKE: ParleySocket['handshake'] = Object.freeze({
  headers: Object.freeze({}),
  query: Object.freeze({}),
  auth: Object.freeze({}),
  time: '',
  address: '',
  xdomain: false,
  secure: false,
  issued: 0,
  url: '',
});

function onConnection(ctx: AppContext, live: LiveState, socket: ParleySocket, dispatch: Dispatch): void {
  // An idle socket costs memory at scale: let the handshake's HTTP request go, and keep one
  // listener per socket (not one per event) and no flood counter until it sends something.
  socket.conn.request = null as never;
  // The handshake is kept for the socket's lifetime too; nothing reads it again (its headers,
  // query, token, address, time): every socket shares one empty one.
  (socket as { handshake: ParleySocket['handshake'] }).handshake = FORGOTTEN_HANDSHAKE;
  let flood: FixedWindow | undefined;
  // Events are handled once the socket is in its rooms: a `typing` or a `conversation:leave`
  // sent right after connecting must not run before the join it depends on.
  const joined = joinRooms(ctx, live, socket);
  let joining: Promise<void> | undefined = joined
    .then(
      () => {},
      (err) => {
        ctx.log.error({ err }, 'joining rooms failed');
        socket.disconnect(true);
      },
    )
    .finally(() => (joining = undefined));
  // Presence runs beside the socket, never in front of it: with Redis away its commands wait
  // out their timeout, and the socket can act meanwhile (it catches up when Redis returns).
  const online = joined
    .then((marked) => marked && goOnline(live, socket, marked))
    .catch((err) => ctx.log.warn({ err }, 'presence update failed'));
  socket.onAny((event: string, ...args: unknown[]) => {
    const handler = dispatch.handlers.get(event);
    if (!handler) return; // unknown events are ignored, so their acks never arrive
    // The ack is always the last argument (socket.io puts it there), whatever came before it.
    const reply = typeof args.at(-1) === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
    const run = async () => {
      if (dispatch.state.refusing) throw fail('service.unavailable', 'this node is shutting down: reconnect');
      // A flood of events from one socket is refused before any work is done for it.
      if (ctx.limits.enabled) {
        const allowed = (flood ??= new FixedWindow(ctx.config.RATE_LIMIT_SOCKET_EVENTS)).hit();
        if (!allowed.ok) throw new RateLimited(retryAfterSeconds(allowed.retryAfterMs), 'too many events on this connection');
      }
      return handler(ctx, socket, args[0], async () => {
        if (joining) await joining;
      });
    };
    dispatch.track(
      run().then(
        (data) => reply?.({ ok: true, ...data }),
        (err) => {
          const appErr = toAppError(err);
          if (appErr.status >= 500) ctx.log.error({ err, event }, 'socket handler failed');
          reply?.(ackError(appErr));
        },
      ),
    );
  });
  socket.on('disconnect', () => {
    if (socket.data.calls?.length) dispatch.track(dropCallsOf(ctx, socket));
    // After goOnline has finished, so the socket it recorded is the one forgotten.
    dispatch.track(online.then(() => goOffline(live, socket)).catch((err) => ctx.log.warn({ err }, 'presence update failed')));
  });
}

/**
 * Joins the user's rooms from a membership snapshot that holds every room move the emitter has
 * applied, so a membership change is never missed between reading and joining: the socket is in
 * its user room first, so moves emitted after the snapshot reach it; one emitted while the
 * snapshot was read may be missing from it, so it is read again. (Everything emitted before has
 * committed before the snapshot was taken.) The same statement saves the user's lastActive and
 * reads whom to tell they came online.
 * Returns that (nothing if the socket is gone).
 */
async function joinRooms(ctx: AppContext, live: LiveState, socket: ParleySocket): Promise<Marked | undefined> {
  const { userId } = socket.data;
  await socket.join([userRoom(userId), sessionRoom(socket.data.sessionId)]);
  for (;;) {
    const moves = live.roomMoves();
    const [snapshot] = await rows<{ ids: string[] | null } & Partial<MarkedRow>>(
      ctx.db,
      sql`with marked as (${live.announcer.markActive(userId, new Date())})
          select (select array_agg(conversation_id::text) from members where user_id = ${userId}) as ids, marked.*
          from (select 1) one left join marked on true`,
    );
    if (live.roomMoves() !== moves) continue;
    if (!socket.connected) return undefined;
    await socket.join((snapshot!.ids ?? []).map(conversationRoom));
    return snapshot!.online ? toMarked(snapshot as MarkedRow) : { online: 'nobody', lastSeen: 'nobody', audience: [], blocked: [] };
  }
}

/** Records the socket in presence; the user's first socket anywhere makes them come online. */
async function goOnline(live: LiveState, socket: ParleySocket, marked: Marked): Promise<void> {
  const { userId } = socket.data;
  const first = await live.presence.connect(userId, socket.id);
  // It went while presence was recorded: its disconnect handler (which waits for this) undoes it.
  if (first && socket.connected) await live.announcer.online(userId, marked);
}

async function goOffline(live: LiveState, socket: ParleySocket): Promise<void> {
  const { userId } = socket.data;
  if (await live.presence.disconnect(userId, socket.id)) await live.announcer.offline(userId);
}
