import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, Node, OwnPostgres, postgresBin } from './helpers/cluster.js';
import { toAppError } from '../src/lib/httpErrors.js';
import { emit, settle } from './helpers/server.js';

// Real processes under real faults: the PostgreSQL project only.
const onPostgres = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

const baseEnv = {
  EMITTER_POLL_MS: '200',
  RATE_LIMIT_REGISTER_PER_IP: '100000/1h',
  RATE_LIMITS: 'off',
  SHUTDOWN_GRACE_MS: '3000',
};

/**
 * A device sending one message after another, each retried with its clientMessageId until
 * acked (as a client should). Every refusal's code is kept; an ack that never comes is `no-ack`.
 */
class Sender {
  readonly acked: { id: string; clientMessageId: string }[] = [];
  readonly refusals: string[] = [];
  private stopping = false;
  private done: Promise<void> | undefined;
  constructor(
    readonly socket: Socket,
    readonly conversationId: string,
    readonly tag: string,
    private readonly opts: { ackTimeoutMs: number; pauseMs: number } = { ackTimeoutMs: 8000, pauseMs: 20 },
  ) {}

  start(): this {
    this.done = this.run();
    return this;
  }

  /** Finishes the message in flight (until it is acked), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.done;
  }

  private async run(): Promise<void> {
    for (let i = 0; !this.stopping; i++) {
      const clientMessageId = `${this.tag}-${i}`;
      for (;;) {
        if (!this.socket.connected) {
          this.refusals.push('disconnected');
          return;
        }
        const ack = await emit(
          this.socket,
          'message:send',
          { conversationId: this.conversationId, text: clientMessageId, clientMessageId },
          this.opts.ackTimeoutMs,
        ).catch(() => undefined);
        if (ack?.ok) {
          this.acked.push({ id: ack.message.id, clientMessageId });
          break;
        }
        this.refusals.push(ack?.error?.code ?? 'no-ack');
        await settle(100);
      }
      await settle(this.opts.pauseMs);
    }
  }
}

/** Every message:new the user's stream holds, per conversation, in order. */
async function syncedMessages(s: Socket): Promise<Map<string, { id: string; clientMessageId: string }[]>> {
  const byChat = new Map<string, { id: string; clientMessageId: string }[]>();
  let cursor = 0;
  for (;;) {
    const page = await emit(s, 'sync:request', { cursor, limit: 1000 });
    for (const e of page.events) {
      if (e.type !== 'message:new') continue;
      const m = e.payload.message;
      byChat.set(m.conversationId, [...(byChat.get(m.conversationId) ?? []), { id: m.id, clientMessageId: m.clientMessageId }]);
    }
    cursor = page.cursor;
    if (!page.hasMore) return byChat;
  }
}

describe.skipIf(!onPostgres || !postgresBin())('a PostgreSQL restart in the middle of traffic', () => {
  let pgsrv: OwnPostgres;
  let nodes: Node[] = [];
  const sockets: Socket[] = [];
  let reader: { id: string; token: string };
  let senders: { user: { id: string; token: string }; node: Node; chat: string }[] = [];

  beforeAll(async () => {
    pgsrv = await OwnPostgres.start();
    const db = await freshDatabase(pgsrv.url);
    const env = { ...baseEnv, DATABASE_URL: db.url };
    const first = await Node.start(env);
    nodes = [first, await Node.start(env)];
    reader = await nodes[0]!.register('Reader');
    senders = [];
    for (let i = 0; i < 4; i++) {
      const node = nodes[i % 2]!;
      const user = await node.register(`Sender ${i}`);
      const chat = (await node.api('POST', '/conversations', { token: user.token, body: { userId: reader.id } })).body.conversation.id;
      senders.push({ user, node, chat });
    }
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(nodes.map((n) => n.stop()));
    await pgsrv?.destroy();
  });

  const startTraffic = async (round: string) => {
    const list: Sender[] = [];
    for (const [i, s] of senders.entries()) {
      const socket = await s.node.socket(s.user.token);
      sockets.push(socket);
      list.push(new Sender(socket, s.chat, `${round}-${i}`).start());
    }
    return list;
  };

  const expectNodesUp = () => expect(nodes.map((n) => (n.exited ? `exited:\n${n.output.slice(-3000)}` : 'up'))).toEqual(['up', 'up']);

  /** No node died, every refusal was the retryable one, and every acked message is stored once, in order. */
  const expectNothingLost = async (traffic: Sender[]) => {
    expectNodesUp();
    await Promise.all(traffic.map((t) => t.stop()));
    for (const t of traffic) expect(t.refusals.filter((c) => c !== 'service.unavailable')).toEqual([]);
    const s = await nodes[1]!.socket(reader.token);
    sockets.push(s);
    const stored = await syncedMessages(s);
    for (const t of traffic) {
      const mine = (stored.get(t.conversationId) ?? []).filter((m) => m.clientMessageId.startsWith(`${t.tag}-`));
      expect(t.acked.length).toBeGreaterThan(0);
      expect(mine).toEqual(t.acked);
    }
  };

  it('rides out `pg_ctl restart -m fast`: no node exits, sends resume by themselves, no acked message is lost', async () => {
    const traffic = await startTraffic('restart');
    await settle(1500);
    await pgsrv.ctl('restart');
    await settle(1500);
    expectNodesUp();
    // Sends succeed again without restarting Parley.
    const before = traffic.map((t) => t.acked.length);
    await settle(1500);
    expect(traffic.map((t, i) => t.acked.length > before[i]!)).toEqual(traffic.map(() => true));
    await expectNothingLost(traffic);
  }, 60_000);

  it('answers service.unavailable (503 over REST, a retryable ack over sockets) while the database is down; then recovers', async () => {
    const traffic = await startTraffic('outage');
    await settle(1000);
    await pgsrv.ctl('stop');
    expectNodesUp();
    for (const node of nodes) {
      const i = senders.findIndex((x) => x.node === node);
      const rest = await node.api('GET', '/conversations', { token: senders[i]!.user.token });
      expect({ status: rest.status, code: rest.body?.code }).toEqual({ status: 503, code: 'service.unavailable' });
      expect(rest.headers.get('retry-after')).toBe('1');
      const ack = await emit(traffic[i]!.socket, 'message:send', {
        conversationId: senders[i]!.chat,
        text: 'while down',
        clientMessageId: `down-${i}`,
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'service.unavailable' } });
    }
    await settle(1000);
    await pgsrv.ctl('start');
    const before = traffic.map((t) => t.acked.length);
    const end = Date.now() + 15_000;
    while (traffic.some((t, i) => t.acked.length <= before[i]!) && Date.now() < end) await settle(200);
    expect(traffic.map((t, i) => t.acked.length > before[i]!)).toEqual(traffic.map(() => true));
    // The traffic saw the outage, and was told to retry.
    expect(traffic.flatMap((t) => t.refusals)).toContain('service.unavailable');
    await expectNothingLost(traffic);
  }, 60_000);
});

