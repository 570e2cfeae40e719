import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, pair, send } from './helpers/messages.js';
import { emit, TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

describe('replies', () => {
  it('carries replyTo {id, seq, senderId, text}; refuses a message of another conversation; a deleted target has null text', async () => {
    const { a, b, chatId } = await pair(server, ['Quinn Question', 'Rory Reply']);
    const question = await send(server, a, chatId, 'what time is it?');
    const res = await server.api('POST', `/conversations/${chatId}/messages`, {
      token: b.token,
      body: { text: 'noon', replyToId: question.id },
    });
    expect(res.status).toBe(201);
    expect(res.body.message.replyTo).toEqual({ id: question.id, seq: question.seq, senderId: a.id, text: 'what time is it?' });
    const answer = res.body.message;
    expect((await history(server, a, chatId)).find((m) => m.id === answer.id).replyTo).toEqual(answer.replyTo);

    const elsewhere = await pair(server, ['Other Olive', 'Other Otis']);
    const foreign = await send(server, elsewhere.a, elsewhere.chatId, 'not in your chat');
    for (const replyToId of [foreign.id, '01890000-0000-7000-8000-000000000000']) {
      const bad = await server.api('POST', `/conversations/${chatId}/messages`, { token: b.token, body: { text: 'hm', replyToId } });
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('message.reply_invalid');
    }
    const bs = await server.socket(b.token);
    expect(
      await emit(bs, 'message:send', { conversationId: chatId, text: 'hm', replyToId: foreign.id, clientMessageId: 'reply-bad-1' }),
    ).toMatchObject({ ok: false, error: { code: 'message.reply_invalid' } });

    const del = await server.api('DELETE', `/messages/${question.id}?for=everyone`, { token: a.token });
    expect(del.status).toBe(200);
    for (const user of [a, b]) {
      const reply = (await history(server, user, chatId)).find((m) => m.id === answer.id);
      expect(reply.replyTo).toEqual({ id: question.id, seq: question.seq, senderId: a.id, text: null });
    }
    // Sync replays the reply without the wiped text too.
    const replay = await emit(bs, 'sync:request', { cursor: 0, limit: 1000 });
    const stored = replay.events.find((e: any) => e.type === 'message:new' && e.payload.message.id === answer.id);
    expect(stored.payload.message.replyTo).toEqual({ id: question.id, seq: question.seq, senderId: a.id, text: null });
  });
});
