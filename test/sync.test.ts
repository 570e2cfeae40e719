import type { ParleyClient, StreamEvent } from '@parley/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyOf, increasing, sdkClient, shown, until, viewOf } from './helpers/sdk.js';
import { emit, next, settle, TestServer, type TestUser } from './helpers/server.js';

/** A sends 50 messages, edits one, deletes one for everyone and reacts to one while B is away. */
async function missWhileAway(server: TestServer, a: TestUser, chatId: string) {
  const s = await server.socket(a.token);
  const sent: any[] = [];
  for (let i = 1; i <= 50; i++) {
    const ack = await emit(s, 'message:send', { conversationId: chatId, text: `missed ${i}`, clientMessageId: `miss-${i}` });
    expect(ack.ok).toBe(true);
    sent.push(ack.message);
  }
  expect((await emit(s, 'message:edit', { messageId: sent[9].id, text: 'missed 10 (edited)' })).ok).toBe(true);
  expect((await emit(s, 'message:delete', { messageId: sent[19].id, for: 'everyone' })).ok).toBe(true);
  expect((await emit(s, 'reaction:set', { messageId: sent[29].id, emoji: '🎉' })).ok).toBe(true);
  s.disconnect();
  return sent;
}

function expectExactlyTheMissed(events: any[], sent: any[]) {
  const ids = events.map((e) => e.eventId);
  expect(ids).toEqual([...ids].sort((x, y) => x - y));
  expect(new Set(ids).size).toBe(ids.length);
  expect(events.map((e) => e.type)).toEqual([...Array(50).fill('message:new'), 'message:updated', 'message:deleted', 'reaction:updated']);
  expect(events.slice(0, 50).map((e) => e.payload.message.seq)).toEqual(sent.map((m) => m.seq));
  expect(events[50].payload.message).toMatchObject({ id: sent[9].id, text: 'missed 10 (edited)' });
  expect(events[51].payload).toMatchObject({ messageId: sent[19].id, conversationId: sent[19].conversationId });
  expect(events[52].payload.reactions).toEqual([{ emoji: '🎉', userId: sent[29].senderId }]);
  // Deleted for everyone: the replayed message:new carries the tombstone, not the text.
  expect(events[19].payload.message).toMatchObject({ text: null });
  expect(events[19].payload.message.deletedAt).not.toBeNull();
  for (const e of events) expect(e.payload.eventId).toBe(e.eventId);
}

async function syncAll(s: any, cursor: number, limit = 20) {
  const events: any[] = [];
  let pages = 0;
  for (;;) {
    const r = await emit(s, 'sync:request', { cursor, limit });
    expect(r.ok).toBe(true);
    events.push(...r.events);
    cursor = r.cursor;
    pages++;
    if (!r.hasMore) return { events, cursor, pages };
  }
}

describe('sync after a disconnect', () => {
  let server: TestServer;
  let a: TestUser;
  let b: TestUser;
  let chatId: string;
  beforeAll(async () => {
    server = await TestServer.start();
    a = await server.register('Ann Sender');
    b = await server.register('Ben Away');
    chatId = await server.directChat(a, b);
  });
  afterAll(() => server?.close());

  it('returns exactly the missed events, in order, with no duplicate or gap', async () => {
    const bSock = await server.socket(b.token);
    const live = next(bSock, 'message:new');
    await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text: 'before' } });
    const seen = await live;
    bSock.disconnect();

    const sent = await missWhileAway(server, a, chatId);
    const back = await server.socket(b.token);
    const { events, pages } = await syncAll(back, seen.eventId);
    expect(pages).toBe(3); // 53 events in pages of 20
    expectExactlyTheMissed(events, sent);

    // The live emit and the replay carry the same payload.
    const replayOfSeen = await emit(back, 'sync:request', { cursor: seen.eventId - 1, limit: 1 });
    expect(replayOfSeen.events[0]).toEqual({ eventId: seen.eventId, type: 'message:new', payload: seen });

    // Caught up: nothing more, and the cursor stays put.
    const again = await emit(back, 'sync:request', { cursor: events.at(-1).eventId });
    expect(again).toMatchObject({ ok: true, events: [], hasMore: false, cursor: events.at(-1).eventId });
  });

  it('never replays typing or presence', async () => {
    const bSock = await server.socket(b.token);
    const start = (await emit(bSock, 'sync:request', {})).cursor;
    const aSock = await server.socket(a.token);
    aSock.emit('typing:start', { conversationId: chatId });
    await next(bSock, 'typing');
    aSock.disconnect();
    await next(bSock, 'user:offline');
    const r = await emit(bSock, 'sync:request', { cursor: start });
    expect(r.events).toEqual([]);
  });

  it('rejects a cursor from the future and bad payloads without dropping the socket', async () => {
    const s = await server.socket(b.token);
    expect((await emit(s, 'sync:request', { cursor: 10_000_000 })).error.code).toBe('validation.failed');
    expect((await emit(s, 'sync:request', { cursor: -1 })).error.code).toBe('validation.failed');
    expect((await emit(s, 'sync:request', { cursor: 'x' })).error.code).toBe('validation.failed');
    expect(s.connected).toBe(true);
  });
});

