import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

async function history(user: TestUser, chatId: string): Promise<any[]> {
  const res = await server.api('GET', `/conversations/${chatId}/messages?limit=100`, { token: user.token });
  expect(res.status).toBe(200);
  return res.body.messages;
}

const statuses = async (user: TestUser, chatId: string) => (await history(user, chatId)).map((m) => m.status);

async function receipts(user: TestUser, messageId: string) {
  const res = await server.api('GET', `/messages/${messageId}/receipts`, { token: user.token });
  expect(res.status).toBe(200);
  return res.body as { delivered: { userId: string; at: string }[]; read: { userId: string; at: string }[] };
}

describe('delivery and read receipts, A → B → A', () => {
  let a: TestUser;
  let b: TestUser;
  let chatId: string;
  let as: Socket;
  let bs: Socket;
  const ids: string[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([server.register('Alma Sender'), server.register('Bert Reader')]);
    chatId = await server.directChat(a, b);
    [as, bs] = await Promise.all([server.socket(a.token), server.socket(b.token)]);
    for (let i = 1; i <= 3; i++) {
      const ack = await emit(as, 'message:send', { conversationId: chatId, text: `note ${i}`, clientMessageId: `r-${i}` });
      expect(ack.ok).toBe(true);
      ids.push(ack.message.id);
    }
  });

  it('starts as sent with no receipts', async () => {
    expect(await statuses(a, chatId)).toEqual(['sent', 'sent', 'sent']);
    expect(await receipts(a, ids[0]!)).toEqual({ delivered: [], read: [] });
  });

  it('delivered: A hears message:status, history shows delivered, receipts list B', async () => {
    const status = next(as, 'message:status', (p) => p.status === 'delivered');
    const ack = await emit(bs, 'message:delivered', { conversationId: chatId, upToSeq: 3 });
    expect(ack).toEqual({ ok: true });
    const ev = await status;
    expect(ev).toMatchObject({ conversationId: chatId, userId: b.id, status: 'delivered', upToSeq: 3 });
    expect(ev.at).toMatch(ISO);
    expect(typeof ev.eventId).toBe('number');

    expect(await statuses(a, chatId)).toEqual(['delivered', 'delivered', 'delivered']);
    const r = await receipts(a, ids[0]!);
    expect(r.read).toEqual([]);
    expect(r.delivered).toEqual([{ userId: b.id, at: expect.stringMatching(ISO) }]);
    expect(Math.abs(Date.parse(r.delivered[0]!.at) - Date.parse(ev.at))).toBeLessThan(1000);
  });

  it('read over the socket: ack lastReadSeq, A hears status read, statuses split at the watermark', async () => {
    const status = next(as, 'message:status', (p) => p.status === 'read');
    const ack = await emit(bs, 'message:read', { conversationId: chatId, upToSeq: 2 });
    expect(ack).toMatchObject({ ok: true, lastReadSeq: 2, unreadCount: 1 });
    const ev = await status;
    expect(ev).toMatchObject({ conversationId: chatId, userId: b.id, status: 'read', upToSeq: 2 });
    expect(ev.at).toMatch(ISO);
    expect(typeof ev.eventId).toBe('number');

    expect(await statuses(a, chatId)).toEqual(['read', 'read', 'delivered']);
    const second = await receipts(a, ids[1]!);
    expect(second.read).toEqual([{ userId: b.id, at: expect.stringMatching(ISO) }]);
    expect(second.delivered.map((d) => d.userId)).toEqual([b.id]);
    expect((await receipts(a, ids[2]!)).read).toEqual([]);
    // The reader can ask too.
    expect((await receipts(b, ids[1]!)).read.map((r) => r.userId)).toEqual([b.id]);
  });

  it('read over REST (POST /messages/:id/read): A hears status read up to that message', async () => {
    const status = next(as, 'message:status', (p) => p.status === 'read' && p.upToSeq === 3);
    const res = await server.api('POST', `/messages/${ids[2]}/read`, { token: b.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect(await status).toMatchObject({ conversationId: chatId, userId: b.id, status: 'read', upToSeq: 3 });
    expect(await statuses(a, chatId)).toEqual(['read', 'read', 'read']);
    const list = await server.api('GET', '/conversations', { token: b.token });
    expect(list.body.conversations.find((c: any) => c.id === chatId)).toMatchObject({ unreadCount: 0, lastReadSeq: 3 });
  });

  it('the sync stream holds the status events in order', async () => {
    const ack = await emit(as, 'sync:request', { cursor: 0 });
    const marks = ack.events.filter((e: any) => e.type === 'message:status').map((e: any) => [e.payload.status, e.payload.upToSeq]);
    expect(marks).toEqual([
      ['delivered', 3],
      ['read', 2],
      ['read', 3],
    ]);
  });

  it('rejects bad payloads and conversations you are not in', async () => {
    for (const payload of [
      { conversationId: chatId },
      { conversationId: chatId, upToSeq: -1 },
      { conversationId: chatId, upToSeq: 1.5 },
      { conversationId: chatId, upToSeq: '3' },
      { conversationId: 'not-a-uuid', upToSeq: 1 },
      undefined,
    ]) {
      const ack = await emit(bs, 'message:delivered', payload);
      expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    }
    expect(await emit(bs, 'message:read', { conversationId: chatId, upToSeq: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'validation.failed' },
    });

    const outsider = await server.register('Carl Outsider');
    const os = await server.socket(outsider.token);
    const aSaw = collect(as, 'message:status');
    expect(await emit(os, 'message:delivered', { conversationId: chatId, upToSeq: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conversation.not_found' },
    });
    expect(await emit(os, 'message:read', { conversationId: chatId })).toMatchObject({
      ok: false,
      error: { code: 'conversation.not_found' },
    });
    const rest = await server.api('POST', `/conversations/${chatId}/read`, { token: outsider.token, body: {} });
    expect(rest.status).toBe(404);
    expect(rest.body.code).toBe('conversation.not_found');
    for (const [method, path] of [
      ['GET', `/messages/${ids[0]}/receipts`],
      ['POST', `/messages/${ids[0]}/read`],
    ] as const) {
      const res = await server.api(method, path, { token: outsider.token });
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('message.not_found');
    }
    await settle();
    expect(aSaw).toEqual([]);
  });
});

describe('watermarks', () => {
  it('clamp to lastSeq, imply delivery when read, and never move backwards', async () => {
    const [a, b] = await Promise.all([server.register('Ada Clamp'), server.register('Bo Clamp')]);
    const chatId = await server.directChat(a, b);
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      const res = await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text } });
      ids.push(res.body.message.id);
    }
    const as = await server.socket(a.token);
    const seen = collect(as, 'message:status');

    const status = next(as, 'message:status', (p) => p.status === 'read');
    const read = await server.api('POST', `/conversations/${chatId}/read`, { token: b.token, body: { upToSeq: 1000 } });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ lastReadSeq: 3, unreadCount: 0, unreadMentionCount: 0 });
    expect(await status).toMatchObject({ userId: b.id, status: 'read', upToSeq: 3 });
    // Reading implies delivery.
    const r = await receipts(a, ids[2]!);
    expect(r.delivered.map((d) => d.userId)).toEqual([b.id]);
    expect(r.read.map((d) => d.userId)).toEqual([b.id]);
    expect(await statuses(a, chatId)).toEqual(['read', 'read', 'read']);

    const back = await server.api('POST', `/conversations/${chatId}/read`, { token: b.token, body: { upToSeq: 1 } });
    expect(back.body).toEqual({ lastReadSeq: 3, unreadCount: 0, unreadMentionCount: 0 });
    const bs = await server.socket(b.token);
    expect(await emit(bs, 'message:read', { conversationId: chatId, upToSeq: 1 })).toMatchObject({ ok: true, lastReadSeq: 3 });
    expect(await emit(bs, 'message:delivered', { conversationId: chatId, upToSeq: 2 })).toEqual({ ok: true });
    expect(await emit(bs, 'message:read', { conversationId: chatId })).toMatchObject({ ok: true, lastReadSeq: 3 });
    await settle();
    expect(seen.map((p) => [p.status, p.upToSeq])).toEqual([['read', 3]]);
    expect(await statuses(a, chatId)).toEqual(['read', 'read', 'read']);

    const replay = await emit(as, 'sync:request', { cursor: 0 });
    expect(replay.events.filter((e: any) => e.type === 'message:status')).toHaveLength(1);
  });

  it('replying counts as having read, with a real time in the receipts', async () => {
    const [a, b] = await Promise.all([server.register('Gil Asker'), server.register('Hal Replier')]);
    const chatId = await server.directChat(a, b);
    const question = await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text: 'there?' } });
    const startedAt = Date.now();
    await server.api('POST', `/conversations/${chatId}/messages`, { token: b.token, body: { text: 'yes' } });
    const r = await receipts(a, question.body.message.id);
    expect(r.read.map((x) => x.userId)).toEqual([b.id]);
    expect(r.delivered.map((x) => x.userId)).toEqual([b.id]);
    for (const x of [...r.read, ...r.delivered]) expect(Date.parse(x.at)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect((await history(a, chatId))[0].status).toBe('read');
  });

  it("a reply's implied read reaches the asker and the replier's other device, not the replying socket", async () => {
    const [a, b] = await Promise.all([server.register('Ivy Asker'), server.register('Jon Replier')]);
    const chatId = await server.directChat(a, b);
    await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text: 'lunch?' } });
    const [as, phone, laptop] = await Promise.all([server.socket(a.token), server.socket(b.token), server.socket(b.token)]);
    const phoneSaw = collect(phone, 'message:status');
    const askerHears = next(as, 'message:status', (p) => p.userId === b.id && p.status === 'read');
    const laptopHears = next(laptop, 'message:status', (p) => p.userId === b.id && p.status === 'read');
    const ack = await emit(phone, 'message:send', { conversationId: chatId, text: 'yes', clientMessageId: 'implied-1' });
    expect(ack).toMatchObject({ ok: true, message: { seq: 2 } });
    const expected = { conversationId: chatId, userId: b.id, status: 'read', upToSeq: 1 };
    expect(await askerHears).toMatchObject(expected);
    const seen = await laptopHears;
    expect(seen).toMatchObject(expected);
    await settle(100);
    expect(phoneSaw).toEqual([]);
    // It is in the log all the same: a sync from before it replays it.
    const replay = await emit(phone, 'sync:request', { cursor: seen.eventId - 1 });
    expect(replay.events.map((e: any) => [e.type, e.payload.userId])).toEqual([['message:status', b.id]]);
  });

  it('delivered then read of an empty conversation is a no-op', async () => {
    const [a, b] = await Promise.all([server.register('Eve Empty'), server.register('Fred Empty')]);
    const chatId = await server.directChat(a, b);
    const bs = await server.socket(b.token);
    expect(await emit(bs, 'message:delivered', { conversationId: chatId, upToSeq: 5 })).toEqual({ ok: true });
    expect(await emit(bs, 'message:read', { conversationId: chatId })).toMatchObject({ ok: true, lastReadSeq: 0, unreadCount: 0 });
  });
});

