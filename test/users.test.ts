import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

let server: TestServer;
let me: TestUser;

beforeAll(async () => {
  server = await TestServer.start();
  me = await server.register('Main Viewer');
});
afterAll(() => server?.close());

const unique = () => crypto.randomBytes(4).toString('hex');
/** A distinct valid E.164 number per call. */
const phone = () => `+1415${crypto.randomInt(1_000_000, 9_999_999)}`;
const publicKeys = ['id', 'name', 'username', 'initials', 'avatarColor', 'avatarUrl', 'bio', 'isOnline', 'lastActive', 'createdAt'].sort();

const patchMe = (u: TestUser, body: unknown) => server.api('PATCH', '/users/me', { token: u.token, body });

/** Registers all at once; waits for every one to finish (nothing left in flight) before reporting failures. */
async function registerAll(names: string[]): Promise<TestUser[]> {
  const results = await Promise.allSettled(names.map((n) => server.register(n)));
  expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : String(r.reason)))).toEqual(names.map(() => 'ok'));
  return results.map((r) => (r as PromiseFulfilledResult<TestUser>).value);
}

describe('GET /users/:id', () => {
  it("shows another user's public fields only, never their email or phone number", async () => {
    const other = await server.register('Grace Hopper');
    expect((await patchMe(other, { phoneNumber: phone(), bio: 'COBOL' })).status).toBe(200);
    const res = await server.api('GET', `/users/${other.id}`, { token: me.token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.user).sort()).toEqual(publicKeys);
    expect(res.body.user).toMatchObject({
      id: other.id,
      name: 'Grace Hopper',
      username: other.username,
      initials: 'GH',
      bio: 'COBOL',
      isOnline: false,
    });
    expect(JSON.stringify(res.body)).not.toContain(other.email);
  });

  it('shows your own private fields when you look yourself up', async () => {
    const res = await server.api('GET', `/users/${me.id}`, { token: me.token });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: me.id, email: me.email, phoneNumber: null });
  });

  it('an unknown id → 404 user.not_found', async () => {
    expectProblem(await server.api('GET', `/users/${crypto.randomUUID()}`, { token: me.token }), 404, 'user.not_found');
  });

  it('a non-UUID id → 400 validation.failed naming the parameter', async () => {
    const res = await server.api('GET', '/users/not-a-uuid', { token: me.token });
    expectProblem(res, 400, 'validation.failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'params.id' })]);
  });

  it('needs a token', async () => {
    expectProblem(await server.api('GET', `/users/${me.id}`), 401, 'auth.unauthorized');
  });
});

describe('GET /users/me', () => {
  it('returns the own profile with email, emailVerified, phoneNumber, phoneVerified, storageUsed, storageQuota, role and privacy', async () => {
    const res = await server.api('GET', '/users/me', { token: me.token });
    expect(res.status).toBe(200);
    const own = ['email', 'emailVerified', 'phoneNumber', 'phoneVerified', 'storageUsed', 'storageQuota', 'role', 'privacy'];
    expect(Object.keys(res.body.user).sort()).toEqual([...publicKeys, ...own].sort());
    expect(res.body.user).toMatchObject({
      id: me.id,
      email: me.email,
      name: 'Main Viewer',
      initials: 'MV',
      username: me.username,
      role: 'user',
    });
  });

  it('needs a token', async () => {
    expectProblem(await server.api('GET', '/users/me'), 401, 'auth.unauthorized');
  });
});

