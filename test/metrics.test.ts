import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, freshDatabase } from './helpers/cluster.js';
import { emit, next, TestServer, type TestUser } from './helpers/server.js';

/**
 * GET /metrics (Prometheus text format): off unless METRICS_TOKEN (a bearer token on the main
 * port) or METRICS_PORT (its own port only) is set. The series are read back after real
 * traffic: REST requests, sockets, sends acked and refused, group commit, the emitter, sync.
 */

const TOKEN = 'metrics-scrape-token-0123456789';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comments and blank lines skipped). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

/** The one sample of `name` whose labels include `labels`; undefined if there is none. */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}

async function scrape(url: string, token?: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('GET /metrics with METRICS_TOKEN', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    server = await TestServer.start({ METRICS_TOKEN: TOKEN });
    [alice, bob] = await server.registerAll('Alice Metrics', 'Bob Metrics');
    chatId = await server.directChat(alice, bob);
  });
  afterAll(() => server?.close());

  it('answers 401 problem+json without the token, or with another one', async () => {
    for (const token of [undefined, 'not-the-metrics-token-at-all', alice.token]) {
      const res = await scrape(`${server.url}/metrics`, token);
      expect(res.status).toBe(401);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'auth.unauthorized' });
    }
    const basic = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
  });

  it('reports requests, sockets, sends, group commit, the emitter, sync, health and the process', async () => {
    expect((await server.api('GET', '/health')).status).toBe(200);
    expect((await server.api('GET', `/users/${crypto.randomUUID()}`, { token: alice.token })).status).toBe(404);
    expect((await server.api('GET', '/no/such/route')).status).toBe(404);

    const a = await server.socket(alice.token);
    const b = await server.socket(bob.token);
    await server.socket(bob.token);
    const SENDS = 5;
    const heard = new Promise<void>((resolve) => {
      let n = 0;
      b.on('message:new', () => ++n === SENDS && resolve());
    });
    const acks = await Promise.all(
      Array.from({ length: SENDS }, (_, i) =>
        emit(a, 'message:send', { conversationId: chatId, text: `m${i}`, clientMessageId: `metrics-${i}` }),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await heard;
    const refused = await emit(a, 'message:send', { conversationId: crypto.randomUUID(), text: 'nowhere', clientMessageId: 'metrics-x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conversation.not_found' } });
    // One more over REST: the same entry point, counted the same way.
    const restHeard = next(a, 'message:new');
    expect((await server.api('POST', `/conversations/${chatId}/messages`, { token: bob.token, body: { text: 'rest' } })).status).toBe(201);
    await restHeard;
    const page = await emit(a, 'sync:request', {});
    expect(page.ok).toBe(true);

    const res = await scrape(`${server.url}/metrics`, TOKEN);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const s = parse(res.text);

    // HTTP: by route template (never the raw URL) and status code.
    expect(value(s, 'parley_http_requests_total', { method: 'GET', route: '/api/v1/health', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(value(s, 'parley_http_requests_total', { method: 'GET', route: '/api/v1/users/:id', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(value(s, 'parley_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(value(s, 'parley_http_requests_total', { method: 'POST', route: '/api/v1/conversations/:id/messages', status: '201' })).toBe(1);
    expect(s.some((x) => x.labels.route?.includes('/no/such') || x.labels.route?.includes(alice.id))).toBe(false);
    expect(value(s, 'parley_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/health' })).toBeGreaterThanOrEqual(1);
    expect(
      value(s, 'parley_http_request_duration_seconds_bucket', { method: 'GET', route: '/api/v1/health', le: '+Inf' }),
    ).toBeGreaterThanOrEqual(1);

    // Sockets open now: the three above.
    expect(value(s, 'parley_sockets_connected')).toBe(3);

    // Sends: acked and refused, with their time from receipt to the answer.
    expect(value(s, 'parley_sends_acked_total')).toBe(SENDS + 1);
    expect(value(s, 'parley_sends_refused_total', { code: 'conversation.not_found' })).toBe(1);
    expect(value(s, 'parley_send_duration_seconds_count', { outcome: 'acked' })).toBe(SENDS + 1);
    expect(value(s, 'parley_send_duration_seconds_count', { outcome: 'refused' })).toBe(1);
    expect(value(s, 'parley_send_duration_seconds_sum', { outcome: 'acked' })).toBeGreaterThan(0);

    // Group commit: every acked send went through a batch (the refused one too: it is refused in its batch).
    const batches = value(s, 'parley_send_batch_size_count')!;
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(SENDS + 2);
    expect(value(s, 'parley_send_batch_size_sum')).toBe(SENDS + 2);
    expect(value(s, 'parley_send_batch_commit_seconds_count')).toBe(batches);

    // The emitter: events handed over by local commits, and how long until they were emitted.
    expect(value(s, 'parley_events_emitted_total')).toBeGreaterThanOrEqual(SENDS + 1);
    expect(value(s, 'parley_emitter_lag_seconds_count', { path: 'local' })).toBeGreaterThanOrEqual(1);

    expect(value(s, 'parley_sync_requests_total')).toBe(1);

    // Health of what this node depends on.
    expect(value(s, 'parley_database_up')).toBe(1);
    if (process.env.PARLEY_TEST_DB === 'postgres' && process.env.TEST_REDIS_URL) expect(value(s, 'parley_redis_up')).toBe(1);
    else expect(value(s, 'parley_redis_up')).toBeUndefined();

    // Process metrics (prom-client's defaults).
    expect(value(s, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value(s, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(value(s, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(value(s, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(s, 'process_start_time_seconds')).toBeGreaterThan(0);
  });

  it('the sockets gauge falls as sockets close', async () => {
    const before = value(parse((await scrape(`${server.url}/metrics`, TOKEN)).text), 'parley_sockets_connected')!;
    const c = await server.socket(alice.token);
    expect(value(parse((await scrape(`${server.url}/metrics`, TOKEN)).text), 'parley_sockets_connected')).toBe(before + 1);
    const gone = new Promise((r) => c.once('disconnect', r));
    c.disconnect();
    await gone;
    await expect
      .poll(async () => value(parse((await scrape(`${server.url}/metrics`, TOKEN)).text), 'parley_sockets_connected'), { timeout: 10_000 })
      .toBe(before);
  });
});

// Two nodes in one process (each app has a registry of its own) on one PostgreSQL.
const onPostgres = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

/** Two nodes on a fresh PostgreSQL database, started before the enclosing describe's tests and closed after. */
function twoNodes(env: () => Record<string, string> = () => ({})) {
  const nodes = {} as { db: Awaited<ReturnType<typeof freshDatabase>>; one: TestServer; two: TestServer };
  beforeAll(async () => {
    nodes.db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    const all = { DATABASE_URL: nodes.db.url, METRICS_TOKEN: TOKEN, ...env() };
    nodes.one = await TestServer.start(all);
    nodes.two = await TestServer.start(all);
  });
  afterAll(async () => {
    await Promise.all([nodes.one?.close(), nodes.two?.close()]);
    await nodes.db?.drop();
  });
  return nodes;
}

describe.skipIf(!onPostgres)('GET /metrics on two nodes sharing PostgreSQL', () => {
  const nodes = twoNodes();

  it("counts the other node's events as read from the log, with their lag", async () => {
    const { one, two } = nodes;
    const [ann, ben] = await one.registerAll('Ann One', 'Ben Two');
    const chat = await one.directChat(ann, ben);
    const sa = await one.socket(ann.token);
    const sb = await two.socket(ben.token);
    const heard = next(sb, 'message:new');
    expect((await emit(sa, 'message:send', { conversationId: chat, text: 'across', clientMessageId: 'x-1' })).ok).toBe(true);
    await heard;

    const s1 = parse((await scrape(`${one.url}/metrics`, TOKEN)).text);
    const s2 = parse((await scrape(`${two.url}/metrics`, TOKEN)).text);
    expect(value(s1, 'parley_sends_acked_total')).toBe(1);
    expect(value(s2, 'parley_sends_acked_total')).toBe(0);
    expect(value(s1, 'parley_sockets_connected')).toBe(1);
    expect(value(s2, 'parley_sockets_connected')).toBe(1);
    expect(value(s1, 'parley_emitter_lag_seconds_count', { path: 'local' })).toBeGreaterThanOrEqual(1);
    expect(value(s2, 'parley_emitter_lag_seconds_count', { path: 'log' })).toBeGreaterThanOrEqual(1);
    expect(value(s2, 'parley_emitter_lag_seconds_sum', { path: 'log' })).toBeGreaterThanOrEqual(0);
    expect(value(s2, 'parley_events_emitted_total')).toBeGreaterThanOrEqual(1);
  });
});

describe.skipIf(!onPostgres || !process.env.TEST_REDIS_URL)('GET /metrics on two nodes with Redis', () => {
  const nodes = twoNodes(() => ({
    REDIS_URL: process.env.TEST_REDIS_URL!,
    REDIS_KEY_PREFIX: `metrics-${crypto.randomBytes(4).toString('hex')}:`,
    // Only the poke can bring the other node's events in time.
    EMITTER_POLL_MS: '60000',
  }));

  it("emits the other node's events from the poke that brought them, without reading them from the log", async () => {
    const { one, two } = nodes;
    const [ann, ben] = await one.registerAll('Ann Poke', 'Ben Poke');
    const chat = await one.directChat(ann, ben);
    const sa = await one.socket(ann.token);
    const sb = await two.socket(ben.token);
    const before = parse((await scrape(`${two.url}/metrics`, TOKEN)).text);
    const heard = next(sb, 'message:new');
    expect((await emit(sa, 'message:send', { conversationId: chat, text: 'poked', clientMessageId: 'p-1' })).ok).toBe(true);
    expect((await heard).message.text).toBe('poked');
    const after = parse((await scrape(`${two.url}/metrics`, TOKEN)).text);
    const count = (s: typeof after, path: string) => value(s, 'parley_emitter_lag_seconds_count', { path }) ?? 0;
    expect(count(after, 'poke')).toBeGreaterThan(count(before, 'poke'));
    expect(count(after, 'log')).toBe(count(before, 'log'));
  });
});

describe('GET /metrics with METRICS_PORT', () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    server = await TestServer.start({ METRICS_PORT: String(port) });
  });
  afterAll(() => server?.close());

  it('is served on that port only, without a token; the main port has no /metrics', async () => {
    const res = await scrape(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const s = parse(res.text);
    expect(value(s, 'parley_database_up')).toBe(1);
    expect(value(s, 'parley_sockets_connected')).toBe(0);
    expect(value(s, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);

    const main = await scrape(`${server.url}/metrics`);
    expect(main.status).toBe(404);
    expect(JSON.parse(main.text)).toMatchObject({ code: 'route.not_found' });
    // Only /metrics there: the API is not.
    const other = await scrape(`http://127.0.0.1:${port}/api/v1/health`);
    expect(other.status).toBe(404);
  });
});

describe('GET /metrics with METRICS_PORT and METRICS_TOKEN', () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    server = await TestServer.start({ METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
  });
  afterAll(() => server?.close());

  it('wants the token on the metrics port too, and the main port still has none', async () => {
    const without = await scrape(`http://127.0.0.1:${port}/metrics`);
    expect(without.status).toBe(401);
    expect(JSON.parse(without.text)).toMatchObject({ code: 'auth.unauthorized' });
    expect((await scrape(`http://127.0.0.1:${port}/metrics`, TOKEN)).status).toBe(200);
    expect((await scrape(`${server.url}/metrics`, TOKEN)).status).toBe(404);
  });
});

describe('GET /metrics with neither', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server?.close());

  it('is off: 404 like any unknown path', async () => {
    const res = await scrape(`${server.url}/metrics`, TOKEN);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'route.not_found' });
  });
});
