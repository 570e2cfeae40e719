import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

/** A direct chat of a blocker and a blocked user with one message from each, sent before the block. */
async function blockedChat() {
  const [blocker, blocked] = await Promise.all([server.register('Blocker Bella'), server.register('Blocked Boris')]);
  const chat = await server.directChat(blocker, blocked);
  const send = async (u: TestUser, text: string) =>
    (await server.api('POST', `/conversations/${chat}/messages`, { token: u.token, body: { text } })).body.message.id as string;
  const fromBlocker = await send(blocker, 'from the blocker');
  const fromBlocked = await send(blocked, 'from the blocked');
  expect((await server.api('POST', `/users/${blocked.id}/block`, { token: blocker.token })).status).toBe(200);
  return { blocker, blocked, chat, fromBlocker, fromBlocked };
}

describe('a block in a direct chat', () => {
  it('refuses reactions both ways with 403 user.blocked, over REST and sockets, and the blocker hears nothing', async () => {
    const { blocker, blocked, chat, fromBlocker, fromBlocked } = await blockedChat();
    const blockerSock = await server.socket(blocker.token);
    const heard = collect(blockerSock, 'reaction:updated');
    const blockedSock = await server.socket(blocked.token);

    expectProblem(
      await server.api('PUT', `/messages/${fromBlocker}/reaction`, { token: blocked.token, body: { emoji: '💩' } }),
      403,
      'user.blocked',
    );
    expect(await emit(blockedSock, 'reaction:set', { messageId: fromBlocker, emoji: '💩' })).toMatchObject({
      ok: false,
      error: { code: 'user.blocked' },
    });
    expect(await emit(blockedSock, 'reaction:set', { messageId: fromBlocked, emoji: '👍' })).toMatchObject({
      ok: false,
      error: { code: 'user.blocked' },
    });
    // The blocker cannot reach the blocked user either (as with sends).
    expectProblem(
      await server.api('PUT', `/messages/${fromBlocked}/reaction`, { token: blocker.token, body: { emoji: '👍' } }),
      403,
      'user.blocked',
    );
    expect(await emit(blockerSock, 'reaction:set', { messageId: fromBlocked, emoji: '👍' })).toMatchObject({
      ok: false,
      error: { code: 'user.blocked' },
    });

    await settle();
    expect(heard).toEqual([]);
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: blocker.token });
    expect(history.body.messages.every((m: any) => m.reactions.length === 0)).toBe(true);
  });

  it('refuses edits of old messages both ways with 403 user.blocked, over REST and sockets, and no message:updated arrives', async () => {
    const { blocker, blocked, chat, fromBlocker, fromBlocked } = await blockedChat();
    const blockerSock = await server.socket(blocker.token);
    const heard = collect(blockerSock, 'message:updated');
    const blockedSock = await server.socket(blocked.token);

    expectProblem(
      await server.api('PATCH', `/messages/${fromBlocked}`, { token: blocked.token, body: { text: 'you cannot hide' } }),
      403,
      'user.blocked',
    );
    expect(await emit(blockedSock, 'message:edit', { messageId: fromBlocked, text: 'you cannot hide' })).toMatchObject({
      ok: false,
      error: { code: 'user.blocked' },
    });
    expectProblem(
      await server.api('PATCH', `/messages/${fromBlocker}`, { token: blocker.token, body: { text: 'edited' } }),
      403,
      'user.blocked',
    );
    expect(await emit(blockerSock, 'message:edit', { messageId: fromBlocker, text: 'edited' })).toMatchObject({
      ok: false,
      error: { code: 'user.blocked' },
    });

    await settle();
    expect(heard).toEqual([]);
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: blocker.token });
    expect(history.body.messages.map((m: any) => [m.text, m.editedAt])).toEqual([
      ['from the blocker', null],
      ['from the blocked', null],
    ]);
  });

  it('drops typing both ways silently: the ack is ok, no typing event reaches the other side', async () => {
    const { blocker, blocked, chat } = await blockedChat();
    const blockerSock = await server.socket(blocker.token);
    const blockedSock = await server.socket(blocked.token);
    const blockerHeard = collect(blockerSock, 'typing');
    const blockedHeard = collect(blockedSock, 'typing');

    expect(await emit(blockedSock, 'typing:start', { conversationId: chat })).toEqual({ ok: true });
    expect(await emit(blockedSock, 'typing:stop', { conversationId: chat })).toEqual({ ok: true });
    expect(await emit(blockerSock, 'typing:start', { conversationId: chat })).toEqual({ ok: true });
    await settle();
    expect(blockerHeard).toEqual([]);
    expect(blockedHeard).toEqual([]);
  });

  it('taking back a reaction made before the block still works (it reaches nobody new)', async () => {
    const [blocker, blocked] = await Promise.all([server.register('Early Blocker'), server.register('Early Reactor')]);
    const chat = await server.directChat(blocker, blocked);
    const msg = (await server.api('POST', `/conversations/${chat}/messages`, { token: blocker.token, body: { text: 'hi' } })).body.message
      .id;
    expect((await server.api('PUT', `/messages/${msg}/reaction`, { token: blocked.token, body: { emoji: '👍' } })).status).toBe(200);
    expect((await server.api('POST', `/users/${blocked.id}/block`, { token: blocker.token })).status).toBe(200);
    const removed = await server.api('DELETE', `/messages/${msg}/reaction`, { token: blocked.token });
    expect(removed.status).toBe(200);
    expect(removed.body.reactions).toEqual([]);
  });

  it('lifting the block lets reactions, edits and typing through again', async () => {
    const { blocker, blocked, chat, fromBlocker, fromBlocked } = await blockedChat();
    expect((await server.api('DELETE', `/users/${blocked.id}/block`, { token: blocker.token })).status).toBe(200);
    const blockerSock = await server.socket(blocker.token);
    const blockedSock = await server.socket(blocked.token);
    const typing = next(blockerSock, 'typing', (p) => p.userId === blocked.id);
    await emit(blockedSock, 'typing:start', { conversationId: chat });
    await typing;
    expect((await server.api('PUT', `/messages/${fromBlocker}/reaction`, { token: blocked.token, body: { emoji: '👍' } })).status).toBe(
      200,
    );
    const updated = next(blockerSock, 'message:updated', (p) => p.message.id === fromBlocked);
    expect(await emit(blockedSock, 'message:edit', { messageId: fromBlocked, text: 'made up' })).toMatchObject({ ok: true });
    expect((await updated).message.text).toBe('made up');
  });
});
