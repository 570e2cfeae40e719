import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './helpers/problems.js';
import { emit, settle, TestServer, type ApiResponse, type TestUser } from './helpers/server.js';

/** A 429 rate_limited problem whose Retry-After is 1 or 2 seconds; returns that Retry-After. */
function expectRateLimited(res: ApiResponse) {
  expectProblem(res, 429, 'rate_limited');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(2);
  return retryAfter;
}

const ips = new Set<string>();
/** A client address of its own (random, so runs sharing a Redis do not meet), sent as X-Forwarded-For: loopback proxies are trusted. */
function ip(): string {
  for (;;) {
    const candidate = `10.${crypto.randomInt(0, 256)}.${crypto.randomInt(0, 256)}.${crypto.randomInt(1, 255)}`;
    if (!ips.has(candidate)) {
      ips.add(candidate);
      return candidate;
    }
  }
}
const from = (address: string) => ({ 'x-forwarded-for': address });
const unique = () => crypto.randomBytes(5).toString('hex');
const waitOut = (seconds: number) => settle(seconds * 1000 + 100);

const SMALL = {
  RATE_LIMIT_REGISTER_PER_IP: '3/2s',
  RATE_LIMIT_LOGIN_PER_IP: '4/2s',
  RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '3/2s',
  RATE_LIMIT_OTP_PER_IP: '3/2s',
  RATE_LIMIT_OTP_PER_PHONE: '2/2s',
  RATE_LIMIT_MESSAGES_PER_USER: '4/2s',
  RATE_LIMIT_SOCKET_EVENTS: '6/2s',
  RATE_LIMIT_CONTACT_SYNC_PER_USER: '2/2s',
  RATE_LIMIT_KEY_CLAIMS_PER_USER: '2/2s',
  RATE_LIMIT_PUSH_DEVICES_PER_USER: '2/2s',
  OTP_DEV_CODE: '112233',
  OTP_COOLDOWN_SECONDS: '0',
};

let server: TestServer;
let off: TestServer;
let noProxy: TestServer;

beforeAll(async () => {
  [server, off, noProxy] = await Promise.all([
    TestServer.start({ ...SMALL, CORS_ORIGINS: 'https://app.example, https://admin.example', BODY_LIMIT_BYTES: '4096' }),
    TestServer.start({ ...SMALL, RATE_LIMITS: 'off' }),
    TestServer.start({ ...SMALL, TRUST_PROXY: 'false' }),
  ]);
});
afterAll(() => Promise.all([server?.close(), off?.close(), noProxy?.close()]));

function registerBody() {
  const tag = unique();
  return { email: `l${tag}@example.test`, password: `pw-${tag}-secret`, name: 'Limit Tester' };
}

/** Registers from a fresh IP (so the register limit of the IP under test is untouched). */
async function register(s: TestServer): Promise<TestUser> {
  const body = registerBody();
  const res = await s.api('POST', '/auth/register', { body, headers: from(ip()) });
  expect(res.status).toBe(201);
  return {
    id: res.body.user.id,
    token: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    email: body.email,
    username: res.body.user.username,
    password: body.password,
    name: body.name,
  };
}