describe('sync across a server restart', () => {
  it('returns the same missed events from the persisted log', async () => {
    const server = await TestServer.start({}, { persistent: true });
    try {
      const a = await server.register('Ria Restart');
      const b = await server.register('Sam Restart');
      const chatId = await server.directChat(a, b);
      const bSock = await server.socket(b.token);
      const { cursor } = await emit(bSock, 'sync:request', {});
      bSock.disconnect();
      const sent = await missWhileAway(server, a, chatId);
      await server.restart();
      const back = await server.socket(b.token);
      const { events } = await syncAll(back, cursor);
      expect(events.filter((e) => e.type !== 'conversation:created')).toHaveLength(53);
      expectExactlyTheMissed(
        events.filter((e) => e.type !== 'conversation:created'),
        sent,
      );
    } finally {
      await server.close();
    }
  });
});

describe('event retention', () => {
  it('prunes old events and answers an older cursor with sync.cursor_expired', async () => {
    const server = await TestServer.start({ EVENT_RETENTION_DAYS: String(1 / 86_400), EVENT_PRUNE_INTERVAL_MS: '200' });
    try {
      const a = await server.register('Old Events');
      const b = await server.register('Late Reader');
      const chatId = await server.directChat(a, b);
      await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text: 'soon gone' } });
      await settle(2_000);
      const s = await server.socket(b.token);
      const expired = await emit(s, 'sync:request', { cursor: 1 });
      expect(expired).toMatchObject({ ok: false, error: { code: 'sync.cursor_expired' } });
      // Without a cursor, the stream starts at what is still kept; history is untouched.
      const fresh = await emit(s, 'sync:request', {});
      expect(fresh.ok).toBe(true);
      const history = await server.api('GET', `/conversations/${chatId}/messages`, { token: b.token });
      expect(history.body.messages.map((m: any) => m.text)).toEqual(['soon gone']);
    } finally {
      await server.close();
    }
  });
});

/** B's device: an SDK client, online, and every stream event it delivered (no receipts of its own, so the stream is only A's doing). */
async function phoneOf(server: TestServer, b: TestUser, syncPageSize?: number): Promise<{ phone: ParleyClient; events: StreamEvent[] }> {
  const options = { deliveryReceipts: false, ...(syncPageSize ? { syncPageSize } : {}) };
  const phone = await sdkClient(server, { email: b.email, password: b.password, name: b.name }, { signUp: false, options });
  const events: StreamEvent[] = [];
  phone.on('event', (e) => events.push(e));
  phone.connect();
  await until(() => phone.status.connection === 'online', 'the phone to connect');
  return { phone, events };
}

describe('a client following the documented algorithm (the SDK)', () => {
  let server: TestServer;
  let a: TestUser;
  let b: TestUser;
  let chatId: string;
  const phones: ParleyClient[] = [];
  beforeAll(async () => {
    server = await TestServer.start();
    a = await server.register('Live Sender');
    b = await server.register('Two Devices');
    chatId = await server.directChat(a, b);
  });
  afterAll(async () => {
    await Promise.all(phones.map((p) => p.close()));
    await server?.close();
  });

  it('delivers exactly the missed events after being away, paging the sync, each once and in order', async () => {
    const { phone, events } = await phoneOf(server, b, 20);
    phones.push(phone);
    await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { text: 'before' } });
    await until(() => events.some((e) => e.type === 'message:new'), 'the live message');
    phone.disconnect();
    const from = events.length;
    const sent = await missWhileAway(server, a, chatId);
    phone.connect();
    await until(() => events.length - from >= 53, 'the 53 missed events');
    await settle();
    expectExactlyTheMissed(events.slice(from), sent);
    expect(increasing(events.map((e) => e.eventId))).toBe(true);
    phone.disconnect();
  });

  it('ends with the same messages as the server after live traffic and reconnects', async () => {
    const { phone, events } = await phoneOf(server, b);
    phones.push(phone);
    const aSock = await server.socket(a.token);
    const sends = Array.from({ length: 30 }, (_, i) =>
      emit(aSock, 'message:send', { conversationId: chatId, text: `t${i}`, clientMessageId: `t-${i}` }),
    );
    // Drop and come back in the middle of the traffic.
    await Promise.all(sends.slice(0, 10));
    phone.disconnect();
    phone.connect();
    await Promise.all(sends);
    // A new device starts from the oldest kept event: its view is the whole history, whatever came before this test.
    const truth = (await historyOf(server, b.token, chatId)).map(shown);
    const same = () => JSON.stringify(viewOf(events, chatId)) === JSON.stringify(truth);
    await until(same, 'the phone to catch up').catch(() => {});
    expect(viewOf(events, chatId)).toEqual(truth);
    // Caught up: a reconnect and its sync bring nothing more.
    const caughtUp = events.length;
    phone.disconnect();
    phone.connect();
    await until(() => phone.status.connection === 'online', 'the phone to reconnect');
    await settle();
    expect(events.length).toBe(caughtUp);
    const ids = events.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(increasing(ids)).toBe(true);
  });
});
