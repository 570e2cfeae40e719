import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { expectProblem } from './helpers/problems.js';
import { emit, settle, TestServer, type ApiResponse, type TestUser } from './helpers/server.js';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;
let mallory: TestUser;
let carol: TestUser;
/** alice ↔ bob: the conversation every bad request aims at. */
let chatId: string;
/** alice ↔ carol: holds the message a cross-conversation reply points to. */
let otherChatId: string;
let otherMessageId: string;
let firstMessageId: string;
/** Kept open from before the first snapshot to after the last, so presence does not move lastActive in between. */
let watcher: Socket;

const MiB = 1_048_576;
const every500: string[] = [];

/** server.api, remembering any 5xx so the last test can say there was none. */
async function call(method: string, path: string, opts: Parameters<TestServer['api']>[2] = {}): Promise<ApiResponse> {
  const res = await server.api(method, path, opts);
  if (res.status >= 500) every500.push(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** Everything a bad request could have touched, as alice, bob, carol and mallory see it. */
async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const u of [alice, bob, carol, mallory]) {
    out[`${u.name} conversations`] = (await call('GET', '/conversations', { token: u.token })).body;
    out[`${u.name} me`] = (await call('GET', '/users/me', { token: u.token })).body;
  }
  for (const [u, id] of [
    [alice, chatId],
    [bob, chatId],
    [carol, otherChatId],
  ] as const) {
    out[`${u.name} history ${id}`] = (await call('GET', `/conversations/${id}/messages?limit=100`, { token: u.token })).body;
  }
  out.events = (await emit(watcher, 'sync:request', {})).events;
  out.ghosts = (await call('GET', '/users?search=Ghost', { token: alice.token })).body;
  return out;
}

let before: Record<string, unknown>;

beforeAll(async () => {
  server = await TestServer.start();
  alice = await server.register('Alice Input');
  bob = await server.register('Bob Input');
  carol = await server.register('Carol Input');
  mallory = await server.register('Mallory Outsider');
  chatId = await server.directChat(alice, bob);
  otherChatId = await server.directChat(alice, carol);
  const m1 = await call('POST', `/conversations/${chatId}/messages`, {
    token: alice.token,
    body: { text: 'one', clientMessageId: 'seed-1' },
  });
  firstMessageId = m1.body.message.id;
  await call('POST', `/conversations/${chatId}/messages`, { token: bob.token, body: { text: 'two' } });
  await call('POST', `/conversations/${chatId}/messages`, { token: alice.token, body: { text: 'three', replyToId: firstMessageId } });
  otherMessageId = (await call('POST', `/conversations/${otherChatId}/messages`, { token: carol.token, body: { text: 'elsewhere' } })).body
    .message.id;
  watcher = await server.socket(alice.token);
  // Presence is recorded beside the connection (never in front of it): wait until it has been.
  await vi.waitFor(async () => expect((await call('GET', '/auth/me', { token: alice.token })).body.user.lastActive).not.toBeNull(), {
    timeout: 10_000,
  });
  before = await snapshot();
});
afterAll(() => server?.close());

interface Case {
  name: string;
  method: string;
  path: () => string;
  opts?: () => Parameters<TestServer['api']>[2];
  status: number;
  code: string;
  fields?: (string | RegExp)[];
}

const asAlice = (body?: unknown) => () => ({ token: alice.token, body });
const messagesOf = () => `/conversations/${chatId}/messages`;
const readOf = () => `/conversations/${chatId}/read`;
const ghost = { email: 'ghost@example.test', password: 'ghost-password', name: 'Ghost Writer' };

