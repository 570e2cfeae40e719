import { exec } from 'node:child_process';
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { connect, type ChannelModel } from 'amqplib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { rows } from '../src/db/connect.js';
import { routingKey } from '../src/export/amqpExporter.js';
import { emit, settle, TestServer, type TestUser } from './helpers/server.js';

/**
 * Event export against a real RabbitMQ (TEST_AMQP_URL; .ci/run starts one). With
 * TEST_AMQP_RESTART_CMD the broker is restarted in the middle of traffic.
 */
const AMQP_URL = process.env.TEST_AMQP_URL;
const RESTART_CMD = process.env.TEST_AMQP_RESTART_CMD;
const run = promisify(exec);

interface Delivery {
  id: number;
  key: string;
  raw: string;
  messageId: unknown;
  deliveryMode: unknown;
  body: { eventId: number; type: string; conversationId: string | null; userId: string | null; payload: any; createdAt: string };
}

/** A consumer on its own durable queue (bound with '#'), that reconnects until closed and acks what it recorded. */
class Consumer {
  readonly deliveries: Delivery[] = [];
  private conn: ChannelModel | undefined;
  private closed = false;
  private reconnecting: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    readonly exchange: string,
    readonly queue: string,
  ) {}

  async open(): Promise<void> {
    const conn = await connect(this.url);
    conn.on('error', () => {});
    conn.on('close', () => {
      if (!this.closed) this.reconnecting ??= this.reconnect();
    });
    const ch = await conn.createChannel();
    ch.on('error', () => {});
    await ch.assertExchange(this.exchange, 'topic', { durable: true });
    await ch.assertQueue(this.queue, { durable: true });
    await ch.bindQueue(this.queue, this.exchange, '#');
    await ch.prefetch(500);
    await ch.consume(this.queue, (m) => {
      if (!m) return;
      const raw = m.content.toString();
      const body = JSON.parse(raw);
      const { messageId, deliveryMode } = m.properties;
      this.deliveries.push({ id: body.eventId, key: m.fields.routingKey, raw, body, messageId, deliveryMode });
      ch.ack(m);
    });
    this.conn = conn;
  }

  private async reconnect(): Promise<void> {
    while (!this.closed) {
      try {
        await this.open();
        break;
      } catch {
        await settle(300);
      }
    }
    this.reconnecting = undefined;
  }

  /** Waits until every one of `ids` has arrived. */
  async waitFor(ids: number[], timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = new Set(this.deliveries.map((d) => d.id));
      const missing = ids.filter((id) => !seen.has(id));
      if (missing.length === 0) return;
      if (Date.now() > deadline) throw new Error(`${missing.length} events never arrived, e.g. ${missing.slice(0, 10).join(', ')}`);
      await settle(100);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.reconnecting;
    const conn = this.conn ?? (await connect(this.url));
    const ch = await conn.createChannel();
    await ch.deleteQueue(this.queue).catch(() => {});
    await ch.deleteExchange(this.exchange).catch(() => {});
    await conn.close().catch(() => {});
  }
}

/**
 * Every event exactly once after dedupe (by message id), a repeat only as a redelivery of the
 * same event, and the first arrivals in eventId order within each conversation (and each user's
 * private stream). Returns how many deliveries were repeats.
 */
function checkDeliveries(deliveries: Delivery[], expected: number[]): number {
  const first = new Map<number, Delivery>();
  let repeats = 0;
  for (const d of deliveries) {
    expect({ messageId: d.messageId, deliveryMode: d.deliveryMode }).toEqual({ messageId: String(d.id), deliveryMode: 2 });
    const earlier = first.get(d.id);
    if (!earlier) {
      first.set(d.id, d);
      continue;
    }
    repeats++;
    if (d.raw !== earlier.raw) {
      // The only change a stored event undergoes: delete-for-everyone tombstones it.
      const { payload: a, ...restA } = earlier.body;
      const { payload: b, ...restB } = d.body;
      expect(restB).toEqual(restA);
      expect(b.message?.deletedAt).toBeTruthy();
      expect(a).not.toEqual(b);
    }
  }
  expect([...first.keys()].sort((x, y) => x - y)).toEqual(expected);
  const lastPerStream = new Map<string, number>();
  for (const d of first.values()) {
    expect(d.key).toBe(routingKey(d.body.type));
    const stream = d.body.conversationId ?? `user:${d.body.userId}`;
    const last = lastPerStream.get(stream) ?? 0;
    expect(d.id, `event ${d.id} after ${last} in ${stream}`).toBeGreaterThan(last);
    lastPerStream.set(stream, d.id);
  }
  return repeats;
}

