/**
 * A load-generator process (forked by bench/workers.ts). It holds groups of client sockets and
 * runs what the orchestrator asks over IPC; several of them spread the client side of the load
 * over processes (file descriptors, and CPU when one process is the bottleneck).
 */
import type { Socket } from 'socket.io-client';
import { runPairs, type PairsArgs } from './pairs.js';
import { connectSocket, emitAck, makeSocket, syncFrom } from './sockets.js';
import { Histogram, mapLimit, now, sleep } from './stats.js';

interface Client {
  socket: Socket;
  conversationIds: string[];
  cursor?: number;
}

interface Group {
  clients: Client[];
  /** message text → receive latencies (ms), for texts that start with the listened prefix. */
  received: Map<string, number[]>;
  prefix?: string;
}

const groups = new Map<string, Group>();
const group = (name: string): Group => {
  let g = groups.get(name);
  if (!g) groups.set(name, (g = { clients: [], received: new Map() }));
  return g;
};

export interface OpenArgs {
  group: string;
  url: string;
  clients: { token: string; conversationIds?: string[] }[];
  concurrency: number;
  localAddresses: string[];
  reconnection?: boolean;
  /** One presence:query round trip per socket after connecting, so its rooms are joined. */
  roundTrip?: boolean;
}

/** Texts look like `<prefix>…:<send time>`: the receiver's latency is its clock minus that. */
function listen(g: Group, c: Client): void {
  c.socket.on('message:new', (p: { message?: { text?: string } }) => {
    const text = p?.message?.text;
    if (!g.prefix || !text?.startsWith(g.prefix)) return;
    const latency = now() - Number(text.slice(text.lastIndexOf(':') + 1));
    let list = g.received.get(text);
    if (!list) g.received.set(text, (list = []));
    list.push(latency);
  });
}

