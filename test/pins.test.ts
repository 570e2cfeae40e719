import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PINS_PER_CONVERSATION } from '../src/features/messages/pins.js';
import { MessageRetention } from '../src/features/retention/retention.js';
import { history, pair, send } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { newAccount, sdkClient, until } from './helpers/sdk.js';
import { emit, next, syncEvents, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  // The retention purge is run by the test itself.
  server = await TestServer.start({ MESSAGE_PURGE_INTERVAL_MS: '86400000' });
});
afterAll(() => server?.close());

const pin = (u: TestUser, messageId: string) => server.api('POST', `/messages/${messageId}/pin`, { token: u.token });
const unpin = (u: TestUser, messageId: string) => server.api('DELETE', `/messages/${messageId}/pin`, { token: u.token });
const pinsOf = async (u: TestUser, conversationId: string) => {
  const res = await server.api('GET', `/conversations/${conversationId}/pins`, { token: u.token });
  expect(res.status).toBe(200);
  return res.body.pins as any[];
};

/** A group of an owner, an admin and a member, and someone outside it. */
async function group(name: string) {
  const [owner, admin, member, outsider] = await Promise.all(
    ['Owner', 'Admin', 'Member', 'Outsider'].map((n) => server.register(`${name} ${n}`)),
  );
  const created = await server.api('POST', '/groups', { token: owner!.token, body: { name, memberIds: [admin!.id, member!.id] } });
  expect(created.status).toBe(201);
  const id: string = created.body.group.id;
  expect((await server.api('PATCH', `/groups/${id}/members/${admin!.id}`, { token: owner!.token, body: { role: 'admin' } })).status).toBe(
    200,
  );
  return { id, owner: owner!, admin: admin!, member: member!, outsider: outsider! };
}