describe('GET /users (search)', () => {
  it('matches the name and the username, case-insensitively, and never returns yourself', async () => {
    const term = `zorb${unique()}`;
    const searcher = await server.register(`Searcher ${term}`);
    const byName = await server.register(`Quill ${term}`);
    const byUsername = await server.register('Plain Person', { username: `${term}_fan` });
    await server.register('Not A Match');

    const res = await server.api('GET', `/users?search=${term.toUpperCase()}`, { token: searcher.token });
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: any) => u.id).sort()).toEqual([byName.id, byUsername.id].sort());
    expect(res.body).toMatchObject({ nextCursor: null, hasMore: false });
    for (const u of res.body.users) expect(Object.keys(u).sort()).toEqual(publicKeys);

    // Someone else searching sees the searcher too.
    const other = await server.api('GET', `/users?search=${term}`, { token: me.token });
    expect(other.body.users.map((u: any) => u.id).sort()).toEqual([searcher.id, byName.id, byUsername.id].sort());
  });

  it('takes % and _ in the search literally', async () => {
    // Unescaped, '%%' and '__' would match everyone; no name or username here contains them.
    for (const search of ['%%', '__']) {
      const res = await server.api('GET', `/users?search=${encodeURIComponent(search)}`, { token: me.token });
      expect(res.status).toBe(200);
      expect(res.body.users).toEqual([]);
    }
    // A literal '_' still matches a username that has one.
    const underscored = await server.api('GET', `/users?search=${encodeURIComponent('_viewer')}`, {
      token: (await server.register('Peeker')).token,
    });
    expect(underscored.body.users.map((u: any) => u.id)).toContain(me.id);
  });

  it('pages with limit and cursor without duplicates or gaps', async () => {
    const term = `pager${unique()}`;
    // Long names: all seven generated usernames share one truncated base.
    const made = await registerAll(Array.from({ length: 7 }, (_, i) => `${term} Number${i}`));
    const all = await server.api('GET', `/users?search=${term}&limit=100`, { token: me.token });
    expect(all.body.users).toHaveLength(7);
    const expected = all.body.users.map((u: any) => u.id);
    expect(expected.slice().sort()).toEqual(made.map((u) => u.id).sort());

    const seen: string[] = [];
    const pages: { size: number; hasMore: boolean; cursor: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/users?search=${term}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await server.api('GET', q, { token: me.token });
      expect(page.status).toBe(200);
      seen.push(...page.body.users.map((u: any) => u.id));
      cursor = page.body.nextCursor;
      pages.push({ size: page.body.users.length, hasMore: page.body.hasMore, cursor });
    } while (cursor && pages.length < 10);

    expect(pages.map((p) => [p.size, p.hasMore])).toEqual([
      [3, true],
      [3, true],
      [1, false],
    ]);
    expect(pages.at(-1)!.cursor).toBeNull();
    expect(pages.slice(0, -1).every((p) => typeof p.cursor === 'string')).toBe(true);
    expect(seen).toEqual(expected); // same order as one big page: no duplicates, no gaps
  });

  it('a page boundary exactly at the end has hasMore false and nextCursor null', async () => {
    const term = `exact${unique()}`;
    await registerAll([`${term} One`, `${term} Two`]);
    const res = await server.api('GET', `/users?search=${term}&limit=2`, { token: me.token });
    expect(res.body).toMatchObject({ hasMore: false, nextCursor: null });
    expect(res.body.users).toHaveLength(2);
  });

  it('a cursor the server did not issue → 400 validation.failed', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), '!!!']) {
      const res = await server.api('GET', `/users?search=ab&cursor=${encodeURIComponent(cursor)}`, { token: me.token });
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'querystring.cursor' })]);
    }
  });

  it('a limit outside 1..100 → 400 validation.failed', async () => {
    for (const limit of ['0', '101', 'abc']) {
      const res = await server.api('GET', `/users?search=ab&limit=${limit}`, { token: me.token });
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors.map((e: any) => e.path)).toContain('querystring.limit');
    }
  });

  it('needs a token', async () => {
    expectProblem(await server.api('GET', '/users?search=a'), 401, 'auth.unauthorized');
  });
});

