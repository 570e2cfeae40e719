import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createServerKey } from '../src/features/server/serverKeys.js';
import { expectProblem } from './helpers/problems.js';
import { TestServer, type TestUser } from './helpers/server.js';
import { WebhookReceiver, type WebhookDelivery } from './helpers/webhookReceiver.js';

/**
 * Webhooks through the front door: a real server, and a real receiver on 127.0.0.1 that verifies
 * every request with the Standard Webhooks reference implementation. Backoffs are short (config).
 */

let server: TestServer;
let receiver: WebhookReceiver;
/** A second receiver, stopped and restarted mid-stream. */
let flaky: WebhookReceiver;
let key: string;
let alice: TestUser;
let bob: TestUser;
let chat: string;

const env = (...receivers: WebhookReceiver[]) => ({
  OUTBOUND_ALLOWED_URLS: receivers.map((r) => `${r.origin}/`).join(','),
  WEBHOOK_MAX_BACKOFF_SECONDS: '0.5',
  WEBHOOK_SYNC_INTERVAL_MS: '500',
});

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  flaky = await WebhookReceiver.start();
  // Persistent: one test restarts the server on the same data.
  server = await TestServer.start(env(receiver, flaky), { persistent: true });
  key = (await createServerKey(server.app.ctx.db, 'tests'))!.key;
  [alice, bob] = await server.registerAll('Alice', 'Bob');
  chat = await server.directChat(alice, bob);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await flaky?.close();
});

const call = (s: TestServer, method: string, url: string, body?: unknown, token = key) => s.api(method, url, { token, body });

/** Creates a webhook to `path` on `r` and tells the receiver its secret. */
async function hook(s: TestServer, r: WebhookReceiver, path: string, events: string[] = ['message:new']) {
  const res = await call(s, 'POST', '/server/webhooks', { url: r.url(path), events });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  r.expect(path, res.body.secret);
  return res.body.webhook as { id: string; position: number };
}

async function send(s: TestServer, texts: string[], from = alice, to = chat): Promise<number[]> {
  const ids: number[] = [];
  for (const text of texts) {
    const res = await s.api('POST', `/conversations/${to}/messages`, { token: from.token, body: { text } });
    expect(res.status).toBe(201);
    ids.push(res.body.message.seq);
  }
  return ids;
}

/** The texts of the messages of `chat` among deliveries, in their order. */
const texts = (ds: WebhookDelivery[]) =>
  ds.filter((d) => d.body.type === 'message:new' && d.body.data.conversationId === chat).map((d) => d.body.data.payload.message.text);

/** Every request to `path`: one webhook-id per event and one event per webhook-id, so a repeat is always recognisable. */
function expectIdsStable(r: WebhookReceiver, path: string): void {
  const eventOf = new Map<string, number>();
  const idOf = new Map<number, string>();
  for (const d of r.to(path)) {
    const eventId = d.body.data.eventId as number;
    expect(eventOf.get(d.id) ?? eventId).toBe(eventId);
    expect(idOf.get(eventId) ?? d.id).toBe(d.id);
    eventOf.set(d.id, eventId);
    idOf.set(eventId, d.id);
  }
  const accepted = r.accepted(path).map((d) => d.body.data.eventId as number);
  expect(accepted).toEqual([...accepted].sort((a, b) => a - b));
  expect(r.invalid).toEqual([]);
}

