import type { Server as HttpServer } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import { Server } from 'socket.io';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { rows } from '../db/connect.js';
import { users } from '../db/schema.js';
import { assertSessionActive } from '../features/auth/sessions.js';
import { blockRelations } from '../features/users/blocks.js';
import { ackError, fail } from '../lib/errors.js';
import { toAppError } from '../lib/httpErrors.js';
import { FixedWindow, RateLimited, retryAfterSeconds } from '../lib/rateLimit.js';
import { parseInput } from '../lib/validation.js';
import { clientEvents, type ParleySocket, type SocketData } from './handlers.js';
import { conversationRoom, sessionRoom, userRoom } from './rooms.js';
import { SocketCap } from './socketCap.js';

export function createSocketServer(httpServer: HttpServer, opts: { corsOrigins: string[] | boolean; maxPayloadBytes: number }) {
  return new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
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

/** Handshake auth, rooms, presence and the client event handlers. */
export function installSocketHandlers(io: Server, ctx: AppContext): SocketDrain {
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  let refusing = false;
  const sockets = new SocketCap(ctx.config.MAX_SOCKETS_PER_USER);

  // Socket.IO ignores a middleware's promise; every path below ends the handshake through next.
  io.use(
    (socket, next) =>
      void (async () => {
        try {
          const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
          if (typeof token !== 'string' || token === '') throw fail('auth.unauthorized', 'missing auth.token');
          const claims = await ctx.tokens.verify(token);
          await assertSessionActive(ctx, claims.sessionId, claims.userId);
          sockets.admit(socket, claims.userId); // last: only a socket that will connect is counted
          socket.data = { userId: claims.userId, sessionId: claims.sessionId };
          next();
        } catch (err) {
          const appErr = toAppError(err);
          // The connect_error's message is the code; `data` carries the same fields as an error ack.
          next(Object.assign(new Error(appErr.code), { data: { code: appErr.code, message: appErr.message } }));
        }
      })(),
  );

  const handlers = new Map(Object.entries(clientEvents(ctx)));

  io.on('connection', (raw) => {
    const socket = raw as unknown as ParleySocket;
    // An idle socket costs memory at scale: let the handshake's HTTP request go, and keep one
    // listener per socket (not one per event) and no flood counter until it sends something.
    socket.conn.request = null as never;
    let flood: FixedWindow | undefined;
    // Events are handled once the socket is in its rooms: a `typing` or a `conversation:leave`
    // sent right after connecting must not run before the join it depends on.
    const joined = joinRooms(ctx, socket);
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
      .then((told) => told && goOnline(ctx, io, socket, told))
      .catch((err) => ctx.log.warn({ err }, 'presence update failed'));
    socket.onAny((event: string, ...args: unknown[]) => {
      const h = handlers.get(event);
      if (!h) return; // unknown events are ignored, so their acks never arrive
      // The ack is always the last argument (socket.io puts it there), whatever came before it.
      const reply = typeof args.at(-1) === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
      const payload = args[0];
      track(
        (async () => {
          try {
            if (refusing) throw fail('service.unavailable', 'this node is shutting down: reconnect');
            // A flood of events from one socket is refused before any work is done for it.
            if (ctx.limits.enabled) {
              const allowed = (flood ??= new FixedWindow(ctx.config.RATE_LIMIT_SOCKET_EVENTS)).hit();
              if (!allowed.ok) throw new RateLimited(retryAfterSeconds(allowed.retryAfterMs), 'too many events on this connection');
            }
            const input = parseInput(h.schema as z.ZodType, payload);
            if (joining) await joining;
            const data = await (h.run as (c: AppContext, s: ParleySocket, i: unknown) => Promise<Record<string, unknown>>)(
              ctx,
              socket,
              input,
            );
            reply?.({ ok: true, ...data });
          } catch (err) {
            const appErr = toAppError(err);
            if (appErr.status >= 500) ctx.log.error({ err, event }, 'socket handler failed');
            reply?.(ackError(appErr));
          }
        })(),
      );
    });
    socket.on('disconnect', () => {
      // After goOnline has finished, so the socket it recorded is the one forgotten.
      track(online.then(() => goOffline(ctx, io, socket)).catch((err) => ctx.log.warn({ err }, 'presence update failed')));
    });
  });

  const settled = (timeoutMs: number) =>
    Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  return {
    async drain(timeoutMs) {
      refusing = true;
      // socket.io dispatches an event on the tick after reading it: let those already read get their answer.
      await new Promise((r) => setTimeout(r, 50));
      await settled(timeoutMs);
      // A transport close (not a server disconnect) makes socket.io clients reconnect by themselves.
      for (const socket of io.of('/').sockets.values()) socket.conn.close();
      await settled(timeoutMs);
    },
  };
}

/**
 * Joins the user's rooms from a membership snapshot no older than what the emitter has
 * already applied, so a membership change is never missed between reading and joining.
 * Returns the conversations to tell when the user comes online (none if the socket is gone).
 */
async function joinRooms(ctx: AppContext, socket: ParleySocket): Promise<string[] | undefined> {
  const { userId } = socket.data;
  await socket.join([userRoom(userId), sessionRoom(socket.data.sessionId)]);
  for (;;) {
    const snapshot = await rows<{ head: number; ids: string[] | null; told: string[] | null }>(
      ctx.db,
      sql`select (select last_id from event_head where id = 1) as head,
                 (select array_agg(conversation_id::text) from members where user_id = ${userId}) as ids,
                 (select array_agg(id::text) from (${presenceConversations(ctx, userId)}) p) as told`,
    );
    const { head, ids, told } = snapshot[0]!;
    if (Number(head) < ctx.emitter.position) continue;
    if (!socket.connected) return undefined;
    await socket.join((ids ?? []).map(conversationRoom));
    return told ?? [];
  }
}

/** Records the socket in presence; the user's first socket anywhere makes them come online. */
async function goOnline(ctx: AppContext, io: Server, socket: ParleySocket, told: string[]): Promise<void> {
  const { userId } = socket.data;
  const first = await ctx.presence.connect(userId, socket.id);
  // It went while presence was recorded: its disconnect handler (which waits for this) undoes it.
  if (first && socket.connected) await tellOnline(ctx, io, userId, told);
}

/** The user's first socket anywhere: save lastActive and tell who may know (`told`: from `presenceConversations`). */
async function tellOnline(ctx: AppContext, io: Server, userId: string, told: string[]): Promise<void> {
  await ctx.db.update(users).set({ lastActive: new Date() }).where(eq(users.id, userId));
  if (told.length)
    io.to(told.map(conversationRoom))
      .except(await presenceHiddenFrom(ctx, userId))
      .emit('user:online', { userId });
}

/** Presence learned late (Redis was away when the user connected) that this is the user's first socket. */
export async function announceOnline(ctx: AppContext, io: Server, userId: string): Promise<void> {
  const told = await rows<{ id: string }>(ctx.db, presenceConversations(ctx, userId));
  await tellOnline(
    ctx,
    io,
    userId,
    told.map((r) => r.id),
  );
}

async function goOffline(ctx: AppContext, io: Server, socket: ParleySocket): Promise<void> {
  const { userId } = socket.data;
  if (await ctx.presence.disconnect(userId, socket.id)) await announceOffline(ctx, io, userId);
}

/** The user's last socket anywhere is gone: save lastActive and tell who may know. */
export async function announceOffline(ctx: AppContext, io: Server, userId: string): Promise<void> {
  const lastActive = new Date();
  await ctx.db.update(users).set({ lastActive }).where(eq(users.id, userId));
  const told = await rows<{ id: string }>(ctx.db, presenceConversations(ctx, userId));
  if (told.length) {
    io.to(told.map((r) => conversationRoom(r.id)))
      .except(await presenceHiddenFrom(ctx, userId))
      .emit('user:offline', { userId, lastActive: lastActive.toISOString() });
  }
}

/**
 * Where a user's online / offline is announced: their direct chats and their groups of at most
 * PRESENCE_GROUP_MAX_MEMBERS. In a bigger group every member's connect would be a write to
 * every other member's sockets (a mass reconnect of n members: n² writes); its members ask with
 * `presence:query` for the people they look at.
 */
const presenceConversations = (ctx: AppContext, userId: string) => {
  const max = ctx.config.PRESENCE_GROUP_MAX_MEMBERS;
  // Counting stops past the limit: a big group costs max + 1 index entries, not its size.
  return sql`select m.conversation_id as id from members m join conversations c on c.id = m.conversation_id
      where m.user_id = ${userId}
        and (c.type = 'direct' or (select count(*) from (select 1 from members o where o.conversation_id = c.id limit ${max + 1}) x) <= ${max})`;
};

/** The user's own sockets and everyone in a block relation with them (presence is hidden both ways). */
async function presenceHiddenFrom(ctx: AppContext, userId: string): Promise<string[]> {
  return [userId, ...(await blockRelations(ctx.db, userId))].map(userRoom);
}