const restCases: Case[] = [
  // Missing fields
  {
    name: 'register with no fields',
    method: 'POST',
    path: () => '/auth/register',
    opts: () => ({ body: {} }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.email', 'body.password', 'body.name'],
  },
  {
    name: 'register without a password',
    method: 'POST',
    path: () => '/auth/register',
    opts: () => ({ body: { email: ghost.email, name: ghost.name } }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.password'],
  },
  {
    name: 'login with no fields',
    method: 'POST',
    path: () => '/auth/login',
    opts: () => ({ body: {} }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.login', 'body.password'],
  },
  {
    name: 'open a conversation without userId',
    method: 'POST',
    path: () => '/conversations',
    opts: asAlice({}),
    status: 400,
    code: 'validation.failed',
    fields: ['body.userId'],
  },
  {
    name: 'a message with neither text nor media',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({}),
    status: 400,
    code: 'validation.failed',
    fields: [/text$/],
  },
  {
    name: 'a message of only whitespace',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: ' \n\t  ' }),
    status: 400,
    code: 'validation.failed',
    fields: [/text$/],
  },
  {
    name: 'a message with an empty mediaIds list',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ mediaIds: [] }),
    status: 400,
    code: 'validation.failed',
    fields: [/text$/],
  },
  {
    name: 'a POST that needs a body sent without one',
    method: 'POST',
    path: messagesOf,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['body'],
  },

  // Wrong types
  {
    name: 'a number for text',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 12345 }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.text'],
  },
  {
    name: 'null for text',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: null }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.text'],
  },
  {
    name: 'an object for text',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: { toString: 'x' } }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.text'],
  },
  {
    name: 'a string for encrypted',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'x', encrypted: 'yes' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.encrypted'],
  },
  {
    name: 'a number for clientMessageId',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'x', clientMessageId: 7 }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.clientMessageId'],
  },
  {
    name: 'a clientMessageId with spaces',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'x', clientMessageId: 'a b' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.clientMessageId'],
  },
  {
    name: 'a string for mediaIds',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'x', mediaIds: 'abc' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.mediaIds'],
  },
  {
    name: 'a non-UUID replyToId',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'x', replyToId: 'first' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.replyToId'],
  },
  {
    name: 'control characters in text',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'bell\u0007' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.text'],
  },
  {
    name: 'a NUL byte in text',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'nul\u0000byte' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.text'],
  },
  {
    name: 'a lone surrogate in text',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'half \ud83d of an emoji' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.text'],
  },
  {
    name: 'an array for the message body',
    method: 'POST',
    path: messagesOf,
    opts: asAlice([{ text: 'x' }]),
    status: 400,
    code: 'validation.failed',
    fields: ['body'],
  },
  {
    name: 'a string for the message body',
    method: 'POST',
    path: messagesOf,
    opts: asAlice('just text'),
    status: 400,
    code: 'validation.failed',
    fields: ['body'],
  },
  {
    name: 'null for the message body',
    method: 'POST',
    path: messagesOf,
    opts: asAlice(null),
    status: 400,
    code: 'validation.failed',
    fields: ['body'],
  },
  {
    name: 'an array for the register body',
    method: 'POST',
    path: () => '/auth/register',
    opts: () => ({ body: [ghost] }),
    status: 400,
    code: 'validation.failed',
    fields: ['body'],
  },
  {
    name: 'a number for userId',
    method: 'POST',
    path: () => '/conversations',
    opts: asAlice({ userId: 42 }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.userId'],
  },
  {
    name: 'a string for upToSeq',
    method: 'POST',
    path: readOf,
    opts: asAlice({ upToSeq: '3' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.upToSeq'],
  },
  {
    name: 'a negative upToSeq',
    method: 'POST',
    path: readOf,
    opts: asAlice({ upToSeq: -1 }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.upToSeq'],
  },
  {
    name: 'a fractional upToSeq',
    method: 'POST',
    path: readOf,
    opts: asAlice({ upToSeq: 1.5 }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.upToSeq'],
  },
  {
    name: 'an upToSeq past int4',
    method: 'POST',
    path: readOf,
    opts: asAlice({ upToSeq: 2 ** 31 }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.upToSeq'],
  },
  {
    name: 'an upToSeq of 1e400 (Infinity)',
    method: 'POST',
    path: readOf,
    opts: () => ({ token: alice.token, rawBody: '{"upToSeq":1e400}' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.upToSeq'],
  },
  {
    name: 'an array for the read body',
    method: 'POST',
    path: readOf,
    opts: asAlice([3]),
    status: 400,
    code: 'validation.failed',
    fields: ['body'],
  },
  {
    name: 'a wrong email',
    method: 'POST',
    path: () => '/auth/register',
    opts: () => ({ body: { ...ghost, email: 'not-an-email' } }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.email'],
  },
  {
    name: 'a short password',
    method: 'POST',
    path: () => '/auth/register',
    opts: () => ({ body: { ...ghost, password: 'short' } }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.password'],
  },
  {
    name: 'a number for name',
    method: 'POST',
    path: () => '/auth/register',
    opts: () => ({ body: { ...ghost, name: 5 } }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.name'],
  },
  {
    name: 'a NUL byte in login',
    method: 'POST',
    path: () => '/auth/login',
    opts: () => ({ body: { login: 'ali\u0000ce', password: 'whatever' } }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.login'],
  },
  {
    name: 'a NUL byte in a login email',
    method: 'POST',
    path: () => '/auth/login',
    opts: () => ({ body: { login: 'a\u0000@example.test', password: 'whatever' } }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.login'],
  },
  {
    name: 'a number for the profile name',
    method: 'PATCH',
    path: () => '/users/me',
    opts: asAlice({ name: 5 }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.name'],
  },
  {
    name: 'a bad username',
    method: 'PATCH',
    path: () => '/users/me',
    opts: asAlice({ username: 'no spaces allowed' }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.username'],
  },
  {
    name: 'an unknown profile field',
    method: 'PATCH',
    path: () => '/users/me',
    opts: asAlice({ name: 'Alice Renamed', isAdmin: true }),
    status: 400,
    code: 'validation.failed',
    fields: ['body'],
  },
  {
    name: 'an array for the profile body',
    method: 'PATCH',
    path: () => '/users/me',
    opts: asAlice([{ name: 'x' }]),
    status: 400,
    code: 'validation.failed',
    fields: ['body'],
  },
  {
    name: 'a users cursor holding a NUL byte',
    method: 'GET',
    path: () => `/users?search=ab&cursor=${Buffer.from(JSON.stringify('a\u0000')).toString('base64url')}`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.cursor'],
  },
  {
    name: 'a users cursor that is not one',
    method: 'GET',
    path: () => '/users?search=ab&cursor=%25%25%25',
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.cursor'],
  },

  // Unknown ids
  {
    name: 'GET an unknown conversation',
    method: 'GET',
    path: () => `/conversations/${uuidv7()}`,
    opts: asAlice(),
    status: 404,
    code: 'conversation.not_found',
  },
  {
    name: 'GET messages of an unknown conversation',
    method: 'GET',
    path: () => `/conversations/${uuidv7()}/messages`,
    opts: asAlice(),
    status: 404,
    code: 'conversation.not_found',
  },
  {
    name: 'POST a message to an unknown conversation',
    method: 'POST',
    path: () => `/conversations/${uuidv7()}/messages`,
    opts: asAlice({ text: 'into the void' }),
    status: 404,
    code: 'conversation.not_found',
  },
  {
    name: 'read an unknown conversation',
    method: 'POST',
    path: () => `/conversations/${uuidv7()}/read`,
    opts: asAlice({}),
    status: 404,
    code: 'conversation.not_found',
  },
  {
    name: 'open a conversation with an unknown user',
    method: 'POST',
    path: () => '/conversations',
    opts: asAlice({ userId: uuidv7() }),
    status: 404,
    code: 'user.not_found',
  },
  { name: 'GET an unknown user', method: 'GET', path: () => `/users/${uuidv7()}`, opts: asAlice(), status: 404, code: 'user.not_found' },
  {
    name: 'read up to an unknown message',
    method: 'POST',
    path: () => `/messages/${uuidv7()}/read`,
    opts: asAlice(),
    status: 404,
    code: 'message.not_found',
  },
  {
    name: 'reply to an unknown message',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'x', replyToId: uuidv7() }),
    status: 422,
    code: 'message.reply_invalid',
  },

  // Non-UUID path ids
  {
    name: 'GET /conversations/not-a-uuid',
    method: 'GET',
    path: () => '/conversations/not-a-uuid',
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['params.id'],
  },
  {
    name: 'GET /conversations/123/messages',
    method: 'GET',
    path: () => '/conversations/123/messages',
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['params.id'],
  },
  {
    name: 'POST /conversations/x/messages',
    method: 'POST',
    path: () => '/conversations/x/messages',
    opts: asAlice({ text: 'hi' }),
    status: 400,
    code: 'validation.failed',
    fields: ['params.id'],
  },
  {
    name: 'POST /conversations/<uuid+1>/read',
    method: 'POST',
    path: () => `/conversations/${chatId}0/read`,
    opts: asAlice({}),
    status: 400,
    code: 'validation.failed',
    fields: ['params.id'],
  },
  {
    name: 'GET /users/me2',
    method: 'GET',
    path: () => '/users/me2',
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['params.id'],
  },
  {
    name: 'POST /messages/1/read',
    method: 'POST',
    path: () => '/messages/1/read',
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['params.id'],
  },

  // Someone else's conversation looks like no conversation
  {
    name: "GET someone else's conversation",
    method: 'GET',
    path: () => `/conversations/${chatId}`,
    opts: () => ({ token: mallory.token }),
    status: 404,
    code: 'conversation.not_found',
  },
  {
    name: "GET someone else's messages",
    method: 'GET',
    path: messagesOf,
    opts: () => ({ token: mallory.token }),
    status: 404,
    code: 'conversation.not_found',
  },
  {
    name: "POST into someone else's conversation",
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: mallory.token, body: { text: 'let me in' } }),
    status: 404,
    code: 'conversation.not_found',
  },
  {
    name: "read someone else's conversation",
    method: 'POST',
    path: readOf,
    opts: () => ({ token: mallory.token, body: {} }),
    status: 404,
    code: 'conversation.not_found',
  },
  {
    name: "read up to someone else's message",
    method: 'POST',
    path: () => `/messages/${firstMessageId}/read`,
    opts: () => ({ token: mallory.token }),
    status: 404,
    code: 'message.not_found',
  },

  // Size
  {
    name: 'a 1 MB text (body over 1 MiB)',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'x'.repeat(MiB) }),
    status: 413,
    code: 'request.too_large',
  },
  {
    name: 'a 1 MB register name',
    method: 'POST',
    path: () => '/auth/register',
    opts: () => ({ body: { ...ghost, name: 'g'.repeat(MiB) } }),
    status: 413,
    code: 'request.too_large',
  },
  {
    name: 'a text one over MESSAGE_MAX_LENGTH',
    method: 'POST',
    path: messagesOf,
    opts: asAlice({ text: 'y'.repeat(10_001) }),
    status: 400,
    code: 'validation.failed',
    fields: ['body.text'],
  },

  // Malformed bodies and media types
  {
    name: 'truncated JSON',
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: alice.token, rawBody: '{"text": "hi"' }),
    status: 400,
    code: 'request.malformed_json',
  },
  {
    name: 'JSON with a trailing comma',
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: alice.token, rawBody: '{"text": "hi",}' }),
    status: 400,
    code: 'request.malformed_json',
  },
  {
    name: 'an empty JSON body',
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: alice.token, rawBody: '', headers: { 'content-type': 'application/json' } }),
    status: 400,
    code: 'request.malformed_json',
  },
  {
    name: 'a __proto__ key (prototype poisoning)',
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: alice.token, rawBody: '{"text":"hi","__proto__":{"isAdmin":true}}' }),
    status: 400,
    code: 'request.malformed_json',
  },
  {
    name: 'a constructor.prototype key',
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: alice.token, rawBody: '{"text":"hi","constructor":{"prototype":{"x":1}}}' }),
    status: 400,
    code: 'request.malformed_json',
  },
  {
    name: 'malformed JSON to register',
    method: 'POST',
    path: () => '/auth/register',
    opts: () => ({ rawBody: "{email: 'x'}" }),
    status: 400,
    code: 'request.malformed_json',
  },
  {
    name: 'text/plain',
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: alice.token, rawBody: 'hello', headers: { 'content-type': 'text/plain' } }),
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'application/xml',
    method: 'POST',
    path: () => '/conversations',
    opts: () => ({ token: alice.token, rawBody: '<userId/>', headers: { 'content-type': 'application/xml' } }),
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'form-encoded',
    method: 'POST',
    path: () => '/auth/login',
    opts: () => ({ rawBody: 'login=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    status: 415,
    code: 'request.unsupported_media_type',
  },

  // Routes
  { name: 'an unknown route', method: 'GET', path: () => '/nope', status: 404, code: 'route.not_found' },
  {
    name: 'an unknown sub-route',
    method: 'POST',
    path: () => `/conversations/${chatId}/nope`,
    opts: asAlice({}),
    status: 404,
    code: 'route.not_found',
  },
  {
    name: 'a method the route does not have',
    method: 'DELETE',
    path: () => '/conversations',
    opts: asAlice(),
    status: 404,
    code: 'route.not_found',
  },

  // Query parameters
  {
    name: 'limit=0',
    method: 'GET',
    path: () => `${messagesOf()}?limit=0`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'limit=101',
    method: 'GET',
    path: () => `${messagesOf()}?limit=101`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'limit=-5',
    method: 'GET',
    path: () => `${messagesOf()}?limit=-5`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'limit=abc',
    method: 'GET',
    path: () => `${messagesOf()}?limit=abc`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'limit=2.5',
    method: 'GET',
    path: () => `${messagesOf()}?limit=2.5`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'limit=0 on the conversation',
    method: 'GET',
    path: () => `/conversations/${chatId}?limit=0`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'limit=101 on the conversation',
    method: 'GET',
    path: () => `/conversations/${chatId}?limit=101`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'limit=0 on users',
    method: 'GET',
    path: () => '/users?search=ab&limit=0',
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'limit=101 on users',
    method: 'GET',
    path: () => '/users?search=ab&limit=101',
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.limit'],
  },
  {
    name: 'before=-1',
    method: 'GET',
    path: () => `${messagesOf()}?before=-1`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.before'],
  },
  {
    name: 'cursor=abc',
    method: 'GET',
    path: () => `${messagesOf()}?cursor=abc`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.cursor'],
  },
  {
    name: 'after=1e20',
    method: 'GET',
    path: () => `${messagesOf()}?after=1e20`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.after'],
  },
  {
    name: 'after and before together',
    method: 'GET',
    path: () => `${messagesOf()}?after=1&before=3`,
    opts: asAlice(),
    status: 400,
    code: 'validation.failed',
    fields: ['querystring.after'],
  },

  // Business rules
  {
    name: 'replyToId of a message in another conversation',
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: alice.token, body: { text: 'x', replyToId: otherMessageId } }),
    status: 422,
    code: 'message.reply_invalid',
  },
  {
    name: 'opening a conversation with yourself',
    method: 'POST',
    path: () => '/conversations',
    opts: () => ({ token: alice.token, body: { userId: alice.id } }),
    status: 422,
    code: 'conversation.self',
  },

  // Auth
  { name: 'no token', method: 'GET', path: () => '/conversations', status: 401, code: 'auth.unauthorized' },
  {
    name: 'a token that is not a JWT',
    method: 'POST',
    path: messagesOf,
    opts: () => ({ token: 'not.a.jwt', body: { text: 'x' } }),
    status: 401,
    code: 'auth.token_invalid',
  },
  {
    name: 'a Basic authorization header',
    method: 'GET',
    path: () => '/conversations',
    opts: () => ({ headers: { authorization: 'Basic YWxpY2U6cHc=' } }),
    status: 401,
    code: 'auth.unauthorized',
  },
];