describe.skipIf(!AMQP_URL)('event export to RabbitMQ', () => {
  const tag = crypto.randomBytes(5).toString('hex');
  const exchange = `parley.test.${tag}`;
  let server: TestServer;
  let consumer: Consumer;
  let start: number;
  let a: TestUser;
  let b: TestUser;
  let c: TestUser;
  let direct1: string;
  let direct2: string;
  let group: string;
  let round = 0;

  const db = () => server.app.ctx.db;
  const exportedThrough = async () =>
    (await rows<{ last_id: number }>(db(), sql`select last_id from event_exports where name = 'amqp'`)).map((r) => Number(r.last_id))[0];
  const eventIdsAfter = async (after: number) =>
    (await rows<{ id: number }>(db(), sql`select id from events where id > ${after} order by id`)).map((r) => Number(r.id));

  /** Every event each user can sync from the start: what clients see must have been exported. */
  async function syncedIds(): Promise<number[]> {
    const ids = new Set<number>();
    for (const u of [a, b, c]) {
      const s = await server.socket(u.token);
      let cursor = 0;
      for (;;) {
        const r = await emit(s, 'sync:request', { cursor, limit: 200 });
        expect(r.ok).toBe(true);
        for (const e of r.events) if (e.eventId > start) ids.add(e.eventId);
        cursor = r.cursor;
        if (!r.hasMore) break;
      }
      s.disconnect();
    }
    return [...ids].sort((x, y) => x - y);
  }

  async function ok(p: Promise<{ status: number; body: any }>, status = 200) {
    const res = await p;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  }

  /** One round of traffic in all three conversations: messages, an edit, a reaction, a receipt, a membership change. */
  async function traffic(): Promise<void> {
    const r = ++round;
    const send = (u: TestUser, conv: string, text: string) =>
      ok(
        server.api('POST', `/conversations/${conv}/messages`, {
          token: u.token,
          body: { text, clientMessageId: `${tag}-${r}-${text.replace(/\W+/g, '_')}` },
        }),
        201,
      );
    const [m1, m2, m3] = await Promise.all([send(a, direct1, `d1 ${r}`), send(c, direct2, `d2 ${r}`), send(b, group, `g ${r}`)]);
    await Promise.all([
      ok(server.api('PATCH', `/messages/${m1.message.id}`, { token: a.token, body: { text: `d1 ${r} (edited)` } })),
      ok(server.api('PUT', `/messages/${m2.message.id}/reaction`, { token: a.token, body: { emoji: '👍' } })),
      ok(server.api('POST', `/messages/${m3.message.id}/read`, { token: c.token })),
      send(a, group, `g ${r} again`),
    ]);
    if (r % 3 === 0) {
      await ok(server.api('DELETE', `/groups/${group}/members/${c.id}`, { token: a.token }));
      await ok(server.api('POST', `/groups/${group}/members`, { token: a.token, body: { userIds: [c.id] } }));
    }
  }

  async function trafficFor(rounds: number): Promise<void> {
    for (let i = 0; i < rounds; i++) await traffic();
  }

  /** Waits until the consumer has everything committed so far; checks it. Returns the repeats. */
  async function allArrived(): Promise<number> {
    const expected = await eventIdsAfter(start);
    await consumer.waitFor(expected);
    await settle(300); // let any redelivery in flight arrive too
    return checkDeliveries(consumer.deliveries, await eventIdsAfter(start));
  }

  beforeAll(async () => {
    consumer = new Consumer(AMQP_URL!, exchange, `parley-test-${tag}`);
    await consumer.open();
    server = await TestServer.start(
      { AMQP_URL: AMQP_URL!, AMQP_EXCHANGE: exchange, RATE_LIMITS: 'off', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' },
      { persistent: true },
    );
    // Export covers what is committed once it is on: wait for its position row.
    for (let i = 0; (start = (await exportedThrough()) ?? -1) < 0; i++) {
      if (i > 100) throw new Error('the exporter never created its position');
      await settle(50);
    }
    [a, b, c] = (await Promise.all(['Ann Export', 'Bob Export', 'Cat Export'].map((n) => server.register(n)))) as [
      TestUser,
      TestUser,
      TestUser,
    ];
    direct1 = await server.directChat(a, b);
    direct2 = await server.directChat(a, c);
    group = (await ok(server.api('POST', '/groups', { token: a.token, body: { name: 'Exported', memberIds: [b.id, c.id] } }), 201)).group
      .id;
  });

  afterAll(async () => {
    await server?.close();
    await consumer?.close();
  });

  it('publishes every event, in order per conversation, with routing keys such as message.created', async () => {
    await trafficFor(6);
    const m = await ok(server.api('POST', `/conversations/${direct1}/messages`, { token: b.token, body: { text: 'to be deleted' } }), 201);
    await ok(server.api('DELETE', `/messages/${m.message.id}?for=everyone`, { token: b.token }));
    await allArrived();

    const keys = new Set(consumer.deliveries.map((d) => d.key));
    for (const k of [
      'message.created',
      'message.updated',
      'message.deleted',
      'message.status',
      'reaction.updated',
      'conversation.created',
      'group.member_joined',
      'group.member_left',
    ]) {
      expect(keys, k).toContain(k);
    }
    const created = consumer.deliveries.find((d) => d.key === 'message.created' && d.body.payload.message?.text === 'g 1')!;
    expect(created.body).toMatchObject({
      type: 'message:new',
      conversationId: group,
      userId: null,
      payload: { message: { conversationId: group } },
    });
    expect(new Date(created.body.createdAt).getTime()).toBeGreaterThan(Date.now() - 120_000);
    // What clients can sync is exactly what was exported (for these users).
    const synced = await syncedIds();
    const exported = new Set(consumer.deliveries.map((d) => d.id));
    expect(synced.filter((id) => !exported.has(id))).toEqual([]);
    expect(routingKey('invitation:new')).toBe('invitation.created');
    expect(routingKey('group:member-updated')).toBe('group.member_updated');
    expect(routingKey('keys:identity-changed')).toBe('keys.identity_changed');
  });

  it.skipIf(!RESTART_CMD)(
    'loses nothing when the broker restarts in the middle of traffic',
    async () => {
      const before = consumer.deliveries.length;
      // Concurrent runs of this file (PGlite and PostgreSQL) take turns restarting the broker.
      let restarting = true;
      const restart = run(`flock /tmp/parley-amqp-restart.lock sh -c '${RESTART_CMD!.replace(/'/g, `'\\''`)}'`, {
        timeout: 60_000,
      }).finally(() => {
        restarting = false;
      });
      restart.catch(() => {}); // awaited below
      // Traffic goes on from before the broker stops until after it is back.
      let rounds = 0;
      while (restarting || rounds < 5) {
        await traffic();
        rounds++;
      }
      await restart;
      await trafficFor(3);
      await allArrived();
      expect(consumer.deliveries.length).toBeGreaterThan(before);
    },
    120_000,
  );

  it('resumes from its position after the Parley node restarts, re-sending at most one batch', async () => {
    await trafficFor(3);
    await allArrived();
    const position = await exportedThrough();
    const deliveredBefore = consumer.deliveries.length;
    const repeatsBefore = checkDeliveries(consumer.deliveries, await eventIdsAfter(start));

    // Committed while the node is stopping and while it is down are published after it is back.
    const stopping = Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        settle(i * 5).then(() =>
          server.api('POST', `/conversations/${direct1}/messages`, { token: a.token, body: { text: `while stopping ${i}` } }),
        ),
      ),
    );
    await settle(20);
    await server.restart();
    await stopping;
    [a, b, c] = (await Promise.all(
      [a, b, c].map(async (u) => {
        const r = await ok(server.api('POST', '/auth/login', { body: { login: u.email, password: u.password } }));
        return { ...u, token: r.accessToken as string };
      }),
    )) as [TestUser, TestUser, TestUser];
    await trafficFor(3);
    const repeats = await allArrived();
    expect(await exportedThrough()).toBeGreaterThanOrEqual(position!);
    expect(repeats - repeatsBefore).toBeLessThanOrEqual(500);
    expect(consumer.deliveries.length).toBeGreaterThan(deliveredBefore);
  }, 120_000);

  it.skipIf(process.env.PARLEY_TEST_DB !== 'postgres')(
    'exports from one node at a time; another takes over when it stops',
    async () => {
      const owner = async () =>
        (await rows<{ owner: string | null }>(db(), sql`select owner from event_exports where name = 'amqp'`))[0]?.owner;
      const second = await buildApp(server.app.ctx.config);
      try {
        await allArrived();
        const repeatsBefore = checkDeliveries(consumer.deliveries, await eventIdsAfter(start));
        const firstOwner = await owner();
        const from = (await eventIdsAfter(0)).at(-1)!;
        await trafficFor(4);
        const repeats = await allArrived();
        // Two nodes publishing would repeat about every event; only broker restarts (another run of this file) repeat a few.
        expect(repeats - repeatsBefore).toBeLessThan((await eventIdsAfter(from)).length / 2);
        expect(await owner()).toBe(firstOwner);
        // The first node stops (giving the lease up) and comes back: the export goes on without a gap.
        await server.restart();
        await trafficFor(4);
        await allArrived();
        expect(await owner()).not.toBe(firstOwner);
      } finally {
        await second.close();
      }
    },
    120_000,
  );
});

describe('event export with the broker unreachable', () => {
  it('does not get in the way of requests, keeps its position, and shuts down promptly', async () => {
    const server = await TestServer.start({ AMQP_URL: 'amqp://guest:guest@127.0.0.1:1' });
    let closed = false;
    try {
      const [a, b] = await Promise.all([server.register('Ann Offline'), server.register('Bob Offline')]);
      const chat = await server.directChat(a, b);
      const sent = await server.api('POST', `/conversations/${chat}/messages`, { token: a.token, body: { text: 'the broker is away' } });
      expect(sent.status).toBe(201);
      await settle(500);
      const [position] = await rows<{ last_id: number }>(server.app.ctx.db, sql`select last_id from event_exports where name = 'amqp'`);
      const [head] = await rows<{ last_id: number }>(server.app.ctx.db, sql`select max(id) as last_id from events`);
      expect(Number(position!.last_id)).toBeLessThan(Number(head!.last_id));
      const t0 = Date.now();
      await server.close();
      closed = true;
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      if (!closed) await server.close();
    }
  });
});