const getHook = async (s: TestServer, id: string) => (await call(s, 'GET', `/server/webhooks/${id}`)).body.webhook;

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('POST /server/webhooks, GET, PATCH, DELETE', () => {
  it('creates a webhook at the head of the log, shows it once with its secret, lists and deletes it', async () => {
    const res = await call(server, 'POST', '/server/webhooks', { url: receiver.url('/crud'), events: ['message:new', 'message:new'] });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { webhook } = res.body;
    expect(webhook).toMatchObject({
      url: receiver.url('/crud'),
      events: ['message:new'],
      status: 'active',
      createdBy: 'tests',
      failingSince: null,
      lastError: null,
      disabledAt: null,
      disabledReason: null,
    });
    expect(webhook.position).toBeGreaterThan(0);
    expect(JSON.stringify((await call(server, 'GET', '/server/webhooks')).body)).not.toContain(res.body.secret);
    const list = await call(server, 'GET', '/server/webhooks');
    expect(list.status).toBe(200);
    expect(list.body.webhooks.map((w: { id: string }) => w.id)).toContain(webhook.id);
    expect(await getHook(server, webhook.id)).toEqual(webhook);

    expect((await call(server, 'DELETE', `/server/webhooks/${webhook.id}`)).status).toBe(204);
    expectProblem(await call(server, 'GET', `/server/webhooks/${webhook.id}`), 404, 'webhook.not_found');
    expectProblem(await call(server, 'DELETE', `/server/webhooks/${webhook.id}`), 404, 'webhook.not_found');
    expectProblem(await call(server, 'PATCH', `/server/webhooks/${webhook.id}`, { enabled: true }), 404, 'webhook.not_found');
  });

  it('refuses URLs the server may not call, unknown event types, and calls without a server key', async () => {
    const post = (body: unknown, token?: string) => call(server, 'POST', '/server/webhooks', body, token);
    expectProblem(await post({ url: 'not a url', events: ['*'] }), 400, 'validation.failed', ['body.url']);
    // Not listed in OUTBOUND_ALLOWED_URLS: plain http, or https to a private or loopback address.
    expectProblem(await post({ url: 'http://127.0.0.1:9/hook', events: ['*'] }), 400, 'webhook.url_refused');
    expectProblem(await post({ url: 'https://10.1.2.3/hook', events: ['*'] }), 400, 'webhook.url_refused');
    expectProblem(await post({ url: 'https://[::1]/hook', events: ['*'] }), 400, 'webhook.url_refused');
    expectProblem(await post({ url: receiver.url('/x'), events: ['message:sent'] }), 400, 'validation.failed', ['body.events.0']);
    expectProblem(await post({ url: receiver.url('/x'), events: ['typing'] }), 400, 'validation.failed', ['body.events.0']);
    expectProblem(await post({ url: receiver.url('/x'), events: [] }), 400, 'validation.failed', ['body.events']);
    expectProblem(await post({ url: receiver.url('/x'), events: ['*'] }, ''), 401, 'auth.server_key_invalid');
    expectProblem(await post({ url: receiver.url('/x'), events: ['*'] }, 'psk_not-a-key'), 401, 'auth.server_key_invalid');
    expectProblem(await post({ url: receiver.url('/x'), events: ['*'] }, alice.token), 401, 'auth.server_key_invalid');
    expectProblem(await server.api('GET', '/server/webhooks'), 401, 'auth.server_key_invalid');
    expectProblem(await call(server, 'PATCH', `/server/webhooks/${alice.id}`, { enabled: 'yes' }), 400, 'validation.failed', [
      'body.enabled',
    ]);
  });
});

