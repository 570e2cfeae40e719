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

/** Runs per property: enough to find the edges, few enough for the file to finish in ~15 s on 2 cores. */
const RUNS = 60;
/** A failure prints its seed; FC_SEED=<seed> replays it. */
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

beforeAll(async () => {
  server = await TestServer.start();
  alice = await server.register('Alice Property');
  bob = await server.register('Bob Property');
  patcher = await server.register('Pat Cher');
  chatId = await server.directChat(alice, bob);
  messageId = (await server.api('POST', `/conversations/${chatId}/messages`, { token: alice.token, body: { text: 'seed' } })).body.message
    .id;
  socket = await server.socket(alice.token);
});
afterAll(() => server?.close());

// endOnFailure: no shrinking, which would replay many requests against the server; the seed and the raw counterexample are reported.
const params = (numRuns = RUNS) => ({ numRuns, seed, endOnFailure: true });

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

/**
 * A body shaped like the real one, so it gets past the first checks: the `required` fields are
 * always there, the others come and go, and each value is usually a good one and sometimes anything.
 */
const shaped = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[] = []) => fc.record(fields, { requiredKeys: required });
/** Mostly `good`, now and then any value at all. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 5 }, { arbitrary: anyValue, weight: 1 });
const simpleEmail = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/).map((local) => `${local}@example.test`);
const goodText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const clientId = fc.stringMatching(/^[\w.:-]{1,100}$/);
/** Usually printable text, sometimes any string (control characters, lone surrogates, empty). */
const someText = fc.oneof({ arbitrary: goodText, weight: 3 }, { arbitrary: anyString, weight: 1 });
/** Usually no media, sometimes ids of media that do not exist. */
const someMediaIds = fc.oneof({ arbitrary: fc.constant([]), weight: 3 }, { arbitrary: fc.array(fc.uuid(), { maxLength: 11 }), weight: 1 });

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
  /** Built when the test runs: some fields use ids made in beforeAll. */
  shape: () => fc.Arbitrary<unknown>;
}

const endpoints: Endpoint[] = [
  {
    name: 'POST /auth/register',
    method: 'POST',
    path: () => '/auth/register',
    token: () => undefined,
    shape: () =>
      shaped(
        {
          email: mostly(fc.oneof(simpleEmail, fc.emailAddress(), fc.constant(alice.email))),
          password: mostly(fc.string({ unit: 'binary', minLength: 8, maxLength: 20 })),
          name: mostly(someText),
          username: mostly(fc.oneof(fc.stringMatching(/^[a-z0-9_.]{3,30}$/), fc.constant(alice.username))),
          deviceId: mostly(someText),
          deviceName: mostly(someText),
        },
        ['email', 'password', 'name'],
      ),
  },
  {
    name: 'POST /auth/login',
    method: 'POST',
    path: () => '/auth/login',
    token: () => undefined,
    shape: () =>
      shaped(
        {
          login: mostly(fc.oneof(fc.constant(alice.username), fc.constant(alice.email), anyString)),
          password: mostly(fc.oneof(fc.constant(alice.password), anyString)),
          deviceId: mostly(someText),
          deviceName: mostly(someText),
        },
        ['login', 'password'],
      ),
  },
  {
    name: 'POST /conversations',
    method: 'POST',
    path: () => '/conversations',
    token: () => alice.token,
    shape: () => shaped({ userId: mostly(fc.oneof(fc.constant(bob.id), fc.constant(alice.id), fc.uuid(), fc.uuid({ version: 7 }))) }),
  },
  {
    name: 'POST /conversations/:id/messages',
    method: 'POST',
    path: () => `/conversations/${chatId}/messages`,
    token: () => alice.token,
    shape: () =>
      shaped(
        {
          text: mostly(someText),
          mediaIds: mostly(someMediaIds),
          replyToId: mostly(fc.oneof(fc.constant(messageId), fc.uuid())),
          clientMessageId: mostly(clientId),
          encrypted: mostly(fc.boolean()),
        },
        ['text'],
      ),
  },
  {
    name: 'POST /conversations/:id/read',
    method: 'POST',
    path: () => `/conversations/${chatId}/read`,
    token: () => bob.token,
    shape: () => shaped({ upToSeq: mostly(fc.oneof(fc.nat(), fc.integer())) }),
  },
  {
    name: 'PATCH /users/me',
    method: 'PATCH',
    path: () => '/users/me',
    token: () => patcher.token,
    shape: () =>
      shaped({
        name: mostly(someText),
        username: mostly(fc.oneof(fc.stringMatching(/^[a-z0-9_.]{3,30}$/), fc.constant(alice.username))),
        bio: mostly(fc.oneof(someText, fc.constant(null))),
        phoneNumber: mostly(fc.oneof(fc.stringMatching(/^\+[1-9]\d{6,14}$/), fc.constant(null))),
      }),
  },
];

describe('any JSON body gets a 2xx or a 4xx problem, never a 5xx', () => {
  for (const ep of endpoints) {
    it(ep.name, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(ep.shape(), ep.shape(), anyValue), async (body) => {
          expectHandled(
            await server.api(ep.method, ep.path(), { token: ep.token(), body }),
            `${ep.name} ${JSON.stringify(body)?.slice(0, 200)}`,
          );
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
  const conversationId = () => mostly(fc.oneof({ arbitrary: fc.constant(chatId), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 }));
  const upToSeq = mostly(fc.oneof(fc.nat(), fc.integer()));
  const events: Record<string, () => fc.Arbitrary<unknown>> = {
    'message:send': () =>
      shaped(
        {
          conversationId: conversationId(),
          text: mostly(someText),
          clientMessageId: mostly(clientId),
          replyToId: mostly(fc.oneof(fc.constant(messageId), fc.uuid())),
          mediaIds: mostly(someMediaIds),
          encrypted: mostly(fc.boolean()),
        },
        ['conversationId', 'text', 'clientMessageId'],
      ),
    'message:read': () => shaped({ conversationId: conversationId(), upToSeq }, ['conversationId']),
    'message:delivered': () => shaped({ conversationId: conversationId(), upToSeq }, ['conversationId']),
    'sync:request': () => shaped({ cursor: mostly(fc.nat(50)), limit: mostly(fc.integer({ min: 0, max: 1001 })) }),
    'presence:query': () => shaped({ userIds: mostly(fc.array(fc.oneof(fc.constant(bob.id), fc.uuid()), { maxLength: 5 })) }, ['userIds']),
    'typing:start': () => shaped({ conversationId: conversationId() }, ['conversationId']),
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
        const page = await server.api('GET', `/conversations/${roundTripChat}/messages?after=${ack.message.seq - 1}&limit=1`, {
          token: dave.token,
        });
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