describe('per-IP limits (REST), hit and then recovered', () => {
  it('register: the 4th in the window → 429 with Retry-After; another IP is unaffected; after Retry-After it works again', async () => {
    const a = ip();
    // All at once: the budget is spent as they arrive, however long the registrations then take.
    const first = await Promise.all(
      [1, 2, 3, 4].map(() => server.api('POST', '/auth/register', { body: registerBody(), headers: from(a) })),
    );
    expect(first.map((r) => r.status).sort()).toEqual([201, 201, 201, 429]);
    const limited = first.find((r) => r.status === 429)!;
    const wait = expectRateLimited(limited);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests', type: expect.stringContaining('rate_limited') });
    expect((await server.api('POST', '/auth/register', { body: registerBody(), headers: from(ip()) })).status).toBe(201);
    await waitOut(wait);
    expect((await server.api('POST', '/auth/register', { body: registerBody(), headers: from(a) })).status).toBe(201);
  });

  it('a malformed request costs nothing', async () => {
    const a = ip();
    for (let i = 0; i < 5; i++) expect((await server.api('POST', '/auth/register', { body: {}, headers: from(a) })).status).toBe(400);
    expect((await server.api('POST', '/auth/register', { body: registerBody(), headers: from(a) })).status).toBe(201);
  });

  it('login, Google and phone sign-in share one per-IP budget', async () => {
    const u = await register(server);
    const a = ip();
    for (let i = 0; i < 4; i++) {
      expect((await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password }, headers: from(a) })).status).toBe(
        200,
      );
    }
    const wait = expectRateLimited(
      await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password }, headers: from(a) }),
    );
    expectRateLimited(
      await server.api('POST', '/auth/verify-otp', {
        body: { phoneNumber: '+14155550123', otp: '112233', deviceId: 'd' },
        headers: from(a),
      }),
    );
    await waitOut(wait);
    expect((await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password }, headers: from(a) })).status).toBe(
      200,
    );
  });

  it('request-otp: per IP, and per phone number across IPs', async () => {
    const a = ip();
    const phones = ['+14155550181', '+14155550182', '+14155550183', '+14155550184'];
    const sent = await Promise.all(
      phones.slice(0, 3).map((phoneNumber) => server.api('POST', '/auth/request-otp', { body: { phoneNumber }, headers: from(a) })),
    );
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200]);
    expectRateLimited(await server.api('POST', '/auth/request-otp', { body: { phoneNumber: phones[3] }, headers: from(a) }));

    const p = `+4420794${crypto.randomInt(10_000, 99_999)}`;
    expect((await server.api('POST', '/auth/request-otp', { body: { phoneNumber: p }, headers: from(ip()) })).status).toBe(200);
    expect((await server.api('POST', '/auth/request-otp', { body: { phoneNumber: p }, headers: from(ip()) })).status).toBe(200);
    const wait = expectRateLimited(await server.api('POST', '/auth/request-otp', { body: { phoneNumber: p }, headers: from(ip()) }));
    await waitOut(wait);
    expect((await server.api('POST', '/auth/request-otp', { body: { phoneNumber: p }, headers: from(ip()) })).status).toBe(200);
  });
});