describe('deliveries', () => {
  it('arrive signed, one request per event, in event order; only subscribed types, `*` for all', async () => {
    const onlyMessages = await hook(server, receiver, '/messages');
    const everything = await hook(server, receiver, '/all', ['*']);
    const sent = ['one', 'two', 'three', 'four', 'five'];
    await send(server, sent.slice(0, 2));
    await send(server, ['from bob'], bob);
    await send(server, sent.slice(2));
    const expected = ['one', 'two', 'from bob', 'three', 'four', 'five'];
    await receiver.waitFor(() => texts(receiver.accepted('/messages')).length === 6, 'six messages');
    expect(texts(receiver.accepted('/messages'))).toEqual(expected);
    expect(receiver.accepted('/messages').every((d) => d.body.type === 'message:new')).toBe(true);
    const first = receiver.accepted('/messages')[0]!;
    expect(first.body).toEqual({
      type: 'message:new',
      timestamp: expect.any(String),
      data: {
        eventId: expect.any(Number),
        type: 'message:new',
        conversationId: chat,
        userId: null,
        payload: { message: expect.objectContaining({ text: 'one', senderId: alice.id, conversationId: chat }) },
        createdAt: first.body.timestamp,
      },
    });
    expect(first.body.data.eventId).toBeGreaterThan(onlyMessages.position);
    expectIdsStable(receiver, '/messages');

    // `*`: the same messages, and events of other types (here: a read receipt, which is not a message).
    const read = await server.api('POST', `/conversations/${chat}/read`, { token: bob.token, body: {} });
    expect(read.status).toBe(200);
    await receiver.waitFor(() => receiver.accepted('/all').some((d) => d.body.type === 'message:status'), 'the read receipt');
    await receiver.waitFor(() => texts(receiver.accepted('/all')).length === 6, 'six messages to *');
    expect(texts(receiver.accepted('/all'))).toEqual(expected);
    expectIdsStable(receiver, '/all');

    // The filtered webhook's position moves past the receipt without sending it.
    const receipt = receiver.accepted('/all').find((d) => d.body.type === 'message:status')!.body.data.eventId;
    await eventually(
      () => getHook(server, onlyMessages.id),
      (w) => w.position >= receipt,
      'position',
    );
    expect(receiver.to('/messages').map((d) => d.body.type)).toEqual(Array(6).fill('message:new'));
    for (const h of [onlyMessages, everything]) expect((await call(server, 'DELETE', `/server/webhooks/${h.id}`)).status).toBe(204);
  });

  it('a receiver that answers 500 for a while gets everything once it recovers, in order, repeats with the same webhook-id', async () => {
    const h = await hook(server, receiver, '/recovers');
    receiver.fail('/recovers');
    const sent = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    await send(server, sent.slice(0, 2));
    await receiver.waitFor(() => receiver.to('/recovers').length >= 3, 'three attempts');
    // Every attempt so far was the first event again.
    expect(new Set(receiver.to('/recovers').map((d) => d.id)).size).toBe(1);
    const failing = await getHook(server, h.id);
    expect(failing).toMatchObject({ status: 'failing', lastError: 'HTTP 500', failingSince: expect.any(String), disabledAt: null });
    await send(server, sent.slice(2));
    // Then failures between successes, within what is by now one batch: each failed event is tried again, none skipped.
    receiver.answer('/recovers', 200, 500, 200, 500, 500, 200);
    receiver.recover('/recovers');
    await receiver.waitFor(() => texts(receiver.accepted('/recovers')).length === 6, 'six messages');
    expect(texts(receiver.accepted('/recovers'))).toEqual(sent);
    expectIdsStable(receiver, '/recovers');
    await eventually(
      () => getHook(server, h.id),
      (w) => w.status === 'active',
      'active again',
    );
    expect(await getHook(server, h.id)).toMatchObject({ failingSince: null, lastError: null });
    await call(server, 'DELETE', `/server/webhooks/${h.id}`);
  });

  it('a receiver killed mid-stream (connections refused) and restarted on its port: nothing lost, order kept', async () => {
    const h = await hook(server, flaky, '/restarts');
    const killed = flaky.stopAfter('/restarts', 3);
    const before = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    await send(server, before);
    await killed;
    const down = await eventually(
      () => getHook(server, h.id),
      (w) => w.status === 'failing' && /ECONNREFUSED/.test(w.lastError),
      'failing while down',
    );
    expect(down.failingSince).toEqual(expect.any(String));
    const during = ['k7', 'k8'];
    await send(server, during);
    await flaky.restart();
    await send(server, ['k9']);
    await flaky.waitFor(() => texts(flaky.accepted('/restarts')).length === 9, 'all nine');
    expect(texts(flaky.accepted('/restarts'))).toEqual([...before, ...during, 'k9']);
    expectIdsStable(flaky, '/restarts');
    await call(server, 'DELETE', `/server/webhooks/${h.id}`);
  });

  it('a server restart resumes from the position: what was not delivered before it is delivered after', async () => {
    const h = await hook(server, receiver, '/server-restart');
    await send(server, ['s1', 's2']);
    await receiver.waitFor(() => texts(receiver.accepted('/server-restart')).length === 2, 'two before');
    receiver.fail('/server-restart');
    await send(server, ['s3', 's4']);
    await receiver.waitFor(() => receiver.to('/server-restart').length >= 3, 'an attempt at s3');
    await server.restart();
    await send(server, ['s5']);
    receiver.recover('/server-restart');
    await receiver.waitFor(() => texts(receiver.accepted('/server-restart')).length === 5, 'all five');
    expect(texts(receiver.accepted('/server-restart'))).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expectIdsStable(receiver, '/server-restart');
    await call(server, 'DELETE', `/server/webhooks/${h.id}`);
  });
});