describe('pinned messages', () => {
  it('in a direct chat both pin and unpin; the other hears message:pinned live, with a system message, and the list shows it', async () => {
    const { a, b, chatId } = await pair(server, ['Pia Pinner', 'Pete Peer']);
    const msg = await send(server, a, chatId, 'the address is 12 Elm Street');
    const bs = await server.socket(b.token);
    const pinned = next(bs, 'message:pinned', (p) => p.messageId === msg.id);
    const system = next(bs, 'message:new', (p) => p.message.system?.action === 'message_pinned');

    const res = await pin(b, msg.id);
    expect(res.status).toBe(200);
    expect(res.body.pin).toMatchObject({ message: { id: msg.id, text: 'the address is 12 Elm Street' }, pinnedBy: b.id });
    // b pinned over REST: every socket of the conversation hears it, b's own included.
    expect(await pinned).toMatchObject({ conversationId: chatId, messageId: msg.id, pinnedBy: b.id, eventId: expect.any(Number) });
    expect((await system).message).toMatchObject({
      type: 'system',
      system: { action: 'message_pinned', actorId: b.id, messageId: msg.id },
      text: 'Pete Peer pinned a message',
    });
    expect((await pinsOf(a, chatId)).map((p) => p.message.id)).toEqual([msg.id]);

    // Pinning it again changes nothing: no second pin, no second system message.
    expect((await pin(a, msg.id)).body.pin.pinnedBy).toBe(b.id);
    expect((await history(server, a, chatId)).filter((m) => m.system?.action === 'message_pinned')).toHaveLength(1);

    const unpinned = next(bs, 'message:unpinned', (p) => p.messageId === msg.id);
    expect((await unpin(a, msg.id)).body).toEqual({ success: true });
    expect(await unpinned).toMatchObject({ conversationId: chatId, messageId: msg.id, unpinnedBy: a.id });
    expect(await pinsOf(b, chatId)).toEqual([]);
    expect((await unpin(a, msg.id)).status).toBe(200);
  });

  it('in a group, pinPermission decides: admins only by default, every member once the group says so', async () => {
    const g = await group('Pin Club');
    const msg = await send(server, g.member, g.id, 'meeting on Friday');
    const shown = await server.api('GET', `/conversations/${g.id}`, { token: g.member.token });
    expect(shown.body.conversation.pinPermission).toBe('admins');

    expectProblem(await pin(g.member, msg.id), 403, 'group.not_admin');
    expect((await pin(g.admin, msg.id)).status).toBe(200);
    expectProblem(await unpin(g.member, msg.id), 403, 'group.not_admin');

    expectProblem(
      await server.api('PATCH', `/groups/${g.id}`, { token: g.member.token, body: { pinPermission: 'members' } }),
      403,
      'group.not_admin',
    );
    const ms = await server.socket(g.member.token);
    const updated = next(ms, 'conversation:updated', (p) => p.conversation.id === g.id);
    const patched = await server.api('PATCH', `/groups/${g.id}`, { token: g.owner.token, body: { pinPermission: 'members' } });
    expect(patched.body.group.pinPermission).toBe('members');
    expect((await updated).conversation.pinPermission).toBe('members');
    expect((await unpin(g.member, msg.id)).status).toBe(200);
    expect((await pin(g.member, msg.id)).status).toBe(200);
  });

  it('is 404 to non-members, for pinning, unpinning and the list, as if nothing were there', async () => {
    const g = await group('Closed Pins');
    const msg = await send(server, g.owner, g.id, 'members only');
    expect((await pin(g.owner, msg.id)).status).toBe(200);
    expectProblem(await pin(g.outsider, msg.id), 404, 'message.not_found');
    expectProblem(await unpin(g.outsider, msg.id), 404, 'message.not_found');
    expectProblem(await server.api('GET', `/conversations/${g.id}/pins`, { token: g.outsider.token }), 404, 'conversation.not_found');
    expectProblem(await pin(g.owner, '00000000-0000-7000-8000-000000000000'), 404, 'message.not_found');
  });

  it(`keeps at most ${MAX_PINS_PER_CONVERSATION} per conversation: one more is 409 pin.limit_reached`, async () => {
    const { a, b, chatId } = await pair(server, ['Lena Limit', 'Max Many']);
    const sent = [];
    for (let i = 0; i <= MAX_PINS_PER_CONVERSATION; i++) sent.push(await send(server, i % 2 ? a : b, chatId, `note ${i}`));
    for (const m of sent.slice(0, MAX_PINS_PER_CONVERSATION)) expect((await pin(a, m.id)).status).toBe(200);
    expectProblem(await pin(b, sent.at(-1).id), 409, 'pin.limit_reached');
    const listed = await pinsOf(b, chatId);
    expect(listed).toHaveLength(MAX_PINS_PER_CONVERSATION);
    expect(listed[0].message.id).toBe(sent[MAX_PINS_PER_CONVERSATION - 1].id);
    expect((await unpin(b, sent[0].id)).status).toBe(200);
    expect((await pin(b, sent.at(-1).id)).status).toBe(200);
  });

  it('sync replays pins and unpins to a device that was away, in order', async () => {
    const { a, b, chatId } = await pair(server, ['Sara Sync', 'Tom Away']);
    const bs = await server.socket(b.token);
    const cursor = (await emit(bs, 'sync:request', {})).cursor;
    bs.disconnect();
    const one = await send(server, a, chatId, 'first');
    const two = await send(server, a, chatId, 'second');
    await pin(a, one.id);
    await pin(a, two.id);
    await unpin(a, one.id);
    const back = await server.socket(b.token);
    const ack = await emit(back, 'sync:request', { cursor });
    const marks = ack.events
      .filter((e: any) => e.type === 'message:pinned' || e.type === 'message:unpinned')
      .map((e: any) => [e.type, e.payload.messageId]);
    expect(marks).toEqual([
      ['message:pinned', one.id],
      ['message:pinned', two.id],
      ['message:unpinned', one.id],
    ]);
  });

  it('a pin goes with its message: deleted for everyone, purged by retention, erased with its account', async () => {
    const { a, b, chatId } = await pair(server, ['Del Pinned', 'Rae Remaining']);
    const wiped = await send(server, a, chatId, 'soon deleted');
    const old = await send(server, b, chatId, 'old news');
    const erased = await send(server, a, chatId, 'from an account that goes');
    for (const m of [wiped, old, erased]) expect((await pin(b, m.id)).status).toBe(200);

    expect((await server.api('DELETE', `/messages/${wiped.id}?for=everyone`, { token: a.token })).status).toBe(200);
    expect((await pinsOf(b, chatId)).map((p) => p.message.id).sort()).toEqual([old.id, erased.id].sort());
    expectProblem(await pin(b, wiped.id), 409, 'message.deleted');

    await server.app.ctx.db.execute(sql`update messages set created_at = now() - interval '3 days' where id = ${old.id}`);
    await server.app.ctx.db.execute(sql`update conversations set message_retention_days = 1 where id = ${chatId}`);
    // Only the oldest message has expired; its seq prefix is what goes.
    await server.app.ctx.db.execute(
      sql`update messages set created_at = now() - interval '3 days' where conversation_id = ${chatId} and seq < ${old.seq}`,
    );
    expect((await new MessageRetention(server.app.ctx).run()).messages).toBeGreaterThan(0);
    expect((await pinsOf(b, chatId)).map((p) => p.message.id)).toEqual([erased.id]);
    expect((await syncEvents(server, b)).filter((e) => e.type === 'message:pinned' && e.payload.messageId === old.id)).toEqual([]);

    expect((await server.api('DELETE', '/users/me', { token: a.token, body: { password: a.password } })).status).toBe(204);
    expect(await pinsOf(b, chatId)).toEqual([]);
  });

  it("through the SDK: pin, list, and the other member's store follows live; forwarding arrives in the target store", async () => {
    const [one, two] = [newAccount('Ada SDK'), newAccount('Bo SDK')];
    const ada = await sdkClient(server, one, { signUp: true });
    const bo = await sdkClient(server, two, { signUp: true });
    ada.connect();
    bo.connect();
    const opened = await ada.rest.POST('/conversations', { body: { userId: bo.userId! } });
    const chatId = opened.data!.conversation.id;
    await Promise.all([ada.conversations.list(), bo.conversations.list()]);
    const msg = await ada.send(chatId, { text: 'pin me through the SDK' });
    await Promise.all([ada.messages.list(chatId), bo.messages.list(chatId)]);

    const pinned = await ada.messages.pin(msg.id);
    expect(pinned).toMatchObject({ message: { id: msg.id }, pinnedBy: ada.userId });
    expect(ada.store.isPinned(chatId, msg.id)).toBe(true);
    await until(() => bo.store.isPinned(chatId, msg.id), "bo's store hears the pin");
    await until(() => bo.store.pins(chatId)[0]?.message?.text === 'pin me through the SDK', 'the pin shows its message');
    expect((await bo.messages.pins(chatId)).map((p) => p.message.id)).toEqual([msg.id]);

    await bo.messages.unpin(msg.id, chatId);
    await until(() => !ada.store.isPinned(chatId, msg.id), "ada's store hears the unpin");
    expect(bo.store.pins(chatId)).toEqual([]);

    const results = await bo.messages.forward(msg.id, [chatId]);
    expect(results).toMatchObject([{ conversationId: chatId, message: { forwarded: true, senderId: bo.userId } }]);
    await until(
      () => ada.store.messages(chatId).messages.some((m) => m.forwarded && m.senderId === bo.userId),
      "the forwarded copy in ada's window",
    );
    await Promise.all([ada.close(), bo.close()]);
  });
});
