import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emit, TestServer, type ApiResponse, type TestUser } from './helpers/server.js';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;
/** Changes its own profile under PATCH /users/me, so nobody else's is disturbed. */
let patcher: TestUser;
let chatId: string;
let messageId: string;
let socket: Socket;

const RUNS = 60;
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

beforeAll(async () => {
  server = await TestServer.start();
  alice = await server.register('Alice Property');
  bob = await server.register('Bob Property');
  patcher = await server.register('Pat Cher');
  chatId = await server.directChat(alice, bob);
  messageId = (await server.api('POST', `/conversations/${chatId}/messages`, { token: alice.token, body: { text: 'seed' } })).body.message.id;
  socket = await server.socket(alice.token);
});
afterAll(() => server?.close());

const params = (numRuns = RUNS) => ({ numRuns, seed, endOnFailure: true });

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /\p{Cs}/u;

/** Any string: full Unicode code points, control characters, lone surrogates, and the odd tricky key. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }),
  fc.constantFrom('', ' ', '\u0000', '__proto__', 'constructor', 'null', '-1', '1e400', '💥'),
);
/** Any JSON-ish value, with all kinds of strings. */
const anyValue = fc.oneof(
  fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }),
  fc.anything({ maxDepth: 3 }),
  anyString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, 0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER + 2),
);
const maybeUuid = fc.oneof(fc.uuid(), fc.uuid({ version: 7 }), anyValue);

/** A body shaped like the real one (so it gets past the first checks) with any value in each field. */
const shaped = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields, { requiredKeys: [] });