describe.skipIf(!onPostgres)('a node frozen inside a send transaction (SIGSTOP)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let a: Node;
  let b: Node;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    // Each node names its sessions, so the test can see which backend is whose.
    const named = (name: string) => {
      const u = new URL(db.url);
      u.searchParams.set('application_name', name);
      return u.toString();
    };
    // Long enough that the frozen transaction stays open all the test: the other node's writes must not wait for it at all.
    const env = { ...baseEnv, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: '600', DATABASE_LOCK_TIMEOUT_SECONDS: '5', SEND_PARALLEL: '4' };
    a = await Node.start({ ...env, DATABASE_URL: named('parley-a') });
    b = await Node.start({ ...env, DATABASE_URL: named('parley-b') });
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    if (a && !a.exited) a.thaw();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  const idleInTransaction = async (app: string): Promise<number> => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const r = await c.query(
        `select count(*)::int as n from pg_stat_activity where application_name = $1 and state like 'idle in transaction%'`,
        [app],
      );
      return r.rows[0].n;
    } finally {
      await c.end();
    }
  };

  it("does not stop the other node's writes at all; once it wakes, nothing acked is lost or duplicated", async () => {
    // x on node A sends non-stop to y on node B; u and w, both on B, have chats of their own.
    const pairs: { chat: string; x: Socket; y: Socket }[] = [];
    const onB: { chat: string; u: Socket; heard: { eventId: number; clientMessageId: string }[] }[] = [];
    for (let i = 0; i < 6; i++) {
      const x = await a.register(`On A ${i}`);
      const y = await b.register(`On B ${i}`);
      const chat = (await a.api('POST', '/conversations', { token: x.token, body: { userId: y.id } })).body.conversation.id;
      const [sx, sy] = [await a.socket(x.token), await b.socket(y.token)];
      sockets.push(sx, sy);
      pairs.push({ chat, x: sx, y: sy });
      const u = await b.register(`U on B ${i}`);
      const w = await b.register(`W on B ${i}`);
      const own = (await b.api('POST', '/conversations', { token: u.token, body: { userId: w.id } })).body.conversation.id;
      const heard: { eventId: number; clientMessageId: string }[] = [];
      const sw = await b.socket(w.token, (s) =>
        s.on('message:new', (e: { eventId: number; message: { clientMessageId: string } }) =>
          heard.push({ eventId: e.eventId, clientMessageId: e.message.clientMessageId }),
        ),
      );
      const su = await b.socket(u.token);
      sockets.push(sw, su);
      onB.push({ chat: own, u: su, heard });
    }
    // Acks wait longer than the freeze: the frozen node's in-flight sends answer when it wakes.
    const load = pairs.map((p, i) => new Sender(p.x, p.chat, `a${i}`, { ackTimeoutMs: 60_000, pauseMs: 0 }).start());
    await settle(1000);

    // Freeze A until one of its sessions is caught idle in transaction, holding its locks and its event ids.
    let caught = false;
    for (let attempt = 0; attempt < 30 && !caught; attempt++) {
      a.freeze();
      await settle(150);
      caught = (await idleInTransaction('parley-a')) > 0;
      if (!caught) {
        a.thaw();
        await settle(100 + Math.random() * 200);
      }
    }
    expect(caught).toBe(true);

    // Node B acks sends in each of its chats, one after another, while A's transaction is still open.
    const perChat = 10;
    const sentOnB = await Promise.all(
      onB.map(async (c, i) => {
        const acked: string[] = [];
        for (let k = 0; k < perChat; k++) {
          const clientMessageId = `b${i}-${k}`;
          const ack = await emit(c.u, 'message:send', { conversationId: c.chat, text: 'from B', clientMessageId }, 60_000);
          expect(ack).toMatchObject({ ok: true });
          acked.push(clientMessageId);
        }
        return acked;
      }),
    );
    // A never woke meanwhile: none of those writes waited for its transaction.
    expect(await idleInTransaction('parley-a')).toBeGreaterThan(0);

    a.thaw();
    // A serves again: every sender on it gets acks again.
    const before = load.map((t) => t.acked.length);
    const end = Date.now() + 30_000;
    while (load.some((t, i) => t.acked.length <= before[i]!) && Date.now() < end) await settle(200);
    expect(load.map((t, i) => t.acked.length > before[i]!)).toEqual(load.map(() => true));
    await Promise.all(load.map((t) => t.stop()));
    expect([a.exited, b.exited]).toEqual([false, false]);
    // Its transaction was never cut off: no send was refused.
    expect(load.flatMap((t) => t.refusals)).toEqual([]);

    // Every acked message is stored exactly once, in order, retries included.
    for (const [i, p] of pairs.entries()) {
      const stored = (await syncedMessages(p.y)).get(p.chat) ?? [];
      expect(stored.filter((m) => m.clientMessageId.startsWith(`a${i}-`))).toEqual(load[i]!.acked);
    }
    // B's messages reached their live receivers once each, in eventId order (held back while A's ids were in flight).
    const endLive = Date.now() + 30_000;
    while (onB.some((c) => c.heard.length < perChat) && Date.now() < endLive) await settle(100);
    for (const [i, c] of onB.entries()) {
      expect(c.heard.map((h) => h.clientMessageId)).toEqual(sentOnB[i]);
      const ids = c.heard.map((h) => h.eventId);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
    }
  }, 180_000);
});

