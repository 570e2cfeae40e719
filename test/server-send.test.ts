import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerKey } from '../src/features/server/serverKeys.js';
import { expectProblem } from './helpers/problems.js';
import { next, TestServer, type TestUser } from './helpers/server.js';

/*
 * POST /server/conversations/:id/messages: the app's backend sends as a provisioned user, through
 * the same send path as the user's own REST or socket send. (The key CLI is tested in server-api.test.ts;
 * here keys are made with the function it calls.)
 */

const unique = () => crypto.randomBytes(4).toString('hex');
let server: TestServer;
let key: string;

async function newKey(s: TestServer, name = `key-${unique()}`): Promise<string> {
  return (await createServerKey(s.app.ctx.db, name))!.key;
}

/** A provisioned user of a new external id, with a minted session (so it can open chats and listen like any user). */
async function provisioned(name: string): Promise<TestUser & { externalId: string }> {
  const externalId = `bot-${unique()}`;
  const put = await server.api('PUT', `/server/users/${externalId}`, { token: key, body: { name } });
  expect(put.status).toBe(200);
  const session = await server.api('POST', `/server/users/${externalId}/sessions`, { token: key, body: {} });
  expect(session.status).toBe(200);
  const u = put.body.user;
  return { id: u.id, token: session.body.accessToken, refreshToken: '', email: '', username: u.username, password: '', name, externalId };
}

const sendAs = (conversationId: string, body: Record<string, unknown>, token = key) =>
  server.api('POST', `/server/conversations/${conversationId}/messages`, { token, body });
const sendOwn = (user: TestUser, conversationId: string, body: Record<string, unknown>) =>
  server.api('POST', `/conversations/${conversationId}/messages`, { token: user.token, body });

beforeAll(async () => {
  server = await TestServer.start();
  key = await newKey(server);
});
afterAll(() => server?.close());

describe('POST /server/conversations/:id/messages', () => {
  it('sends as the provisioned user: 201 {message}; members hear it live, the sender’s own devices too', async () => {
    const bot = await provisioned('Build Bot');
    const alice = await server.register('Alice Member');
    const chatId = await server.directChat(alice, bot);
    const aliceSocket = await server.socket(alice.token);
    const botSocket = await server.socket(bot.token);
    const heard = next(aliceSocket, 'message:new');
    const echoed = next(botSocket, 'message:new');

    const res = await sendAs(chatId, { senderExternalId: bot.externalId, text: 'Build #42 passed' });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({ conversationId: chatId, senderId: bot.id, text: 'Build #42 passed', type: 'text' });
    expect((await heard).message.id).toBe(res.body.message.id);
    expect((await echoed).message.id).toBe(res.body.message.id);
    const listed = await server.api('GET', `/conversations/${chatId}/messages`, { token: alice.token });
    expect(listed.body.messages.map((m: any) => m.id)).toContain(res.body.message.id);
  });

  it('a repeated clientMessageId answers 200 with the original, never a duplicate', async () => {
    const bot = await provisioned('Retry Bot');
    const alice = await server.register('Alice Retry');
    const chatId = await server.directChat(alice, bot);
    const body = { senderExternalId: bot.externalId, text: 'once', clientMessageId: `notice-${unique()}` };
    const first = await sendAs(chatId, body);
    const again = await sendAs(chatId, body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.message.id).toBe(first.body.message.id);
    // The same clientMessageId as the user's own send: the same message (it is one user's).
    const own = await sendOwn(bot, chatId, { text: 'once', clientMessageId: body.clientMessageId });
    expect(own.status).toBe(200);
    expect(own.body.message.id).toBe(first.body.message.id);
  });

  it('an unknown senderExternalId is 404 user.not_found', async () => {
    const alice = await server.register('Alice Unknown');
    const bob = await server.register('Bob Unknown');
    const chatId = await server.directChat(alice, bob);
    expectProblem(await sendAs(chatId, { senderExternalId: `nobody-${unique()}`, text: 'hi' }), 404, 'user.not_found');
  });

  it('a conversation the sender is not in, or none at all: 404 conversation.not_found, as for the user', async () => {
    const bot = await provisioned('Outsider Bot');
    const [alice, bob] = await server.registerAll('Alice Out', 'Bob Out');
    const theirs = await server.directChat(alice, bob);
    const body = { senderExternalId: bot.externalId, text: 'let me in' };
    expectProblem(await sendAs(theirs, body), 404, 'conversation.not_found');
    expectProblem(await sendOwn(bot, theirs, { text: 'let me in' }), 404, 'conversation.not_found');
    expectProblem(await sendAs(crypto.randomUUID(), body), 404, 'conversation.not_found');
  });

  it('the same rules as the user’s own send: each bad body gets the same problem both ways', async () => {
    const bot = await provisioned('Rules Bot');
    const [alice, outsider] = await server.registerAll('Alice Rules', 'Out Rules');
    const chatId = await server.directChat(alice, bot);
    const elsewhere = await server.directChat(alice, outsider);
    const foreign = (await sendOwn(alice, elsewhere, { text: 'not in this chat' })).body.message;
    const cases: [Record<string, unknown>, number, string, string[]?][] = [
      [{}, 400, 'validation.failed', ['body.text']],
      [{ text: '' }, 400, 'validation.failed', ['body.text']],
      [{ text: 'x'.repeat(server.app.ctx.config.MESSAGE_MAX_LENGTH + 1) }, 400, 'validation.failed', ['body.text']],
      [{ text: 'hi', replyToId: foreign.id }, 422, 'message.reply_invalid'],
      [{ text: 'hi', mediaIds: [crypto.randomUUID()] }, 422, 'message.media_invalid'],
      [{ text: 'hi', mentions: { userIds: [outsider.id] } }, 422, 'message.mention_invalid'],
      // `all` is for groups.
      [{ text: 'hi', mentions: { userIds: [], all: true } }, 422, 'message.mention_invalid'],
    ];
    for (const [body, status, code, fields] of cases) {
      expectProblem(await sendOwn(bot, chatId, body), status, code, fields);
      expectProblem(await sendAs(chatId, { senderExternalId: bot.externalId, ...body }), status, code, fields);
    }
    expectProblem(await sendAs(chatId, { text: 'who sends?' }), 400, 'validation.failed', ['body.senderExternalId']);
    // Mentions that are right are stored as the user's would be.
    const ok = await sendAs(chatId, { senderExternalId: bot.externalId, text: 'ping @alice', mentions: { userIds: [alice.id] } });
    expect(ok.status).toBe(201);
    expect(ok.body.message.mentions).toEqual({ userIds: [alice.id], all: false });
  });

  it('a block between sender and member: 403 user.blocked', async () => {
    const bot = await provisioned('Blocked Bot');
    const alice = await server.register('Alice Blocks');
    const chatId = await server.directChat(alice, bot);
    expect((await server.api('POST', `/users/${bot.id}/block`, { token: alice.token })).status).toBeLessThan(300);
    expectProblem(await sendAs(chatId, { senderExternalId: bot.externalId, text: 'hello?' }), 403, 'user.blocked');
  });

  it('takes a server API key only: a user token or none is 401 auth.server_key_invalid', async () => {
    const bot = await provisioned('Auth Bot');
    const alice = await server.register('Alice Auth');
    const chatId = await server.directChat(alice, bot);
    const body = { senderExternalId: bot.externalId, text: 'hi' };
    expectProblem(await sendAs(chatId, body, alice.token), 401, 'auth.server_key_invalid');
    expectProblem(await server.api('POST', `/server/conversations/${chatId}/messages`, { body }), 401, 'auth.server_key_invalid');
  });
});