const ops: Record<string, (args: any) => Promise<unknown>> = {
  async pairs(args: PairsArgs) {
    return runPairs(args);
  },

  /** Connects more clients into a group (appends). */
  async open(args: OpenArgs) {
    const g = group(args.group);
    const base = g.clients.length;
    const fresh: Client[] = args.clients.map((c, i) => ({
      socket: makeSocket(args.url, {
        auth: { token: c.token },
        reconnection: args.reconnection,
        localAddress: args.localAddresses.length ? args.localAddresses[(base + i) % args.localAddresses.length] : undefined,
      }),
      conversationIds: c.conversationIds ?? [],
    }));
    for (const c of fresh) listen(g, c);
    g.clients.push(...fresh);
    const hist = new Histogram();
    const errors: Record<string, number> = {};
    let failed = 0;
    const start = now();
    await mapLimit(fresh, args.concurrency, async (c) => {
      const t = now();
      try {
        await connectSocket(c.socket);
        hist.record(now() - t);
        if (args.roundTrip) await emitAck(c.socket, 'presence:query', { userIds: ['00000000-0000-7000-8000-000000000000'] });
      } catch (err) {
        failed++;
        const code = (err as Error).message;
        errors[code] = (errors[code] ?? 0) + 1;
      }
    });
    return { connected: fresh.length - failed, failed, errors, ms: now() - start, connectLatency: hist.toJSON() };
  },

  /** Every client pages sync:request from its cursor to the end (no cursor the first time). */
  async sync(args: { group: string; limit?: number; concurrency: number }) {
    const g = group(args.group);
    let events = 0;
    const start = now();
    await mapLimit(g.clients, args.concurrency, async (c) => {
      const r = await syncFrom(c.socket, c.cursor, args.limit);
      c.cursor = r.cursor;
      events += r.events.length;
    });
    return { events, ms: now() - start };
  },

  async drop(args: { group: string }) {
    for (const c of group(args.group).clients) c.socket.disconnect();
    return { dropped: group(args.group).clients.length };
  },

  /**
   * The reconnect storm, from this process: every client of the group reconnects at once and
   * pages sync:request from its cursor until hasMore is false. A client is in sync when that is
   * done; it counts the `message:new` events of its own conversations it got.
   */
  async reconnectSync(args: { group: string; limit?: number; expect: number; start: number; spreadMs: number; timeoutMs: number }) {
    const g = group(args.group);
    while (now() < args.start) await sleep(Math.min(5, args.start - now()));
    const t0 = args.start;
    const doneAt: number[] = [];
    const connectedAt: number[] = [];
    let connectErrors = 0;
    let failed = 0;
    let wrong = 0;
    let events = 0;
    let pages = 0;
    const errors: Record<string, number> = {};
    await Promise.all(
      g.clients.map(async (c) => {
        const onError = () => connectErrors++;
        c.socket.on('connect_error', onError);
        try {
          if (args.spreadMs > 0) await sleep(Math.random() * args.spreadMs);
          await connectSocket(c.socket, args.timeoutMs);
          connectedAt.push(now() - t0);
          const r = await syncFrom(c.socket, c.cursor, args.limit);
          pages += r.pages;
          c.cursor = r.cursor;
          const mine = r.events.filter((e) => e.type === 'message:new' && c.conversationIds.includes(e.payload?.message?.conversationId));
          events += mine.length;
          if (mine.length !== args.expect) wrong++;
          doneAt.push(now() - t0);
        } catch (err) {
          failed++;
          const code = (err as Error).message;
          errors[code] = (errors[code] ?? 0) + 1;
        } finally {
          c.socket.off('connect_error', onError);
        }
      }),
    );
    return { doneAt, connectedAt, connectErrors, failed, errors, wrong, events, pages };
  },

  /** Each client sends `perConversation` messages into each of its conversations, `window` in flight. */
  async sendMany(args: { group: string; perConversation: number; window: number; prefix: string }) {
    const g = group(args.group);
    let acked = 0;
    let errors = 0;
    const start = now();
    await Promise.all(
      g.clients.map(async (c, ci) => {
        const jobs: string[] = [];
        for (const id of c.conversationIds) for (let i = 0; i < args.perConversation; i++) jobs.push(id);
        await mapLimit(jobs, args.window, async (conversationId, i) => {
          const ack = await emitAck<{ ok: boolean }>(c.socket, 'message:send', {
            conversationId,
            text: `${args.prefix} missed message ${i}`,
            clientMessageId: `${args.prefix}-${ci}-${i}`,
          });
          if (ack.ok) acked++;
          else errors++;
        });
      }),
    );
    return { acked, errors, ms: now() - start };
  },

  /** Sends one message from one client of the group; the text carries the send time. */
  async send(args: { group: string; index: number; conversationId: string; key: string }) {
    const c = group(args.group).clients[args.index]!;
    const t = now();
    const ack = await emitAck<{ ok: boolean; error?: { code: string } }>(c.socket, 'message:send', {
      conversationId: args.conversationId,
      text: `${args.key}:${t.toFixed(3)}`,
      clientMessageId: `${args.key.replace(/[^A-Za-z0-9_.:-]/g, '_')}`,
    });
    return { ok: ack.ok, error: ack.error?.code, ackMs: now() - t };
  },

  /** From now on, record receive latencies of message:new whose text starts with `prefix`. */
  async listen(args: { group: string; prefix: string }) {
    const g = group(args.group);
    g.prefix = args.prefix;
    g.received.clear();
    return { listening: g.clients.length };
  },

  /** Waits until every client of the group has received a text starting with `key` (or the timeout). */
  async waitFor(args: { group: string; key: string; timeoutMs: number }) {
    const g = group(args.group);
    const until = now() + args.timeoutMs;
    const count = () => [...g.received.entries()].filter(([k]) => k.startsWith(`${args.key}:`)).reduce((s, [, v]) => s + v.length, 0);
    while (count() < g.clients.length && now() < until) await sleep(5);
    return { received: count(), expected: g.clients.length };
  },

  /** Returns (and forgets) what `listen` recorded: text → latencies. */
  async collect(args: { group: string }) {
    const g = group(args.group);
    const out = Object.fromEntries(g.received);
    g.received.clear();
    g.prefix = undefined;
    return out;
  },

  async close(args: { group: string }) {
    const g = groups.get(args.group);
    if (!g) return { closed: 0 };
    for (const c of g.clients) c.socket.disconnect();
    groups.delete(args.group);
    return { closed: g.clients.length };
  },

  async connected(args: { group: string }) {
    return { connected: group(args.group).clients.filter((c) => c.socket.connected).length };
  },
};

process.on('message', (raw: unknown) => {
  const { id, op, args } = raw as { id: number; op: string; args: unknown };
  const fn = ops[op];
  if (!fn) {
    process.send?.({ id, ok: false, error: `unknown op ${op}` });
    return;
  }
  fn(args).then(
    (result) => process.send?.({ id, ok: true, result }),
    (err: unknown) => process.send?.({ id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
// The orchestrator went away: so does this process.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
