import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, pair, send } from './helpers/messages.js';
import { emit, next, TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

describe('reactions', () => {
  it('sets, replaces and removes one reaction per user, over REST and the socket', async () => {
    const { a, b, chatId } = await pair(server, ['Rita React', 'Sam Smile']);
    const msg = await send(server, a, chatId, 'react to me');
    const as = await server.socket(a.token);
    const bs = await server.socket(b.token);

    const toB = next(bs, 'reaction:updated', (p) => p.messageId === msg.id);
    const put = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji: '👍' } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ reactions: [{ emoji: '👍', userId: a.id }] });
    const ev = await toB;
    expect(ev).toMatchObject({ conversationId: chatId, messageId: msg.id, reactions: [{ emoji: '👍', userId: a.id }] });
    expect(typeof ev.eventId).toBe('number');

    const replaced = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji: '❤️' } });
    expect(replaced.body).toEqual({ reactions: [{ emoji: '❤️', userId: a.id }] });

    const toA = next(as, 'reaction:updated', (p) => p.reactions.length === 2);
    const set = await emit(bs, 'reaction:set', { messageId: msg.id, emoji: '😂' });
    expect(set.ok).toBe(true);
    expect(set.reactions).toHaveLength(2);
    expect(set.reactions).toEqual(
      expect.arrayContaining([
        { emoji: '❤️', userId: a.id },
        { emoji: '😂', userId: b.id },
      ]),
    );
    expect((await toA).reactions).toEqual(set.reactions);

    const again = await emit(bs, 'reaction:set', { messageId: msg.id, emoji: '🎉' });
    expect(again.reactions.filter((r: any) => r.userId === b.id)).toEqual([{ emoji: '🎉', userId: b.id }]);

    const shown = (await history(server, a, chatId)).find((m) => m.id === msg.id);
    expect(shown.reactions).toHaveLength(2);
    expect(shown.reactions).toEqual(
      expect.arrayContaining([
        { emoji: '❤️', userId: a.id },
        { emoji: '🎉', userId: b.id },
      ]),
    );

    const removed = await emit(bs, 'reaction:remove', { messageId: msg.id });
    expect(removed).toEqual({ ok: true, reactions: [{ emoji: '❤️', userId: a.id }] });
    const del = await server.api('DELETE', `/messages/${msg.id}/reaction`, { token: a.token });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ reactions: [] });
    expect((await history(server, b, chatId)).find((m) => m.id === msg.id).reactions).toEqual([]);
  });

  it('accepts exactly one emoji and refuses anything else with 400 validation.failed', async () => {
    const { a, chatId } = await pair(server, ['Vera Valid', 'Walt Watch']);
    const msg = await send(server, a, chatId, 'emoji test');
    for (const emoji of ['abc', '👍👍', '', 'a👍', 42]) {
      const res = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji } });
      expect(res.status, JSON.stringify(emoji)).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
    const as = await server.socket(a.token);
    expect(await emit(as, 'reaction:set', { messageId: msg.id, emoji: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'validation.failed' },
    });
    for (const emoji of ['👍🏽', '🇳🇱', '👨‍👩‍👧']) {
      const res = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji } });
      expect(res.status, emoji).toBe(200);
      expect(res.body.reactions).toEqual([{ emoji, userId: a.id }]);
    }
    const outsider = await server.register('Rex Outsider');
    const res = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: outsider.token, body: { emoji: '👍' } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('message.not_found');
  });
});
