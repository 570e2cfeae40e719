import crypto from 'node:crypto';
import { Manager } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ RATE_LIMIT_KEY_CLAIMS_PER_USER: '10000/1m' });
});
afterAll(() => server?.close());

const hidden = { isOnline: false, lastActive: null };

describe('presence is shown only to people who share a conversation', () => {
  it('a stranger sees isOnline false and lastActive null in GET /users/:id, search and presence:query; a contact sees it', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const [target, contact, stranger] = (await Promise.all(
      [`Presence Pat ${tag}`, 'Contact Cleo', 'Stranger Stu'].map((n) => server.register(n)),
    )) as [TestUser, TestUser, TestUser];
    await server.directChat(target, contact);
    const online = await server.socket(target.token);
    const [contactSock, strangerSock] = await Promise.all([server.socket(contact.token), server.socket(stranger.token)]);

    const seenBy = async (u: TestUser, sock: typeof contactSock) => ({
      profile: (await server.api('GET', `/users/${target.id}`, { token: u.token })).body.user,
      search: (await server.api('GET', `/users?search=${encodeURIComponent(tag)}`, { token: u.token })).body.users.find(
        (x: any) => x.id === target.id,
      ),
      query: (await emit(sock, 'presence:query', { userIds: [target.id] })).presence[0],
    });
    const byContact = await seenBy(contact, contactSock);
    expect(byContact.profile).toMatchObject({ isOnline: true, lastActive: expect.any(String) });
    expect(byContact.search).toMatchObject({ isOnline: true, lastActive: expect.any(String) });
    expect(byContact.query).toEqual({ userId: target.id, isOnline: true, lastActive: expect.any(String) });

    const byStranger = await seenBy(stranger, strangerSock);
    expect(byStranger.profile).toMatchObject({ id: target.id, ...hidden });
    expect(byStranger.search).toMatchObject({ id: target.id, ...hidden });
    expect(byStranger.query).toEqual({ userId: target.id, ...hidden });

    // Offline with a last-seen time: still hidden from the stranger.
    const off = next(contactSock, 'user:offline', (p) => p.userId === target.id);
    online.disconnect();
    await off;
    expect((await server.api('GET', `/users/${target.id}`, { token: stranger.token })).body.user).toMatchObject(hidden);
    expect((await server.api('GET', `/users/${target.id}`, { token: contact.token })).body.user.lastActive).toEqual(expect.any(String));
    // Sharing a group counts as sharing a conversation.
    expect(
      (await server.api('POST', '/groups', { token: stranger.token, body: { name: 'Now we share', memberIds: [target.id] } })).status,
    ).toBe(201);
    expect((await server.api('GET', `/users/${target.id}`, { token: stranger.token })).body.user.lastActive).toEqual(expect.any(String));
    // You always see your own.
    expect((await server.api('GET', '/users/me', { token: contact.token })).body.user).toMatchObject({ isOnline: true });
  });

  it('user:online and user:offline reach only people who share a conversation', async () => {
    const [target, contact, stranger] = (await Promise.all(
      ['Event Eve', 'Event Contact', 'Event Stranger'].map((n) => server.register(n)),
    )) as [TestUser, TestUser, TestUser];
    await server.directChat(target, contact);
    const [contactSock, strangerSock] = await Promise.all([server.socket(contact.token), server.socket(stranger.token)]);
    const strangerSaw = [...['user:online', 'user:offline'].map((e) => collect(strangerSock, e))];
    const on = next(contactSock, 'user:online', (p) => p.userId === target.id);
    const t = await server.socket(target.token);
    await on;
    const off = next(contactSock, 'user:offline', (p) => p.userId === target.id);
    t.disconnect();
    await off;
    await settle();
    expect(strangerSaw.flat().filter((p: any) => p.userId === target.id)).toEqual([]);
  });
});