describe('PATCH /users/me', () => {
  let u: TestUser;
  beforeAll(async () => {
    u = await server.register('Patch Target');
  });

  it('changes the name and recomputes the initials', async () => {
    const res = await patchMe(u, { name: '  Émile  du Châtelet ' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: u.id, name: 'Émile  du Châtelet', initials: 'ÉC', email: u.email });
    const single = await patchMe(u, { name: 'cher' });
    expect(single.body.user).toMatchObject({ name: 'cher', initials: 'C' });
    const seen = await server.api('GET', `/users/${u.id}`, { token: me.token });
    expect(seen.body.user).toMatchObject({ name: 'cher', initials: 'C' });
  });

  it('changes the username (lowercased); login works with the new one', async () => {
    const wanted = `renamed_${unique()}`;
    const res = await patchMe(u, { username: wanted.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe(wanted);
    const login = await server.api('POST', '/auth/login', { body: { login: wanted, password: u.password } });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(u.id);
    // Setting your own username again is not a conflict.
    expect((await patchMe(u, { username: wanted })).status).toBe(200);
  });

  it('a username someone else has → 409 user.username_taken', async () => {
    const other = await server.register('Username Holder', { username: `holder_${unique()}` });
    expectProblem(await patchMe(u, { username: other.username }), 409, 'user.username_taken');
    expectProblem(await patchMe(u, { username: other.username.toUpperCase() }), 409, 'user.username_taken');
  });

  it('a malformed username → 400 validation.failed', async () => {
    const res = await patchMe(u, { username: 'no spaces!' });
    expectProblem(res, 400, 'validation.failed');
    expect(res.body.errors.map((e: any) => e.path)).toContain('body.username');
  });

  it('sets and clears the bio', async () => {
    const set = await patchMe(u, { bio: 'Physicist and translator of Newton.' });
    expect(set.status).toBe(200);
    expect(set.body.user.bio).toBe('Physicist and translator of Newton.');
    const cleared = await patchMe(u, { bio: null });
    expect(cleared.body.user.bio).toBeNull();
    expect((await patchMe(u, { bio: 'again' })).body.user.bio).toBe('again');
    expect((await patchMe(u, { bio: '' })).body.user.bio).toBeNull();
  });

  it('sets an E.164 phone number, shown only in the own profile', async () => {
    const number = phone();
    const res = await patchMe(u, { phoneNumber: number });
    expect(res.status).toBe(200);
    expect(res.body.user.phoneNumber).toBe(number);
    expect((await server.api('GET', '/users/me', { token: u.token })).body.user.phoneNumber).toBe(number);
    expect((await server.api('GET', `/users/${u.id}`, { token: me.token })).body.user).not.toHaveProperty('phoneNumber');
    // Its own number again is fine.
    expect((await patchMe(u, { phoneNumber: number })).status).toBe(200);
  });

  it('a phone number that is not E.164 → 400 validation.failed naming the field', async () => {
    for (const bad of ['4155550123', '+0123456789', '+1 415 555 0123', '+12', 'phone']) {
      const res = await patchMe(u, { phoneNumber: bad });
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.phoneNumber', message: expect.any(String) })]);
    }
  });

  it("another account's phone number is accepted, unverified: no 409 that would say who owns it (test/phone.test.ts)", async () => {
    const owner = await server.register('Phone Owner');
    const number = phone();
    expect((await patchMe(owner, { phoneNumber: number })).status).toBe(200);
    const res = await patchMe(u, { phoneNumber: number });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ phoneNumber: number, phoneVerified: false });
  });

  it('clears the phone number with null, freeing it for someone else', async () => {
    const number = phone();
    expect((await patchMe(u, { phoneNumber: number })).status).toBe(200);
    const cleared = await patchMe(u, { phoneNumber: null });
    expect(cleared.body.user.phoneNumber).toBeNull();
    const taker = await server.register('Number Taker');
    expect((await patchMe(taker, { phoneNumber: number })).body.user.phoneNumber).toBe(number);
  });

  it('an unknown field → 400 validation.failed, and nothing changes', async () => {
    const before = (await server.api('GET', '/users/me', { token: u.token })).body.user;
    const res = await patchMe(u, { name: 'Should Not Apply', email: 'hijack@example.test' });
    expectProblem(res, 400, 'validation.failed');
    // The entry names the unknown key.
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body', message: expect.stringContaining('email') })]);
    const after = (await server.api('GET', '/users/me', { token: u.token })).body.user;
    expect(after).toMatchObject({ name: before.name, email: before.email });
  });

  it('needs a token', async () => {
    expectProblem(await server.api('PATCH', '/users/me', { body: { bio: 'x' } }), 401, 'auth.unauthorized');
  });
});

describe('generated usernames', () => {
  it('are distinct for five users with the same name registering at once', async () => {
    const name = `Twin ${unique()}`;
    const users = await registerAll(Array.from({ length: 5 }, () => name));
    const usernames = users.map((x) => x.username);
    expect(new Set(usernames).size).toBe(5);
    const base = name.toLowerCase().replace(' ', '_');
    for (const un of usernames) expect(un).toMatch(new RegExp(`^${base}(_\\w+)?$`));
  });
});
