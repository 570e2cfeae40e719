import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchIndexed } from './helpers/messages.js';
import { TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

/** Follows nextCursor from the first page to the last; every page's keys, in order. */
async function allPages(u: TestUser, path: string, limit: number, keys: string[]) {
  const pages: Record<string, string[]>[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: any = await server.api('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      token: u.token,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.hasMore).toBe(res.body.nextCursor !== null);
    pages.push(Object.fromEntries(keys.map((k) => [k, res.body[k].map((x: any) => x.id)])));
    for (const k of keys) expect(res.body[k].length).toBeLessThanOrEqual(limit);
    cursor = res.body.nextCursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor);
  return pages;
}

describe('list pagination (decision)', () => {
  it('GET /conversations pages with limit and cursor, pinned first then newest activity, no duplicates or gaps', async () => {
    const [me, ...others] = await server.registerAll('Pager Pat', 'P1', 'P2', 'P3', 'P4', 'P5');
    const chats: string[] = [];
    for (const o of others) chats.push(await server.directChat(me, o));
    // Activity in an order different from creation; one pinned.
    for (const c of [chats[2]!, chats[0]!, chats[4]!]) {
      await server.api('POST', `/conversations/${c}/messages`, { token: me.token, body: { text: 'bump' } });
    }
    await server.api('PATCH', `/conversations/${chats[3]}/settings`, { token: me.token, body: { isPinned: true } });
    const full = await server.api('GET', '/conversations?limit=100', { token: me.token });
    const order = full.body.conversations.map((c: any) => c.id);
    expect(order).toEqual([chats[3], chats[4], chats[0], chats[2], chats[1]]);
    expect(full.body).toMatchObject({ hasMore: false, nextCursor: null });

    const pages = await allPages(me, '/conversations', 2, ['conversations']);
    expect(pages.map((p) => p.conversations!.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.conversations)).toEqual(order);
    const first = await server.api('GET', '/conversations', { token: me.token });
    expect(first.body.conversations).toHaveLength(5); // default limit 50

    for (const q of ['limit=0', 'limit=101', 'limit=x', 'cursor=nope', `cursor=${Buffer.from('{"p":1}').toString('base64url')}`]) {
      const res = await server.api('GET', `/conversations?${q}`, { token: me.token });
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
  });

  it('GET /groups pages both lists (joined and discover) with one cursor', async () => {
    const [me, other] = await server.registerAll('Group Pager', 'Group Maker');
    for (let i = 0; i < 3; i++) await server.api('POST', '/groups', { token: me.token, body: { name: `Mine ${i}` } });
    for (let i = 0; i < 2; i++)
      await server.api('POST', '/groups', { token: other.token, body: { name: `Public ${i}`, visibility: 'public' } });
    const full = await server.api('GET', '/groups?limit=100', { token: me.token });
    const joined = full.body.joined.map((g: any) => g.id);
    const discover = full.body.discover.map((g: any) => g.id);
    expect(joined).toHaveLength(3);
    expect(discover.length).toBeGreaterThanOrEqual(7); // 2 public + the 5 default groups
    const pages = await allPages(me, '/groups', 2, ['joined', 'discover']);
    expect(pages.flatMap((p) => p.joined)).toEqual(joined);
    expect(pages.flatMap((p) => p.discover)).toEqual(discover);
    expect(pages.length).toBe(Math.ceil(discover.length / 2));
    const searched = await allPages(me, '/groups?search=Mine', 1, ['joined', 'discover']);
    expect(searched.flatMap((p) => p.joined)).toEqual(joined);
  });

  it('GET /invitations pages newest first', async () => {
    const [me, ...owners] = await server.registerAll('Invited Ivan', 'O1', 'O2', 'O3');
    const ids: string[] = [];
    for (const o of owners) {
      const g = (await server.api('POST', '/groups', { token: o.token, body: { name: `Inviting ${o.name}` } })).body.group.id;
      ids.push((await server.api('POST', `/groups/${g}/invitations`, { token: o.token, body: { userId: me.id } })).body.invitation.id);
    }
    const pages = await allPages(me, '/invitations', 2, ['invitations']);
    expect(pages.map((p) => p.invitations!.length)).toEqual([2, 1]);
    expect(pages.flatMap((p) => p.invitations)).toEqual([...ids].reverse());
  });
});

describe('crafted cursors', () => {
  it('a cursor with a time no timestamp can hold is 400 validation.failed on every paged list, not a 500', async () => {
    const [u] = await server.registerAll('Cursor Crafter');
    const id = '01900000-0000-7000-8000-000000000000';
    const craft = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const cases = [
      `/conversations?cursor=${craft({ p: false, t: 1e20, id })}`,
      `/groups?cursor=${craft({ d: { t: 1e20, id } })}`,
      `/invitations?cursor=${craft({ t: -5, id })}`,
    ];
    for (const path of cases) {
      const res = await server.api('GET', path, { token: u.token });
      expect({ path, status: res.status, code: res.body?.code }).toEqual({ path, status: 400, code: 'validation.failed' });
    }
  });
});

describe('search input (item 14)', () => {
  it('a query of operators only (50 dashes and the like) finds nothing, not a 500; words around operators still match', async () => {
    const [a, b] = await server.registerAll('Searcher Sue', 'Searcher Sid');
    const chat = await server.directChat(a, b);
    await server.api('POST', `/conversations/${chat}/messages`, {
      token: a.token,
      body: { text: 'the narwhal-tusk and mail sue@example.com' },
    });
    await searchIndexed(server);
    for (const q of [
      '-'.repeat(50),
      '-'.repeat(200),
      '- '.repeat(100),
      '!'.repeat(100),
      '('.repeat(100),
      '"'.repeat(100),
      '&|!<->:*'.repeat(20),
      "''''",
    ]) {
      const res = await server.api('GET', `/messages/search?q=${encodeURIComponent(q)}`, { token: a.token });
      expect(res.status, `${q.slice(0, 10)} ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.messages).toEqual([]);
    }
    for (const q of ['narwhal', '-narwhal', 'narwhal-tusk', '"narwhal tusk"', 'NARWHAL & tusk', 'sue@example.com']) {
      const res = await server.api('GET', `/messages/search?q=${encodeURIComponent(q)}`, { token: a.token });
      expect(res.status, q).toBe(200);
      expect(res.body.messages.length, q).toBe(1);
    }
  });
});