describe('user search', () => {
  it('GET /users needs a search term of at least 2 characters → 400 validation.failed otherwise', async () => {
    const u = await server.register('Searcher Sue');
    for (const q of ['', '?search=', '?search=a', '?search=%20%20a%20', '?limit=5']) {
      const res = await server.api('GET', `/users${q}`, { token: u.token });
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors.map((e: any) => e.path)).toContain('querystring.search');
    }
    expect((await server.api('GET', '/users?search=Su', { token: u.token })).status).toBe(200);
  });

  it('is rate-limited per user (RATE_LIMIT_USER_SEARCH_PER_USER) → 429 rate_limited', async () => {
    const own = await TestServer.start({ RATE_LIMIT_USER_SEARCH_PER_USER: '3/1m' });
    try {
      const [a, b] = await Promise.all([own.register('Search One'), own.register('Search Two')]);
      for (let i = 0; i < 3; i++) expect((await own.api('GET', '/users?search=Search', { token: a.token })).status).toBe(200);
      const limited = await own.api('GET', '/users?search=Search', { token: a.token });
      expectProblem(limited, 429, 'rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Someone else has their own budget.
      expect((await own.api('GET', '/users?search=Search', { token: b.token })).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('key-bundle claims', () => {
  it('are limited per target (RATE_LIMIT_KEY_CLAIMS_PER_TARGET): many claimers together get 429; other targets are not', async () => {
    const own = await TestServer.start({ RATE_LIMIT_KEY_CLAIMS_PER_TARGET: '5/1h', RATE_LIMIT_KEY_CLAIMS_PER_USER: '100/1h' });
    try {
      const [target, other, ...claimers] = await Promise.all(
        ['Target Tom', 'Other Olga', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((n) => own.register(n)),
      );
      const claim = (by: TestUser, of: TestUser) => own.api('GET', `/users/${of.id}/keys`, { token: by.token });
      // Five different claimers, one claim each: the target's budget is gone.
      for (const c of claimers.slice(0, 5)) expect((await claim(c, target!)).status).toBe(404); // no keys published: still counts
      const limited = await claim(claimers[5]!, target!);
      expectProblem(limited, 429, 'rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await claim(claimers[5]!, other!)).status).toBe(404);
    } finally {
      await own.close();
    }
  });
});

/** Sends the Socket.IO CONNECT with the token and hangs up at once, before the server has checked it. */
async function abandonHandshake(url: string, token: string): Promise<void> {
  const manager = new Manager(url, { transports: ['websocket'], reconnection: false, autoConnect: false });
  const socket = manager.socket('/', { auth: { token } });
  await new Promise<void>((resolve) => {
    manager.once('open', () =>
      setImmediate(() => {
        manager.engine.close();
        resolve();
      }),
    );
    socket.connect();
  });
}

describe('sockets per user', () => {
  it('MAX_SOCKETS_PER_USER: the next handshake fails with connect_error socket.too_many; closing one makes room', async () => {
    const own = await TestServer.start({ MAX_SOCKETS_PER_USER: '3' });
    try {
      const [u, other] = await Promise.all([own.register('Many Sockets'), own.register('Someone Else')]);
      const sockets = await Promise.all([1, 2, 3].map(() => own.socket(u.token)));
      const refused = await own.socketError({ token: u.token });
      expect(refused.message).toBe('socket.too_many');
      expect(refused.data).toMatchObject({ code: 'socket.too_many' });
      // Concurrent handshakes cannot slip past the cap together.
      const burst = await Promise.allSettled([1, 2, 3].map(() => own.socket(u.token)));
      expect(burst.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      // Another user is not affected.
      expect((await own.socket(other.token)).connected).toBe(true);
      sockets[0]!.disconnect();
      await settle(200);
      expect((await own.socket(u.token)).connected).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('handshakes abandoned while they are being checked do not use up the cap', async () => {
    const own = await TestServer.start({ MAX_SOCKETS_PER_USER: '2' });
    try {
      const u = await own.register('Flaky Network');
      for (let i = 0; i < 20; i++) await abandonHandshake(own.url, u.token);
      await settle(500);
      const both = await Promise.all([own.socket(u.token), own.socket(u.token)]);
      expect(both.every((s) => s.connected)).toBe(true);
    } finally {
      await own.close();
    }
  });
});
