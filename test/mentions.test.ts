import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, listed, pair, search, send } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { emit, next, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

const none = { userIds: [], all: false };

/** A group with an owner, an admin and two members, plus an outsider. */
async function group(mentionAll?: 'admins' | 'members') {
  const [owner, admin, mia, max, outsider] = await Promise.all(
    ['Olga Owner', 'Ada Admin', 'Mia Member', 'Max Member', 'Out Sider'].map((n) => server.register(n)),
  );
  const created = await server.api('POST', '/groups', {
    token: owner!.token,
    body: { name: 'Mentions', memberIds: [admin!.id, mia!.id, max!.id], ...(mentionAll ? { mentionAll } : {}) },
  });
  expect(created.status).toBe(201);
  const id: string = created.body.group.id;
  await server.api('PATCH', `/groups/${id}/members/${admin!.id}`, { token: owner!.token, body: { role: 'admin' } });
  return { id, owner: owner!, admin: admin!, mia: mia!, max: max!, outsider: outsider! };
}

const post = (user: TestUser, conversationId: string, body: Record<string, unknown>) =>
  server.api('POST', `/conversations/${conversationId}/messages`, { token: user.token, body: { text: 'hey', ...body } });

describe('mentions on send', () => {
  it('stores mentions by id (each once) and shows them in the reply, history, search, lists and live events', async () => {
    const g = await group();
    const live = await server.socket(g.mia.token);
    const heard = next(live, 'message:new');
    const sent = await send(server, g.max, g.id, 'ping @mia about the aardvark', { mentions: { userIds: [g.mia.id, g.mia.id] } });
    expect(sent.mentions).toEqual({ userIds: [g.mia.id], all: false });
    expect((await heard).message.mentions).toEqual({ userIds: [g.mia.id], all: false });

    const plain = await send(server, g.max, g.id, 'no one');
    expect(plain.mentions).toEqual(none);
    const shown = await history(server, g.owner, g.id);
    expect(shown.find((m) => m.id === sent.id).mentions).toEqual({ userIds: [g.mia.id], all: false });
    expect(shown.find((m) => m.id === plain.id).mentions).toEqual(none);
    expect(shown.find((m) => m.type === 'system').mentions).toEqual(none);

    const found = await search(server, g.mia, 'q=aardvark');
    expect(found.body.messages[0].mentions).toEqual({ userIds: [g.mia.id], all: false });
    const reply = await send(server, g.mia, g.id, 'yes?', { replyToId: sent.id });
    expect(reply.mentions).toEqual(none);
    expect((await listed(server, g.owner, g.id)).lastMessage.mentions).toEqual(none);
  });

  it('over the socket too, and replays them in sync', async () => {
    const g = await group();
    const s = await server.socket(g.max.token);
    const start = (await emit(s, 'sync:request', {})).cursor;
    const ack = await emit(s, 'message:send', {
      conversationId: g.id,
      clientMessageId: 'mention-1',
      text: 'hi @ada',
      mentions: { userIds: [g.admin.id] },
    });
    expect(ack).toMatchObject({ ok: true, message: { mentions: { userIds: [g.admin.id], all: false } } });
    const bad = await emit(s, 'message:send', {
      conversationId: g.id,
      clientMessageId: 'mention-2',
      text: 'x',
      mentions: { userIds: [g.outsider.id] },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'message.mention_invalid' } });

    const adminSocket = await server.socket(g.admin.token);
    const synced = await emit(adminSocket, 'sync:request', { cursor: start });
    const replayed = synced.events.find((e: any) => e.type === 'message:new' && e.payload.message.id === ack.message.id);
    expect(replayed.payload.message.mentions).toEqual({ userIds: [g.admin.id], all: false });
  });

  it('refuses a non-member, a malformed list, and mentions.all in a direct chat', async () => {
    const g = await group();
    expectProblem(await post(g.max, g.id, { mentions: { userIds: [g.outsider.id] } }), 422, 'message.mention_invalid');
    expectProblem(await post(g.max, g.id, { mentions: { userIds: ['nope'] } }), 400, 'validation.failed');
    expectProblem(await post(g.max, g.id, { mentions: { all: true } }), 400, 'validation.failed');
    expectProblem(await post(g.max, g.id, { mentions: { userIds: [], everyone: true } }), 400, 'validation.failed');
    const { a, b, chatId } = await pair(server, ['Dee Rect', 'Dan Rect']);
    expect((await post(a, chatId, { mentions: { userIds: [b.id] } })).status).toBe(201);
    expectProblem(await post(a, chatId, { mentions: { userIds: [], all: true } }), 422, 'message.mention_invalid');
    // Nothing was written by the refused sends.
    expect((await history(server, b, chatId)).length).toBe(1);
  });

  it('lets owners and admins mention everyone; members only when the group allows it', async () => {
    const g = await group();
    const all = { mentions: { userIds: [], all: true } };
    expect((await post(g.owner, g.id, all)).body.message.mentions).toEqual({ userIds: [], all: true });
    expect((await post(g.admin, g.id, all)).status).toBe(201);
    expectProblem(await post(g.mia, g.id, all), 403, 'message.mention_all_forbidden');

    const changed = await server.api('PATCH', `/groups/${g.id}`, { token: g.admin.token, body: { mentionAll: 'members' } });
    expect(changed.status).toBe(200);
    expect(changed.body.group.mentionAll).toBe('members');
    expect((await post(g.mia, g.id, all)).status).toBe(201);
    expectProblem(
      await server.api('PATCH', `/groups/${g.id}`, { token: g.admin.token, body: { mentionAll: 'all' } }),
      400,
      'validation.failed',
    );
    expectProblem(
      await server.api('PATCH', `/groups/${g.id}`, { token: g.mia.token, body: { mentionAll: 'admins' } }),
      403,
      'group.not_admin',
    );

    const open = await group('members');
    expect((await listed(server, open.max, open.id)).mentionAll).toBe('members');
    expect((await post(open.max, open.id, all)).status).toBe(201);
    const { a, chatId } = await pair(server, ['Nul Direct', 'Nil Direct']);
    expect((await listed(server, a, chatId)).mentionAll).toBeNull();
  });

  it('refuses any mention list with a non-member in it (property)', async () => {
    const g = await group();
    const ids = [g.owner.id, g.admin.id, g.mia.id, g.max.id];
    await fc.assert(
      fc.asyncProperty(fc.subarray(ids), fc.boolean(), async (members, withOutsider) => {
        const userIds = withOutsider ? [...members, g.outsider.id] : members;
        const res = await post(g.admin, g.id, { mentions: { userIds } });
        if (withOutsider) expectProblem(res, 422, 'message.mention_invalid');
        else expect(res.body.message.mentions).toEqual({ userIds: [...new Set(members)], all: false });
      }),
      { numRuns: 12 },
    );
  });
});