describe('per-account and per-user limits', () => {
  it('wrong passwords lock the account for the window (from any IP); right ones do not count', async () => {
    const u = await register(server);
    const other = await register(server);
    // Right passwords, more than the failure budget: none of them counts.
    for (let i = 0; i < 5; i++)
      expect(
        (await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password }, headers: from(ip()) })).status,
      ).toBe(200);
    for (let i = 0; i < 3; i++) {
      const res = await server.api('POST', '/auth/login', { body: { login: u.username, password: 'wrong password' }, headers: from(ip()) });
      expect(res.body.code).toBe('auth.invalid_credentials');
    }
    const wait = expectRateLimited(
      await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password }, headers: from(ip()) }),
    );
    expect(
      (await server.api('POST', '/auth/login', { body: { login: other.email, password: other.password }, headers: from(ip()) })).status,
    ).toBe(200);
    await waitOut(wait);
    expect((await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password }, headers: from(ip()) })).status).toBe(
      200,
    );
  });

  it('message sending: REST and socket share one per-user budget; an ack carries rate_limited and retryAfter', async () => {
    const alice = await register(server);
    const bob = await register(server);
    const chat = await server.directChat(alice, bob);
    const socket = await server.socket(alice.token);
    const send = (i: number) => server.api('POST', `/conversations/${chat}/messages`, { token: alice.token, body: { text: `m${i}` } });
    expect((await send(1)).status).toBe(201);
    expect((await send(2)).status).toBe(201);
    expect(await emit(socket, 'message:send', { conversationId: chat, text: 'm3', clientMessageId: 'c3' })).toMatchObject({ ok: true });
    expect(await emit(socket, 'message:send', { conversationId: chat, text: 'm4', clientMessageId: 'c4' })).toMatchObject({ ok: true });
    const ack = await emit(socket, 'message:send', { conversationId: chat, text: 'm5', clientMessageId: 'c5' });
    expect(ack).toEqual({ ok: false, error: { code: 'rate_limited', message: expect.any(String), retryAfter: expect.any(Number) } });
    const wait = expectRateLimited(await send(6));
    // Bob has his own budget.
    expect((await server.api('POST', `/conversations/${chat}/messages`, { token: bob.token, body: { text: 'hi' } })).status).toBe(201);
    await waitOut(wait);
    expect(await emit(socket, 'message:send', { conversationId: chat, text: 'm7', clientMessageId: 'c7' })).toMatchObject({ ok: true });
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: bob.token });
    expect(history.body.messages.map((m: any) => m.text)).toEqual(['m1', 'm2', 'm3', 'm4', 'hi', 'm7']);
  });

  it('push device registrations are limited per user, refused endpoints included (each one is a DNS lookup)', async () => {
    const [u, other] = [await register(server), await register(server)];
    const keys = {
      p256dh: Buffer.concat([Buffer.from([4]), crypto.createECDH('prime256v1').generateKeys().subarray(1)]),
      auth: crypto.randomBytes(16),
    };
    const body = {
      platform: 'webpush',
      subscription: {
        endpoint: 'https://10.0.0.1/push',
        keys: { p256dh: keys.p256dh.toString('base64url'), auth: keys.auth.toString('base64url') },
      },
    };
    const registerDevice = (token: string) => server.api('POST', '/push/devices', { token, body });
    expectProblem(await registerDevice(u.token), 400, 'push.endpoint_refused');
    expectProblem(await registerDevice(u.token), 400, 'push.endpoint_refused');
    expectRateLimited(await registerDevice(u.token));
    expectProblem(await registerDevice(other.token), 400, 'push.endpoint_refused');
  });

  it('contact sync and key-bundle claims are limited per user', async () => {
    const u = await register(server);
    const sync = () => server.api('POST', '/users/contacts/sync', { token: u.token, body: { phoneNumbers: ['+14155550100'] } });
    expect((await sync()).status).toBe(200);
    expect((await sync()).status).toBe(200);
    expectRateLimited(await sync());
    const claim = () => server.api('GET', `/users/${u.id}/keys`, { token: u.token });
    expect((await claim()).status).toBe(404); // no keys published: still counts
    expect((await claim()).status).toBe(404);
    const wait = expectRateLimited(await claim());
    await waitOut(wait);
    expect((await sync()).status).toBe(200);
  });
});

describe('the per-socket flood limit', () => {
  it('refuses events past the limit with an error ack, keeps the socket, and recovers', async () => {
    const u = await register(server);
    const socket = await server.socket(u.token); // the helper's connect round trip is event 1
    const query = () => emit(socket, 'presence:query', { userIds: [u.id] });
    const acks = [];
    for (let i = 0; i < 6; i++) acks.push(await query());
    expect(acks.slice(0, 5).every((a) => a.ok)).toBe(true);
    expect(acks[5]).toEqual({ ok: false, error: { code: 'rate_limited', message: expect.any(String), retryAfter: expect.any(Number) } });
    // Events without an ack count too, and are dropped silently.
    socket.emit('typing:start', { conversationId: crypto.randomUUID() });
    expect(socket.connected).toBe(true);
    await waitOut(acks[5].error.retryAfter);
    expect(await query()).toMatchObject({ ok: true });
  });
});