describe('rate limits of /server routes', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await TestServer.start({ RATE_LIMIT_SERVER_PER_KEY: '3/1h' });
  });
  afterAll(() => limited?.close());

  it('each server API key has its own budget (RATE_LIMIT_SERVER_PER_KEY), whatever IP or user: 429 rate_limited', async () => {
    const [first, second] = [await newKey(limited), await newKey(limited)];
    const put = (token: string, i: number) =>
      limited.api('PUT', `/server/users/limit-${i}-${unique()}`, { token, body: { name: `Limited ${i}` } });
    for (let i = 0; i < 3; i++) expect((await put(first, i)).status).toBe(200);
    const refused = await put(first, 3);
    expectProblem(refused, 429, 'rate_limited');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // Every /server route spends the same budget.
    expectProblem(await limited.api('POST', `/server/users/limit-0/sessions`, { token: first, body: {} }), 429, 'rate_limited');
    // Another key from the same IP still has all of its own.
    for (let i = 0; i < 3; i++) expect((await put(second, i)).status).toBe(200);
    expectProblem(await put(second, 3), 429, 'rate_limited');
    // Users' own routes from that IP are not touched by it.
    expect((await limited.register('Still Welcome')).id).toEqual(expect.any(String));
  });
});

describe('the OpenAPI document', () => {
  it('lists the /server routes apart: tag server, the serverKey scheme, 401 auth.server_key_invalid and 429', async () => {
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    const serverOps = ops.filter((o) => o.path.startsWith('/api/v1/server/'));
    expect(serverOps.map((o) => `${o.method} ${o.path}`)).toContain('post /api/v1/server/conversations/{id}/messages');
    for (const { op } of serverOps) {
      expect(op.tags).toEqual(['server']);
      expect(op.security).toEqual([{ serverKey: [] }]);
      expect(op.responses['401']).toBeDefined();
      expect(op.responses['429']).toBeDefined();
    }
    for (const { op } of ops.filter((o) => !o.path.startsWith('/api/v1/server/'))) {
      expect(op.tags ?? []).not.toContain('server');
      expect(JSON.stringify(op.security ?? [])).not.toContain('serverKey');
    }
    const send = doc.paths['/api/v1/server/conversations/{id}/messages'].post;
    expect(Object.keys(send.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '404', '422', '429']));
  });
});