describe('bad REST input gets a problem+json error with a stable code', () => {
  for (const c of restCases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      expectProblem(await call(c.method, c.path(), c.opts?.()), c.status, c.code, c.fields);
    });
  }

  it('lists every bad field at once', async () => {
    const res = await call('POST', messagesOf(), {
      token: alice.token,
      body: { text: 5, encrypted: 'no', clientMessageId: '', replyToId: 'x', mediaIds: [1] },
    });
    expectProblem(res, 400, 'validation.failed', [
      'body.text',
      'body.encrypted',
      'body.clientMessageId',
      'body.replyToId',
      /^body\.mediaIds/,
    ]);
  });

  it('accepts a text of exactly MESSAGE_MAX_LENGTH elsewhere (the limit is the limit, not less)', async () => {
    const res = await call('POST', `/conversations/${otherChatId}/messages`, { token: carol.token, body: { text: 'z'.repeat(10_000) } });
    expect(res.status).toBe(201);
    expect(res.body.message.text).toHaveLength(10_000);
  });

  it('changed nothing: histories, conversations, profiles and the event stream are as before', async () => {
    const after = await snapshot();
    // The only write in this block was carol's long message in the other conversation.
    const otherKey = `${carol.name} history ${otherChatId}`;
    const otherBefore = before[otherKey] as { messages: unknown[] };
    const otherAfter = after[otherKey] as { messages: { text: string }[] };
    expect(otherAfter.messages.slice(0, -1)).toEqual(otherBefore.messages);
    expect(otherAfter.messages.at(-1)!.text).toHaveLength(10_000);
    for (const key of Object.keys(before)) {
      if (key === otherKey || key.endsWith('conversations') || key === 'events') continue;
      expect(after[key], key).toEqual(before[key]);
    }
    // Conversation lists: the alice ↔ bob entry is untouched (the other one moved with carol's message).
    for (const u of [alice, bob, carol, mallory]) {
      const pick = (s: Record<string, unknown>) =>
        (s[`${u.name} conversations`] as { conversations: { id: string }[] }).conversations.filter((c) => c.id === chatId);
      expect(pick(after), u.name).toEqual(pick(before));
      expect((after[`${u.name} conversations`] as { conversations: unknown[] }).conversations).toHaveLength(
        (before[`${u.name} conversations`] as { conversations: unknown[] }).conversations.length,
      );
    }
    const history = (after[`${alice.name} history ${chatId}`] as { messages: { seq: number; text: string }[] }).messages;
    expect(history.map((m) => [m.seq, m.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
    // Alice's event stream gained only what carol's message caused: its message:new (and any receipt), nothing for chatId.
    const evBefore = before.events as { eventId: number }[];
    const evAfter = after.events as { eventId: number; type: string; payload: any }[];
    expect(evAfter.slice(0, evBefore.length)).toEqual(evBefore);
    const added = evAfter.slice(evBefore.length);
    expect(added.map((e) => e.payload.message?.conversationId ?? e.payload.conversationId)).toEqual(added.map(() => otherChatId));
    expect(added.filter((e) => e.type === 'message:new')).toHaveLength(1);
    expect((after[`${mallory.name} conversations`] as { conversations: unknown[] }).conversations).toEqual([]);
    expect((after.ghosts as { users: unknown[] }).users).toEqual([]);
  });

  it('never answered 500', () => {
    expect(every500).toEqual([]);
  });
});

describe('bad socket payloads get an error ack and keep the connection', () => {
  let erin: TestUser;
  let frank: TestUser;
  let stranger: TestUser;
  let efId: string;
  let strangerChat: string;
  let erinMessageId: string;
  let s: Socket;
  let sentOk = 0;

  beforeAll(async () => {
    erin = await server.register('Erin Socket');
    frank = await server.register('Frank Socket');
    stranger = await server.register('Stranger Socket');
    const other = await server.register('Other Socket');
    efId = await server.directChat(erin, frank);
    strangerChat = await server.directChat(stranger, other);
    s = await server.socket(erin.token);
    const ack = await emit(s, 'message:send', { conversationId: efId, text: 'first', clientMessageId: 'e-first' });
    expect(ack.ok).toBe(true);
    erinMessageId = ack.message.id;
    sentOk = 1;
  });

  /** Every client event of src/realtime/handlers.ts. */
  const events = [
    'message:send',
    'message:edit',
    'message:delete',
    'message:delivered',
    'message:read',
    'reaction:set',
    'reaction:remove',
    'typing:start',
    'typing:stop',
    'conversation:join',
    'conversation:leave',
    'sync:request',
    'presence:query',
  ];
  /** Payloads wrong for every event (sync:request takes an absent payload, tested separately). */
  const garbage: [string, unknown][] = [
    ['null', null],
    ['a string', 'hello'],
    ['a number', 42],
    ['a boolean', true],
    ['an empty array', []],
    ['an array of an object', [{ conversationId: '0190c8e6-0000-7000-8000-000000000000' }]],
    ['a 1 MB string', 'x'.repeat(MiB)],
    ['binary', Buffer.from('binary payload')],
  ];

  function expectAckError(ack: any, code: string) {
    expect(ack, JSON.stringify(ack)?.slice(0, 300)).toEqual({ ok: false, error: { code, message: expect.any(String) } });
    expect(s.connected).toBe(true);
  }

  for (const event of events) {
    it(`${event}: malformed payloads → validation.failed`, async () => {
      for (const [what, payload] of garbage) {
        // zod takes a Buffer for an (empty) object, and sync:request's fields are all optional: a harmless full sync.
        if (event === 'sync:request' && what === 'binary') continue;
        expectAckError(await emit(s, event, payload), 'validation.failed');
      }
      if (event !== 'sync:request') {
        expectAckError(await emit(s, event, undefined), 'validation.failed');
        expectAckError(await emit(s, event, {}), 'validation.failed');
      }
    });
  }

  const P = () => ({ conversationId: efId });
  const wrongFields: [string, string, () => unknown, string][] = [
    ['message:send', 'a number for conversationId', () => ({ conversationId: 5, text: 'x', clientMessageId: 'w1' }), 'validation.failed'],
    [
      'message:send',
      'a non-UUID conversationId',
      () => ({ conversationId: 'general', text: 'x', clientMessageId: 'w1' }),
      'validation.failed',
    ],
    ['message:send', 'a number for text', () => ({ ...P(), text: 5, clientMessageId: 'w1' }), 'validation.failed'],
    ['message:send', 'an array for text', () => ({ ...P(), text: ['x'], clientMessageId: 'w1' }), 'validation.failed'],
    ['message:send', 'no clientMessageId', () => ({ ...P(), text: 'x' }), 'validation.failed'],
    ['message:send', 'a number for clientMessageId', () => ({ ...P(), text: 'x', clientMessageId: 9 }), 'validation.failed'],
    [
      'message:send',
      'a string for encrypted',
      () => ({ ...P(), text: 'x', clientMessageId: 'w1', encrypted: 'true' }),
      'validation.failed',
    ],
    ['message:send', 'an object for mediaIds', () => ({ ...P(), text: 'x', clientMessageId: 'w1', mediaIds: {} }), 'validation.failed'],
    ['message:send', 'neither text nor media', () => ({ ...P(), clientMessageId: 'w1' }), 'validation.failed'],
    ['message:send', 'whitespace only', () => ({ ...P(), text: '   ', clientMessageId: 'w1' }), 'validation.failed'],
    ['message:send', 'control characters', () => ({ ...P(), text: 'esc\u001b[2J', clientMessageId: 'w1' }), 'validation.failed'],
    ['message:send', 'a lone surrogate', () => ({ ...P(), text: 'x\udc00', clientMessageId: 'w1' }), 'validation.failed'],
    ['message:send', 'a 1 MB text', () => ({ ...P(), text: 'x'.repeat(MiB), clientMessageId: 'w1' }), 'validation.failed'],
    ['message:send', 'a text one over the limit', () => ({ ...P(), text: 'x'.repeat(10_001), clientMessageId: 'w1' }), 'validation.failed'],
    [
      'message:send',
      'an unknown conversation',
      () => ({ conversationId: uuidv7(), text: 'x', clientMessageId: 'w1' }),
      'conversation.not_found',
    ],
    [
      'message:send',
      "someone else's conversation",
      () => ({ conversationId: strangerChat, text: 'x', clientMessageId: 'w1' }),
      'conversation.not_found',
    ],
    [
      'message:send',
      'a reply into another conversation',
      () => ({ ...P(), text: 'x', clientMessageId: 'w1', replyToId: otherMessageId }),
      'message.reply_invalid',
    ],
    ['message:edit', 'a number for text', () => ({ messageId: erinMessageId, text: 1 }), 'validation.failed'],
    ['message:edit', 'empty text', () => ({ messageId: erinMessageId, text: '  ' }), 'validation.failed'],
    ['message:edit', 'a 1 MB text', () => ({ messageId: erinMessageId, text: 'x'.repeat(MiB) }), 'validation.failed'],
    ['message:edit', 'a non-UUID messageId', () => ({ messageId: 'm1', text: 'x' }), 'validation.failed'],
    ['message:edit', 'an unknown message', () => ({ messageId: uuidv7(), text: 'x' }), 'message.not_found'],
    ['message:edit', "someone else's message", () => ({ messageId: otherMessageId, text: 'x' }), 'message.not_found'],
    ['message:delete', 'no for', () => ({ messageId: erinMessageId }), 'validation.failed'],
    ['message:delete', 'an unknown for', () => ({ messageId: erinMessageId, for: 'nobody' }), 'validation.failed'],
    ['message:delete', 'an unknown message', () => ({ messageId: uuidv7(), for: 'self' }), 'message.not_found'],
    ['message:delete', "someone else's message", () => ({ messageId: otherMessageId, for: 'everyone' }), 'message.not_found'],
    ['message:delivered', 'no upToSeq', () => P(), 'validation.failed'],
    ['message:delivered', 'a string for upToSeq', () => ({ ...P(), upToSeq: '1' }), 'validation.failed'],
    ['message:delivered', 'a negative upToSeq', () => ({ ...P(), upToSeq: -3 }), 'validation.failed'],
    ['message:delivered', 'a fractional upToSeq', () => ({ ...P(), upToSeq: 0.5 }), 'validation.failed'],
    ['message:delivered', 'an unknown conversation', () => ({ conversationId: uuidv7(), upToSeq: 1 }), 'conversation.not_found'],
    ['message:read', 'a string for upToSeq', () => ({ ...P(), upToSeq: '1' }), 'validation.failed'],
    ['message:read', 'an object for conversationId', () => ({ conversationId: { id: efId } }), 'validation.failed'],
    ['message:read', 'an unknown conversation', () => ({ conversationId: uuidv7() }), 'conversation.not_found'],
    ['message:read', "someone else's conversation", () => ({ conversationId: strangerChat }), 'conversation.not_found'],
    ['reaction:set', 'not an emoji', () => ({ messageId: erinMessageId, emoji: 'smile' }), 'validation.failed'],
    ['reaction:set', 'two emoji', () => ({ messageId: erinMessageId, emoji: '👍👍' }), 'validation.failed'],
    ['reaction:set', 'a number for emoji', () => ({ messageId: erinMessageId, emoji: 1 }), 'validation.failed'],
    ['reaction:set', 'an unknown message', () => ({ messageId: uuidv7(), emoji: '👍' }), 'message.not_found'],
    ['reaction:remove', 'a non-UUID messageId', () => ({ messageId: 12 }), 'validation.failed'],
    ['reaction:remove', 'an unknown message', () => ({ messageId: uuidv7() }), 'message.not_found'],
    ['typing:start', 'a number for conversationId', () => ({ conversationId: 1 }), 'validation.failed'],
    ['typing:start', 'an unknown conversation', () => ({ conversationId: uuidv7() }), 'conversation.not_found'],
    ['typing:stop', "someone else's conversation", () => ({ conversationId: strangerChat }), 'conversation.not_found'],
    ['conversation:join', 'a non-UUID conversationId', () => ({ conversationId: 'x' }), 'validation.failed'],
    ['conversation:join', 'an unknown conversation', () => ({ conversationId: uuidv7() }), 'conversation.not_found'],
    ['conversation:join', "someone else's conversation", () => ({ conversationId: strangerChat }), 'conversation.not_found'],
    ['conversation:leave', 'a 1 MB conversationId', () => ({ conversationId: 'x'.repeat(MiB) }), 'validation.failed'],
    ['sync:request', 'a string cursor', () => ({ cursor: '5' }), 'validation.failed'],
    ['sync:request', 'a negative cursor', () => ({ cursor: -1 }), 'validation.failed'],
    ['sync:request', 'a fractional cursor', () => ({ cursor: 1.5 }), 'validation.failed'],
    ['sync:request', 'a cursor ahead of the stream', () => ({ cursor: 2 ** 40 }), 'validation.failed'],
    ['sync:request', 'limit 0', () => ({ limit: 0 }), 'validation.failed'],
    ['sync:request', 'limit 1001', () => ({ limit: 1001 }), 'validation.failed'],
    ['presence:query', 'a string for userIds', () => ({ userIds: frank.id }), 'validation.failed'],
    ['presence:query', 'an empty userIds', () => ({ userIds: [] }), 'validation.failed'],
    ['presence:query', 'non-UUID userIds', () => ({ userIds: ['frank'] }), 'validation.failed'],
    ['presence:query', '201 userIds', () => ({ userIds: Array.from({ length: 201 }, () => uuidv7()) }), 'validation.failed'],
  ];
  for (const [event, what, payload, code] of wrongFields) {
    it(`${event}: ${what} → ${code}`, async () => {
      expectAckError(await emit(s, event, payload()), code);
    });
  }

  it('answers harmless requests about unknown things without an error', async () => {
    expect(await emit(s, 'conversation:leave', { conversationId: uuidv7() })).toEqual({ ok: true });
    expect(await emit(s, 'presence:query', { userIds: [uuidv7()] })).toEqual({ ok: true, presence: [] });
    expect(await emit(s, 'sync:request', undefined)).toMatchObject({ ok: true, events: expect.any(Array) });
  });

  it('still acks when the client sends extra arguments before the callback', async () => {
    const emitArgs = (event: string, ...args: unknown[]) =>
      new Promise<any>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no ack for ${event} with extra arguments`)), 5_000);
        s.emit(event, ...args, (r: unknown) => {
          clearTimeout(t);
          resolve(r);
        });
      });
    const ack = await emitArgs('message:read', { conversationId: efId }, 'extra', 7);
    expect(ack).toMatchObject({ ok: true });
    const bad = await emitArgs('message:send', null, { conversationId: efId });
    expect(bad).toEqual({ ok: false, error: { code: 'validation.failed', message: expect.any(String) } });
  });

  it('survives emits without an ack callback, and unknown events, then sends normally', async () => {
    for (const event of events) {
      s.emit(event);
      s.emit(event, null);
      s.emit(event, { conversationId: uuidv7(), messageId: uuidv7(), text: 5 });
      s.emit(event, 'x'.repeat(MiB));
    }
    s.emit('message:send', { conversationId: uuidv7(), text: 'no ack, unknown conversation', clientMessageId: 'na-1' });
    s.emit('no:such:event', { a: 1 });
    s.emit('no:such:event', { a: 1 }, () => {});
    await settle(500);
    expect(s.connected).toBe(true);
    const ack = await emit(s, 'message:send', { conversationId: efId, text: 'still here', clientMessageId: 'e-after' });
    expect(ack).toMatchObject({ ok: true, message: { text: 'still here', seq: sentOk + 1 } });
    sentOk++;
  });

  it('never acked internal, kept the socket connected, wrote nothing bad, and the server still serves', async () => {
    expect(s.connected).toBe(true);
    const history = await call('GET', `/conversations/${efId}/messages?limit=100`, { token: frank.token });
    expect(history.body.messages.map((m: any) => m.text)).toEqual(['first', 'still here']);
    const strangers = await call('GET', `/conversations/${strangerChat}/messages`, { token: stranger.token });
    expect(strangers.body.messages).toEqual([]);
    const health = await call('GET', '/health');
    expect(health.status).toBe(200);
    const fresh = await server.socket(frank.token);
    expect(await emit(fresh, 'message:read', { conversationId: efId })).toMatchObject({ ok: true, lastReadSeq: 2 });
    expect(every500).toEqual([]);
  });
});