describe('several nodes', () => {
  it.skipIf(process.env.PARLEY_TEST_DB !== 'postgres')(
    'a webhook created on one node is delivered by another (which found it in the table), in order',
    async () => {
      const second = await buildApp(server.app.ctx.config);
      let secondClosed = false;
      try {
        const url = await second.http.listen({ port: 0, host: '127.0.0.1' });
        const res = await fetch(`${url}/api/v1/server/webhooks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ url: receiver.url('/nodes'), events: ['message:new'] }),
        });
        expect(res.status).toBe(201);
        const created = (await res.json()) as { webhook: { id: string }; secret: string };
        receiver.expect('/nodes', created.secret);
        await send(server, ['n1', 'n2', 'n3']);
        await receiver.waitFor(() => texts(receiver.accepted('/nodes')).length === 3, 'three with both nodes up');
        // The node that created it stops (giving up the lease if it held it): the first node, which only polled, goes on.
        await second.close();
        secondClosed = true;
        await send(server, ['n4', 'n5']);
        await receiver.waitFor(() => texts(receiver.accepted('/nodes')).length === 5, 'five after the second node stopped');
        expect(texts(receiver.accepted('/nodes'))).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
        expectIdsStable(receiver, '/nodes');
        await call(server, 'DELETE', `/server/webhooks/${created.webhook.id}`);
      } finally {
        if (!secondClosed) await second.close();
      }
    },
    60_000,
  );
});

describe('sustained failure', () => {
  let quick: TestServer;
  let r: WebhookReceiver;
  beforeAll(async () => {
    r = await WebhookReceiver.start();
    // Disabled after failing for 1.2 s (the default is 3 days).
    quick = await TestServer.start({ ...env(r), WEBHOOK_DISABLE_AFTER_MINUTES: '0.02' });
  }, 60_000);
  afterAll(async () => {
    await quick?.close();
    await r?.close();
  });

  it('disables the webhook with the reason shown; enabling it again resumes where it stopped', async () => {
    const k = (await createServerKey(quick.app.ctx.db, 'ops'))!.key;
    const [a, b] = await quick.registerAll('A', 'B');
    const c = await quick.directChat(a, b);
    const res = await quick.api('POST', '/server/webhooks', { token: k, body: { url: r.url('/down'), events: ['message:new'] } });
    expect(res.status).toBe(201);
    r.expect('/down', res.body.secret);
    const id = res.body.webhook.id as string;
    r.fail('/down');
    await send(quick, ['lost?'], a, c);
    const get = async () => (await quick.api('GET', `/server/webhooks/${id}`, { token: k })).body.webhook;
    const disabled = await eventually(get, (w) => w.status === 'disabled', 'disabled');
    expect(disabled).toMatchObject({ lastError: 'HTTP 500', disabledAt: expect.any(String) });
    expect(disabled.disabledReason).toMatch(/^failing since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: HTTP 500$/);
    const listed = (await quick.api('GET', '/server/webhooks', { token: k })).body.webhooks;
    expect(listed.find((w: { id: string }) => w.id === id)).toEqual(disabled);

    // While disabled nothing is attempted; events keep their place in the log.
    const attempts = r.to('/down').length;
    await send(quick, ['while disabled'], a, c);
    r.recover('/down');
    expect(r.to('/down').length).toBe(attempts);
    const enabled = await quick.api('PATCH', `/server/webhooks/${id}`, { token: k, body: { enabled: true } });
    expect(enabled.status).toBe(200);
    expect(enabled.body.webhook).toMatchObject({ status: 'active', disabledAt: null, disabledReason: null, lastError: null });
    await r.waitFor(() => r.accepted('/down').length === 2, 'both messages');
    expect(r.accepted('/down').map((d) => d.body.data.payload.message.text)).toEqual(['lost?', 'while disabled']);
    expect(r.to('/down').length).toBeGreaterThan(attempts);
    expectIdsStable(r, '/down');

    // Turned off through the API: the reason names the key.
    const off = await quick.api('PATCH', `/server/webhooks/${id}`, { token: k, body: { enabled: false } });
    expect(off.body.webhook).toMatchObject({ status: 'disabled', disabledReason: 'disabled through the API (server key "ops")' });
  });
});