describe('receipts committed together (the group commit)', () => {
  it('a burst of one reader’s marks: every ack right, the watermarks at the furthest, each mark heard once, never backwards', async () => {
    const [a, b] = await Promise.all([server.register('Kim Burst'), server.register('Lou Burst')]);
    const chatId = await server.directChat(a, b);
    for (let i = 1; i <= 5; i++) await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text: `m${i}` } });
    const [as, bs] = await Promise.all([server.socket(a.token), server.socket(b.token)]);
    const heard = collect(as, 'message:status');
    // Sent without waiting: they reach the server together and are written in one batch.
    const acks = await Promise.all([
      emit(bs, 'message:delivered', { conversationId: chatId, upToSeq: 5 }),
      emit(bs, 'message:read', { conversationId: chatId, upToSeq: 2 }),
      emit(bs, 'message:read', { conversationId: chatId, upToSeq: 1 }),
      emit(bs, 'message:delivered', { conversationId: chatId, upToSeq: 3 }),
      emit(bs, 'message:read', { conversationId: chatId, upToSeq: 4 }),
    ]);
    expect(acks.every((x) => x.ok)).toBe(true);
    for (const ack of acks.filter((x) => 'lastReadSeq' in x)) {
      expect(ack.lastReadSeq).toBeGreaterThanOrEqual(1);
      expect(ack.unreadCount).toBe(5 - ack.lastReadSeq);
    }
    await settle(200);
    const list = await server.api('GET', '/conversations', { token: b.token });
    expect(list.body.conversations.find((c: any) => c.id === chatId)).toMatchObject({ lastReadSeq: 4, unreadCount: 1 });
    expect(await statuses(a, chatId)).toEqual(['read', 'read', 'read', 'read', 'delivered']);
    for (const kind of ['delivered', 'read']) {
      const marks = heard.filter((e) => e.status === kind).map((e) => e.upToSeq);
      expect(marks, kind).toEqual([...marks].sort((x, y) => x - y));
      expect(new Set(marks).size, kind).toBe(marks.length);
      expect(marks.at(-1), kind).toBe(kind === 'read' ? 4 : 5);
    }
    // The log holds what was heard, in the same order.
    const replay = await emit(as, 'sync:request', { cursor: heard[0]!.eventId - 1 });
    const logged = replay.events.filter((e: any) => e.type === 'message:status').map((e: any) => e.eventId);
    expect(logged).toEqual(heard.map((e) => e.eventId));
  });

  it('a read without upToSeq written with a new message does not read that message; a refused receipt fails alone', async () => {
    const [a, b, outsider] = await Promise.all([server.register('Max Batch'), server.register('Ned Batch'), server.register('Oli Batch')]);
    const chatId = await server.directChat(a, b);
    await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text: 'first' } });
    const sends = server.app.ctx.sends;
    // Queued in one turn of the event loop: one batch, its send written before its receipts.
    const [sent, read, refused] = await Promise.allSettled([
      sends.submit({ actorId: a.id, input: { conversationId: chatId, text: 'second' } }),
      sends.receipt({ actorId: b.id, conversationId: chatId, kind: 'read' }),
      sends.receipt({ actorId: outsider.id, conversationId: chatId, kind: 'delivered', upToSeq: 1 }),
    ]);
    expect(sent).toMatchObject({ status: 'fulfilled', value: { message: { seq: 2 } } });
    expect(read).toMatchObject({ status: 'fulfilled', value: { lastReadSeq: 1, lastDeliveredSeq: 1, unreadCount: 1 } });
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'conversation.not_found' } });
    expect(await statuses(a, chatId)).toEqual(['read', 'sent']);
  });
});
