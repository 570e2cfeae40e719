import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/connect.js';
import { unzip } from './helpers/zip.js';
import { pair, send } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { newAccount, sdkClient, until } from './helpers/sdk.js';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

const star = (u: TestUser, id: string) => server.api('POST', `/messages/${id}/star`, { token: u.token });
const unstar = (u: TestUser, id: string) => server.api('DELETE', `/messages/${id}/star`, { token: u.token });
const starred = async (u: TestUser, query = '') => {
  const res = await server.api('GET', `/users/me/starred${query}`, { token: u.token });
  expect(res.status).toBe(200);
  return res.body;
};

describe('starred messages', () => {
  it('are private: your other devices hear message:starred, the other person hears nothing and sees no trace', async () => {
    const { a, b, chatId } = await pair(server, ['Stella Star', 'Otto Other']);
    const msg = await send(server, b, chatId, 'a recipe worth keeping');
    const phone = await server.socket(a.token);
    const theirs = await server.socket(b.token);
    const heardByThem = [...collect(theirs, 'message:starred'), ...collect(theirs, 'message:unstarred')];

    const onPhone = next(phone, 'message:starred', (p) => p.messageId === msg.id);
    expect((await star(a, msg.id)).body).toEqual({ success: true });
    expect(await onPhone).toMatchObject({ conversationId: chatId, messageId: msg.id, starredAt: expect.any(String) });
    expect((await star(a, msg.id)).status).toBe(200);

    const page = await starred(a);
    expect(page).toMatchObject({ hasMore: false, nextCursor: null });
    expect(page.stars.map((s: any) => s.message.id)).toEqual([msg.id]);
    expect(page.stars[0].message.text).toBe('a recipe worth keeping');
    expect((await starred(b)).stars).toEqual([]);

    const offPhone = next(phone, 'message:unstarred', (p) => p.messageId === msg.id);
    expect((await unstar(a, msg.id)).status).toBe(200);
    await offPhone;
    expect((await starred(a)).stars).toEqual([]);
    await settle();
    expect(heardByThem).toEqual([]);
    const theirSync = (await emit(theirs, 'sync:request', { cursor: 0 })).events.map((e: any) => e.type);
    expect(theirSync).not.toContain('message:starred');
  });

  it('is 404 for a message you cannot see, 409 for one deleted for everyone', async () => {
    const { a, b, chatId } = await pair(server, ['Nina Nosy', 'Paul Private']);
    const msg = await send(server, a, chatId, 'not for outsiders');
    const outsider = await server.register('Oscar Outsider');
    expectProblem(await star(outsider, msg.id), 404, 'message.not_found');
    expectProblem(await unstar(outsider, msg.id), 404, 'message.not_found');
    expect((await star(b, msg.id)).status).toBe(200);
    expect((await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: a.token })).status).toBe(200);
    expect((await starred(b)).stars).toEqual([]);
    expectProblem(await star(b, msg.id), 409, 'message.deleted');
  });

  it('pages the latest starred first, with an opaque cursor', async () => {
    const { a, chatId } = await pair(server, ['Paige Pager', 'Quinn Quiet']);
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await send(server, a, chatId, `star me ${i}`));
    for (const m of sent) expect((await star(a, m.id)).status).toBe(200);
    const first = await starred(a, '?limit=2');
    expect(first.hasMore).toBe(true);
    const second = await starred(a, `?limit=2&cursor=${first.nextCursor}`);
    const third = await starred(a, `?limit=2&cursor=${second.nextCursor}`);
    expect(third).toMatchObject({ hasMore: false, nextCursor: null });
    const ids = [...first.stars, ...second.stars, ...third.stars].map((s: any) => s.message.id);
    expect(ids).toEqual(sent.map((m) => m.id).reverse());
    expectProblem(await server.api('GET', '/users/me/starred?cursor=nonsense', { token: a.token }), 400, 'validation.failed');
  });

  it('reach the SDK store of another device, live and after a reconnect (sync)', async () => {
    const account = newAccount('Sid Device');
    const laptop = await sdkClient(server, account, { signUp: true });
    const phone = await sdkClient(server, account, { signUp: false });
    laptop.connect();
    phone.connect();
    const other = await server.register('Vic Sender');
    const opened = await server.api('POST', '/conversations', { token: other.token, body: { userId: laptop.userId } });
    const chatId = opened.body.conversation.id;
    const one = await send(server, other, chatId, 'star on the laptop');
    const two = await send(server, other, chatId, 'star while the phone is away');

    await laptop.messages.star(one.id, chatId);
    expect(laptop.store.isStarred(one.id)).toBe(true);
    await until(() => phone.store.isStarred(one.id), 'the phone hears the star');

    phone.disconnect();
    await laptop.messages.star(two.id, chatId);
    await laptop.messages.unstar(one.id, chatId);
    phone.connect();
    await until(() => phone.store.isStarred(two.id) && !phone.store.isStarred(one.id), 'the phone syncs the stars');
    expect(phone.store.starred()).toEqual([two.id]);
    const page = await phone.messages.starred();
    expect(page.stars.map((s) => s.message.id)).toEqual([two.id]);
    await Promise.all([laptop.close(), phone.close()]);
  });

  it("are in the account's export, and go with the account", async () => {
    const { a, b, chatId } = await pair(server, ['Eve Export', 'Fred Friend']);
    const msg = await send(server, b, chatId, 'exported star');
    expect((await star(a, msg.id)).status).toBe(200);
    const res = await fetch(`${server.url}/api/v1/users/me/export`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(res.status).toBe(200);
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    const list = JSON.parse(files.get('starred.json')!.toString('utf8'));
    expect(list).toEqual([{ messageId: msg.id, conversationId: chatId, starredAt: expect.any(String) }]);

    expect((await server.api('DELETE', '/users/me', { token: a.token, body: { password: a.password } })).status).toBe(204);
    const left = await rows<{ n: number }>(server.app.ctx.db, sql`select count(*)::int as n from stars where user_id = ${a.id}`);
    expect(Number(left[0]!.n)).toBe(0);
  });
});
