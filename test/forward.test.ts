import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, photo, sha256, uploadFile } from './helpers/media.js';
import { history, pair, send } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { emit, next, TestServer, type TestUser } from './helpers/server.js';

const servers: TestServer[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
  servers.push(server);
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

const forward = (s: TestServer, u: TestUser, id: string, conversationIds: string[]) =>
  s.api('POST', `/messages/${id}/forward`, { token: u.token, body: { conversationIds } });

async function groupOf(s: TestServer, owner: TestUser, members: TestUser[], name = 'Forward Club'): Promise<string> {
  const created = await s.api('POST', '/groups', { token: owner.token, body: { name, memberIds: members.map((m) => m.id) } });
  expect(created.status).toBe(201);
  return created.body.group.id;
}

describe('forwarding', () => {
  it('sends a copy to each target, marked forwarded; a blocked and a non-member target are refused alone', async () => {
    const { a: fwd, b: source, chatId: sourceChat } = await pair(server, ['Fay Forwarder', 'Sol Source']);
    const [friend, blocker, stranger, member] = await server.registerAll('Fred Friend', 'Bea Blocker', 'Stan Stranger', 'Gail Groupie');
    const friendChat = await server.directChat(fwd, friend);
    const blockedChat = await server.directChat(fwd, blocker);
    expect((await server.api('POST', `/users/${fwd.id}/block`, { token: blocker.token })).status).toBe(200);
    const group = await groupOf(server, fwd, [member]);
    const notMine = await groupOf(server, stranger, [], 'Not Yours');
    const original = await send(server, source, sourceChat, 'the meeting moved to 3 pm');

    const friendSocket = await server.socket(friend.token);
    const arriving = next(friendSocket, 'message:new', (p) => p.message.conversationId === friendChat);
    const res = await forward(server, fwd, original.id, [friendChat, blockedChat, notMine, group, friendChat]);
    expect(res.status).toBe(200);
    const results = res.body.results;
    expect(results.map((r: any) => r.conversationId)).toEqual([friendChat, blockedChat, notMine, group]);
    expect(results[1]).toMatchObject({ error: { code: 'user.blocked' } });
    expect(results[2]).toMatchObject({ error: { code: 'conversation.not_found' } });
    for (const r of [results[0], results[3]]) {
      expect(r.message).toMatchObject({ senderId: fwd.id, text: 'the meeting moved to 3 pm', forwarded: true, type: 'text' });
    }
    expect((await arriving).message).toMatchObject({ id: results[0].message.id, forwarded: true, seq: results[0].message.seq });
    expect((await history(server, member, group)).at(-1)).toMatchObject({ id: results[3].message.id, forwarded: true });
    expect((await history(server, source, sourceChat)).at(-1)).toMatchObject({ id: original.id, forwarded: false });
    expect((await history(server, blocker, blockedChat)).filter((m) => m.forwarded)).toEqual([]);
  });

  it('reuses the media (the same id, not uploaded again), which the target members may then fetch and could not before', async () => {
    const { a: owner, b: fwd, chatId } = await pair(server, ['Pam Photographer', 'Fin Forward']);
    const viewer = await server.register('Val Viewer');
    const target = await server.directChat(fwd, viewer);
    const image = await photo(320, 240);
    const up = await uploadFile(server, owner.token, image, { name: 'beach.jpg', type: 'image/jpeg' });
    expect(up.status).toBe(201);
    const original = await send(server, owner, chatId, 'look', { mediaIds: [up.body.media.id] });
    const mediaUrl: string = original.media[0].url;
    expect((await fetchBytes(server, mediaUrl, viewer.token)).status).toBe(404);

    const res = await forward(server, fwd, original.id, [target]);
    const copy = res.body.results[0].message;
    expect(copy).toMatchObject({ type: 'image', text: 'look', forwarded: true });
    expect(copy.media.map((m: any) => m.id)).toEqual([up.body.media.id]);
    const seen = await fetchBytes(server, copy.media[0].url, viewer.token);
    expect(seen.status).toBe(200);
    expect(sha256(seen.bytes)).toBe(sha256((await fetchBytes(server, mediaUrl, owner.token)).bytes));
    // Still one upload, owned by its uploader: the forwarder's quota is untouched.
    expect((await server.api('GET', '/users/me', { token: fwd.token })).body.user.storageUsed).toBe(0);
    // The original deleted for everyone: the copy keeps its media.
    expect((await server.api('DELETE', `/messages/${original.id}?for=everyone`, { token: owner.token })).status).toBe(200);
    expect((await fetchBytes(server, copy.media[0].url, viewer.token)).status).toBe(200);
    expect((await fetchBytes(server, mediaUrl, fwd.token)).status).toBe(200);
  });

  it('cannot forward what one cannot see, nor messages the server cannot read or that are gone', async () => {
    const { a, b, chatId } = await pair(server, ['Ian Insider', 'Jo Joined']);
    const outsider = await server.register('Kim Outside');
    const ownChat = await server.directChat(outsider, a);
    const secret = await send(server, a, chatId, 'between us');
    expectProblem(await forward(server, outsider, secret.id, [ownChat]), 404, 'message.not_found');

    const sealed = await send(server, a, chatId, 'Y2lwaGVydGV4dA==', { encrypted: true });
    expectProblem(await forward(server, b, sealed.id, [chatId]), 422, 'message.not_forwardable');
    const group = await groupOf(server, a, [b]);
    const created = (await history(server, a, group)).find((m) => m.system?.action === 'group_created');
    expectProblem(await forward(server, a, created.id, [chatId]), 422, 'message.not_forwardable');

    expect((await server.api('DELETE', `/messages/${secret.id}?for=everyone`, { token: a.token })).status).toBe(200);
    expectProblem(await forward(server, b, secret.id, [chatId]), 409, 'message.deleted');
    const many = Array.from({ length: 11 }, () => chatId);
    expectProblem(await forward(server, b, sealed.id, many), 400, 'validation.failed');
    expectProblem(await forward(server, b, sealed.id, []), 400, 'validation.failed');
  });

  it("spends the sender's message budget per target, as their own sends do: past it, those targets are rate_limited", async () => {
    const limited = await TestServer.start({ RATE_LIMIT_MESSAGES_PER_USER: '3/1h' });
    servers.push(limited);
    const { a, b, chatId } = await pair(limited, ['Rae Rate', 'Lou Limit']);
    const original = await send(limited, b, chatId, 'pass it on');
    const [c, d] = await Promise.all([limited.register('Cy Three'), limited.register('Di Four')]);
    const targets = [chatId, await limited.directChat(a, c), await limited.directChat(a, d)];
    const first = await forward(limited, a, original.id, targets.slice(0, 2));
    expect(first.body.results.every((r: any) => r.message)).toBe(true);
    const second = await forward(limited, a, original.id, targets);
    const codes = second.body.results.map((r: any) => r.error?.code ?? 'sent');
    expect(codes.filter((x: string) => x === 'sent')).toHaveLength(1);
    expect(codes.filter((x: string) => x === 'rate_limited')).toHaveLength(2);
    expectProblem(
      await limited.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text: 'x' } }),
      429,
      'rate_limited',
    );
  });

  it('over the socket too: message:forward acks the results, pin and star have their events', async () => {
    const { a, b, chatId } = await pair(server, ['Sam Socket', 'Tess Target']);
    const other = await server.register('Uma Else');
    const otherChat = await server.directChat(a, other);
    const original = await send(server, b, chatId, 'forward me by socket');
    const as = await server.socket(a.token);
    const ack = await emit(as, 'message:forward', { messageId: original.id, conversationIds: [otherChat, chatId] });
    expect(ack.ok).toBe(true);
    expect(ack.results.map((r: any) => r.message?.forwarded)).toEqual([true, true]);

    const bs = await server.socket(b.token);
    const pinned = next(bs, 'message:pinned', (p) => p.messageId === original.id);
    expect(await emit(as, 'message:pin', { messageId: original.id })).toMatchObject({ ok: true, pin: { pinnedBy: a.id } });
    await pinned;
    expect(await emit(as, 'message:star', { messageId: original.id })).toEqual({ ok: true });
    expect(await emit(as, 'message:unstar', { messageId: original.id })).toEqual({ ok: true });
    expect(await emit(as, 'message:unpin', { messageId: original.id })).toEqual({ ok: true });
    expect(await emit(as, 'message:forward', { messageId: original.id, conversationIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'validation.failed' },
    });
  });
});