/** 2xx, or a 4xx problem+json with a string code; never a 5xx. */
function expectHandled(res: ApiResponse, what: string) {
  const info = `${what} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
  expect(res.status < 500, info).toBe(true);
  expect((res.status >= 200 && res.status < 300) || (res.status >= 400 && res.status < 500), info).toBe(true);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), info).toMatch(/^application\/problem\+json/);
    expect(typeof res.body?.code, info).toBe('string');
    expect(res.body.status, info).toBe(res.status);
  } else {
    expect(res.headers.get('content-type'), info).toMatch(/^application\/json/);
  }
}

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  token: () => string | undefined;
  shape: fc.Arbitrary<unknown>;
}

const endpoints: Endpoint[] = [
  {
    name: 'POST /auth/register',
    method: 'POST',
    path: () => '/auth/register',
    token: () => undefined,
    shape: shaped({
      email: fc.oneof(fc.emailAddress(), anyValue),
      password: fc.oneof(fc.string({ unit: 'binary', minLength: 8, maxLength: 20 }), anyValue),
      name: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), anyValue),
      username: fc.oneof(fc.stringMatching(/^[a-z0-9_.]{3,30}$/), anyValue),
      deviceId: anyValue,
      deviceName: anyValue,
    }),
  },
  {
    name: 'POST /auth/login',
    method: 'POST',
    path: () => '/auth/login',
    token: () => undefined,
    shape: shaped({
      login: fc.oneof(fc.constant(alice.username), fc.constant(alice.email), anyString, anyValue),
      password: fc.oneof(fc.constant(alice.password), anyString, anyValue),
      deviceId: anyValue,
      deviceName: anyValue,
    }),
  },
  {
    name: 'POST /conversations',
    method: 'POST',
    path: () => '/conversations',
    token: () => alice.token,
    shape: shaped({ userId: fc.oneof(fc.constant(bob.id), fc.constant(alice.id), maybeUuid) }),
  },
  {
    name: 'POST /conversations/:id/messages',
    method: 'POST',
    path: () => `/conversations/${chatId}/messages`,
    token: () => alice.token,
    shape: shaped({
      text: fc.oneof(anyString, anyValue),
      mediaIds: fc.oneof(fc.array(fc.uuid(), { maxLength: 11 }), anyValue),
      replyToId: fc.oneof(fc.constant(messageId), maybeUuid),
      clientMessageId: fc.oneof(fc.stringMatching(/^[\w.:-]{1,100}$/), anyValue),
      encrypted: fc.oneof(fc.boolean(), anyValue),
    }),
  },
  {
    name: 'POST /conversations/:id/read',
    method: 'POST',
    path: () => `/conversations/${chatId}/read`,
    token: () => bob.token,
    shape: shaped({ upToSeq: fc.oneof(fc.integer(), fc.nat(), anyValue) }),
  },
  {
    name: 'PATCH /users/me',
    method: 'PATCH',
    path: () => '/users/me',
    token: () => patcher.token,
    shape: shaped({
      name: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), anyValue),
      username: fc.oneof(fc.stringMatching(/^[a-z0-9_.]{3,30}$/), fc.constant(alice.username), anyValue),
      bio: fc.oneof(anyString, fc.constant(null), anyValue),
      phoneNumber: fc.oneof(fc.stringMatching(/^\+[1-9]\d{6,14}$/), fc.constant(null), anyValue),
    }),
  },
];

describe('any JSON body gets a 2xx or a 4xx problem, never a 5xx', () => {
  for (const ep of endpoints) {
    it(ep.name, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(ep.shape, ep.shape, anyValue), async (body) => {
          expectHandled(await server.api(ep.method, ep.path(), { token: ep.token(), body }), `${ep.name} ${JSON.stringify(body)?.slice(0, 200)}`);
        }),
        params(),
      );
    });
  }

  it('any bytes sent as JSON, to each endpoint', async () => {
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v).slice(0, -1)),
      fc.constantFrom('{', '[', '{"a":}', 'nul', '{"__proto__":{}}', '\ufeff{}', '{"a":1}{"b":2}', '"\\ud800"'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), raw, async (ep, rawBody) => {
        expectHandled(await server.api(ep.method, ep.path(), { token: ep.token(), rawBody }), `${ep.name} raw ${JSON.stringify(rawBody)}`);
      }),
      params(),
    );
  });
});

describe('any socket payload gets a well-formed ack and the socket stays connected', () => {
  const conversationId = () => fc.oneof(fc.constant(chatId), maybeUuid);
  const upToSeq = fc.oneof(fc.nat(), fc.integer(), anyValue);
  const events: Record<string, () => fc.Arbitrary<unknown>> = {
    'message:send': () =>
      shaped({
        conversationId: conversationId(),
        text: fc.oneof(anyString, anyValue),
        clientMessageId: fc.oneof(fc.stringMatching(/^[\w.:-]{1,100}$/), anyValue),
        replyToId: fc.oneof(fc.constant(messageId), maybeUuid),
        mediaIds: fc.oneof(fc.array(fc.uuid(), { maxLength: 3 }), anyValue),
        encrypted: anyValue,
      }),
    'message:read': () => shaped({ conversationId: conversationId(), upToSeq }),
    'message:delivered': () => shaped({ conversationId: conversationId(), upToSeq }),
    'sync:request': () => shaped({ cursor: fc.oneof(fc.nat(50), anyValue), limit: fc.oneof(fc.integer({ min: 0, max: 1001 }), anyValue) }),
    'presence:query': () => shaped({ userIds: fc.oneof(fc.array(fc.oneof(fc.constant(bob.id), fc.uuid()), { maxLength: 5 }), anyValue) }),
    'typing:start': () => shaped({ conversationId: conversationId() }),
  };

  for (const [event, shape] of Object.entries(events)) {
    it(event, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(shape(), shape(), anyValue), async (payload) => {
          const ack = await emit(socket, event, payload);
          const info = `${event} ${JSON.stringify(payload)?.slice(0, 200)} → ${JSON.stringify(ack)?.slice(0, 300)}`;
          expect(typeof ack === 'object' && ack !== null, info).toBe(true);
          if (ack.ok === true) {
            expect(ack.error, info).toBeUndefined();
          } else {
            expect(ack, info).toEqual({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
            expect(ack.error.code, info).not.toBe('internal');
          }
          expect(socket.connected, info).toBe(true);
        }),
        params(),
      );
    });
  }
});

describe('any Unicode text round-trips through message:send and history', () => {
  let roundTripChat: string;
  let sender: Socket;
  let carol: TestUser;
  let dave: TestUser;

  beforeAll(async () => {
    carol = await server.register('Carol Unicode');
    dave = await server.register('Dave Unicode');
    roundTripChat = await server.directChat(carol, dave);
    sender = await server.socket(carol.token);
  });

  const text = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 60 }),
    // Whitespace and control characters around and inside, and the odd half of a surrogate pair.
    fc
      .tuple(
        fc.constantFrom('', ' ', '\n', '\t', '\u00a0', '\u3000', '\ufeff', '\u2028'),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.constantFrom('', '\u0000', '\u0007', '\u001b', '\u007f', '\r\n', '\ud800', '\udfff', '\u200d', '🏳️‍🌈'),
        fc.string({ unit: 'binary', maxLength: 10 }),
        fc.constantFrom('', ' ', '\n', '\u2003'),
      )
      .map((parts) => parts.join('')),
  );

  let n = 0;
  const accepted = new Map<number, string>();

  it('message:send stores the trimmed text exactly, or rejects it as validation.failed', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const clientMessageId = `u-${++n}`;
        const ack = await emit(sender, 'message:send', { conversationId: roundTripChat, text: t, clientMessageId });
        const expected = t.trim();
        if (expected === '' || CONTROL.test(expected) || LONE_SURROGATE.test(expected)) {
          expect(ack, JSON.stringify(t)).toEqual({ ok: false, error: { code: 'validation.failed', message: expect.any(String) } });
          return;
        }
        expect(ack.ok, `${JSON.stringify(t)} → ${JSON.stringify(ack)}`).toBe(true);
        expect(ack.message.text).toBe(expected);
        accepted.set(ack.message.seq, expected);
        const page = await server.api('GET', `/conversations/${roundTripChat}/messages?after=${ack.message.seq - 1}&limit=1`, { token: dave.token });
        expect(page.status).toBe(200);
        expect(page.body.messages[0]).toMatchObject({ id: ack.message.id, seq: ack.message.seq, text: expected });
      }),
      params(100),
    );
    expect(accepted.size).toBeGreaterThan(20);
  });

  it('history holds exactly the accepted texts, in order', async () => {
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = await server.api('GET', `/conversations/${roundTripChat}/messages?limit=100${q}`, { token: dave.token });
      all.unshift(...page.body.messages);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all.map((m) => [m.seq, m.text])).toEqual([...accepted.entries()].sort((a, b) => a[0] - b[0]));
  });
});