describe('unreadMentionCount', () => {
  it('counts messages after your watermark that mention you by id or all, not your own; reading resets it', async () => {
    const g = await group();
    await send(server, g.max, g.id, '@mia', { mentions: { userIds: [g.mia.id] } });
    await send(server, g.max, g.id, '@ada', { mentions: { userIds: [g.admin.id] } });
    await send(server, g.owner, g.id, '@all', { mentions: { userIds: [], all: true } });
    await send(server, g.mia, g.id, 'me, myself', { mentions: { userIds: [g.mia.id] } });
    // Mia's own message read everything before it.
    expect(await listed(server, g.mia, g.id)).toMatchObject({ unreadCount: 0, unreadMentionCount: 0 });
    // Ada: by id and all; Max: all (not his own); Olga: nothing after her own message.
    expect(await listed(server, g.admin, g.id)).toMatchObject({ unreadMentionCount: 2 });
    expect(await listed(server, g.max, g.id)).toMatchObject({ unreadMentionCount: 1 });
    expect(await listed(server, g.owner, g.id)).toMatchObject({ unreadMentionCount: 0 });

    const last = await send(server, g.owner, g.id, '@mia again', { mentions: { userIds: [g.mia.id] } });
    await send(server, g.owner, g.id, 'and @all', { mentions: { userIds: [], all: true } });
    expect(await listed(server, g.mia, g.id)).toMatchObject({ unreadCount: 2, unreadMentionCount: 2 });

    const miaSocket = await server.socket(g.mia.token);
    const ack = await emit(miaSocket, 'message:read', { conversationId: g.id, upToSeq: last.seq });
    expect(ack).toMatchObject({ ok: true, unreadCount: 1, unreadMentionCount: 1 });
    expect(await listed(server, g.mia, g.id)).toMatchObject({ unreadCount: 1, unreadMentionCount: 1 });
    const read = await server.api('POST', `/conversations/${g.id}/read`, { token: g.admin.token, body: {} });
    expect(read.body).toMatchObject({ unreadCount: 0, unreadMentionCount: 0 });
    expect(await listed(server, g.admin, g.id)).toMatchObject({ unreadCount: 0, unreadMentionCount: 0 });
    const one = await server.api('GET', `/conversations/${g.id}`, { token: g.max.token });
    expect(one.body.conversation.unreadMentionCount).toBe(2);
  });

  it('does not count a mention deleted for everyone', async () => {
    const g = await group();
    const m = await send(server, g.max, g.id, '@mia oops', { mentions: { userIds: [g.mia.id] } });
    expect(await listed(server, g.mia, g.id)).toMatchObject({ unreadMentionCount: 1 });
    expect((await server.api('DELETE', `/messages/${m.id}?for=everyone`, { token: g.max.token })).status).toBe(200);
    expect(await listed(server, g.mia, g.id)).toMatchObject({ unreadMentionCount: 0 });
    expect((await history(server, g.mia, g.id)).find((x) => x.id === m.id).mentions).toEqual(none);
  });
});