describe('RATE_LIMITS=off', () => {
  it('turns every request limit off (socket flood included), but not the OTP cooldown', async () => {
    const a = ip();
    const all = await Promise.all(
      Array.from({ length: 8 }, () => off.api('POST', '/auth/register', { body: registerBody(), headers: from(a) })),
    );
    expect(all.map((r) => r.status)).toEqual(Array(8).fill(201));
    const socket = await off.socket(all[0]!.body.accessToken);
    for (let i = 0; i < 10; i++)
      expect(await emit(socket, 'presence:query', { userIds: [all[0]!.body.user.id] })).toMatchObject({ ok: true });
    const cooling = await TestServer.start({ RATE_LIMITS: 'off', OTP_DEV_CODE: '112233' });
    try {
      expect((await cooling.api('POST', '/auth/request-otp', { body: { phoneNumber: '+14155550177' } })).status).toBe(200);
      expect((await cooling.api('POST', '/auth/request-otp', { body: { phoneNumber: '+14155550177' } })).status).toBe(429);
    } finally {
      await cooling.close();
    }
  });
});

describe('client addresses', () => {
  it('with TRUST_PROXY=false a forged X-Forwarded-For does not buy a fresh budget', async () => {
    const res = await Promise.all(
      [1, 2, 3, 4].map(() => noProxy.api('POST', '/auth/register', { body: registerBody(), headers: from(ip()) })),
    );
    expect(res.map((r) => r.status).sort()).toEqual([201, 201, 201, 429]);
    expectRateLimited(res.find((r) => r.status === 429)!);
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('with REDIS_URL', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    // Two nodes of one deployment: the same Redis and key prefix (a prefix of their own, so other test runs do not meet them).
    const shared = { ...SMALL, REDIS_URL: process.env.TEST_REDIS_URL!, REDIS_KEY_PREFIX: `parley-limits-${unique()}:` };
    // One after the other: a PGlite start blocks the event loop for a while, which would time out the other node's first Redis commands.
    a = await TestServer.start(shared);
    b = await TestServer.start(shared);
  });
  afterAll(() => Promise.all([a?.close(), b?.close()]));

  it('every node shares the counters: a limit hit through one node holds on the other, and recovers', async () => {
    const client = ip();
    // All at once (the budget is spent as they arrive), alternating nodes: three pass in all, not three per node.
    const res = await Promise.all(
      [a, b, a, b, a].map((node) => node.api('POST', '/auth/register', { body: registerBody(), headers: from(client) })),
    );
    expect(res.map((r) => r.status).sort()).toEqual([201, 201, 201, 429, 429]);
    const waits = res.filter((r) => r.status === 429).map((r) => expectRateLimited(r));
    await waitOut(Math.max(...waits));
    expect((await b.api('POST', '/auth/register', { body: registerBody(), headers: from(client) })).status).toBe(201);
  });

  it('the per-account failure count is kept and refunded in Redis too', async () => {
    // (Each test server has its own database, so the account lives on one node here.)
    const u = await register(a);
    for (let i = 0; i < 5; i++)
      expect((await a.api('POST', '/auth/login', { body: { login: u.email, password: u.password }, headers: from(ip()) })).status).toBe(
        200,
      );
    for (let i = 0; i < 3; i++)
      await a.api('POST', '/auth/login', { body: { login: u.email, password: 'nope-nope' }, headers: from(ip()) });
    expectRateLimited(await a.api('POST', '/auth/login', { body: { login: u.email, password: u.password }, headers: from(ip()) }));
  });
});

describe('transport protections', () => {
  it('sends security headers (helmet)', async () => {
    const res = await server.api('GET', '/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers CORS only for the allowed origins, exposing Retry-After', async () => {
    const allowed = await server.api('GET', '/health', { headers: { origin: 'https://admin.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/Retry-After/i);
    const evil = await server.api('GET', '/health', { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413 request.too_large', async () => {
    const res = await server.api('POST', '/auth/register', { body: { ...registerBody(), name: 'x'.repeat(5000) }, headers: from(ip()) });
    expect({ status: res.status, code: res.body?.code }).toEqual({ status: 413, code: 'request.too_large' });
  });
});