describe('errors that mean the database is away', () => {
  it('map to a retryable service.unavailable, wrapped or not; other database errors stay internal', () => {
    const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
    const away = [
      pgError('57P01'), // admin_shutdown (a restart, pg_terminate_backend)
      pgError('57P02'),
      pgError('57P03'),
      pgError('08006'), // connection_failure
      pgError('08003'),
      pgError('53300'), // too_many_connections
      pgError('57014'), // statement_timeout
      pgError('55P03'), // lock_timeout
      pgError('25P03'), // idle_in_transaction_session_timeout
      pgError('ECONNREFUSED'),
      pgError('ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      // Drizzle wraps the driver's error in its own (`cause`); Node wraps refused connections in an AggregateError.
      Object.assign(new Error('Failed query: select 1'), { cause: pgError('57P01') }),
      Object.assign(new AggregateError([pgError('ECONNREFUSED')], 'connect failed')),
    ];
    expect(away.map((e) => toAppError(e).code)).toEqual(away.map(() => 'service.unavailable'));
    expect(toAppError(pgError('57P01')).status).toBe(503);
    expect(toAppError(pgError('42P01')).code).toBe('internal'); // undefined_table: a bug, not an outage
    expect(toAppError(new Error('boom')).code).toBe('internal');
  });
});