describe('edits and mentions', () => {
  it('an edit may replace the mentions; message:updated carries who it newly mentions', async () => {
    const g = await group();
    const m = await send(server, g.max, g.id, 'hi @mia', { mentions: { userIds: [g.mia.id] } });
    const watcher = await server.socket(g.owner.token);
    const updated = next(watcher, 'message:updated');
    const res = await server.api('PATCH', `/messages/${m.id}`, {
      token: g.max.token,
      body: { text: 'hi @mia and @ada', mentions: { userIds: [g.mia.id, g.admin.id] } },
    });
    expect(res.status).toBe(200);
    expect(res.body.message.mentions).toEqual({ userIds: [g.mia.id, g.admin.id], all: false });
    const ev = await updated;
    expect(ev.mentionsAdded).toEqual({ userIds: [g.admin.id], all: false });
    expect(ev.message.mentions).toEqual({ userIds: [g.mia.id, g.admin.id], all: false });
    expect(await listed(server, g.admin, g.id)).toMatchObject({ unreadMentionCount: 1 });

    // Text only: the mentions stay, and no one is newly mentioned.
    const s = await server.socket(g.max.token);
    const again = next(watcher, 'message:updated');
    const ack = await emit(s, 'message:edit', { messageId: m.id, text: 'hi all of you' });
    expect(ack.message.mentions).toEqual({ userIds: [g.mia.id, g.admin.id], all: false });
    expect((await again).mentionsAdded).toEqual(none);

    // Dropping a mention: it no longer counts.
    const dropped = await emit(s, 'message:edit', { messageId: m.id, text: 'hi ada', mentions: { userIds: [g.admin.id] } });
    expect(dropped.message.mentions).toEqual({ userIds: [g.admin.id], all: false });
    expect(await listed(server, g.mia, g.id)).toMatchObject({ unreadMentionCount: 0 });
  });

  it('checks an edit’s mentions as a send’s', async () => {
    const g = await group();
    const m = await send(server, g.mia, g.id, 'hello');
    const edit = (mentions: unknown) =>
      server.api('PATCH', `/messages/${m.id}`, { token: g.mia.token, body: { text: 'hello!', mentions } });
    expectProblem(await edit({ userIds: [g.outsider.id] }), 422, 'message.mention_invalid');
    expectProblem(await edit({ userIds: [], all: true }), 403, 'message.mention_all_forbidden');
    expectProblem(await edit({ userIds: 'everyone' }), 400, 'validation.failed');
    expect((await history(server, g.mia, g.id)).find((x) => x.id === m.id)).toMatchObject({ text: 'hello', mentions: none });
  });
});
