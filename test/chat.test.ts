import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;
let chatId: string;

beforeAll(async () => {
  server = await TestServer.start();
  alice = await server.register('Alice Liddell');
  bob = await server.register('Bob Builder');
});
afterAll(() => server?.close());

describe('two people chat through Parley', () => {
  it('opens one direct conversation per pair, from either side', async () => {
    const first = await server.api('POST', '/conversations', { token: alice.token, body: { userId: bob.id } });
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    expect(first.body.conversation.otherUser.id).toBe(bob.id);
    chatId = first.body.conversation.id;
    const again = await server.api('POST', '/conversations', { token: bob.token, body: { userId: alice.id } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, conversation: { id: chatId } });
    expect(again.body.conversation.otherUser.id).toBe(alice.id);
    // Ids are case-insensitive: an uppercase copy finds the same chat, and your own is still you.
    const upper = await server.api('POST', '/conversations', { token: bob.token, body: { userId: alice.id.toUpperCase() } });
    expect(upper.status).toBe(200);
    expect(upper.body).toMatchObject({ created: false, conversation: { id: chatId } });
    const self = await server.api('POST', '/conversations', { token: bob.token, body: { userId: bob.id.toUpperCase() } });
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('conversation.self');
  });

  it('exchanges messages both ways over the socket and REST, with message:new to the other side', async () => {
    const a = await server.socket(alice.token);
    const b = await server.socket(bob.token);
    const aliceSeesOwn = collect(a, 'message:new');

    const incoming = next(b, 'message:new');
    const ack = await emit(a, 'message:send', { conversationId: chatId, text: 'hello bob', clientMessageId: 'a-1' });
    expect(ack.ok).toBe(true);
    expect(ack.message).toMatchObject({
      conversationId: chatId,
      seq: 1,
      senderId: alice.id,
      text: 'hello bob',
      status: 'sent',
      type: 'text',
    });
    const got = await incoming;
    expect(got.message.id).toBe(ack.message.id);
    expect(typeof got.eventId).toBe('number');

    const back = next(a, 'message:new');
    const rest = await server.api('POST', `/conversations/${chatId}/messages`, { token: bob.token, body: { text: 'hi alice' } });
    expect(rest.status).toBe(201);
    expect(rest.body.message.seq).toBe(2);
    expect((await back).message.text).toBe('hi alice');
    await settle();
    // The sending socket gets its ack, not an echo of its own message.
    expect(aliceSeesOwn.map((m) => m.message.seq)).toEqual([2]);
  });

  it("reaches the sender's other devices", async () => {
    const laptop = await server.socket(alice.token);
    const phone = await server.socket(alice.token);
    const onPhone = next(phone, 'message:new', (p) => p.message.text === 'from laptop');
    const ack = await emit(laptop, 'message:send', { conversationId: chatId, text: 'from laptop', clientMessageId: 'a-laptop-1' });
    expect(ack.ok).toBe(true);
    expect((await onPhone).message.id).toBe(ack.message.id);
  });

  it('lists conversations with the other user, last message and unread count, and read resets it', async () => {
    const list = await server.api('GET', '/conversations', { token: bob.token });
    expect(list.status).toBe(200);
    const c = list.body.conversations.find((x: any) => x.id === chatId);
    expect(c.otherUser.id).toBe(alice.id);
    expect(c.lastMessage.text).toBe('from laptop');
    expect(c.unreadCount).toBe(1); // bob's own message (seq 2) marked everything before it read
    const read = await server.api('POST', `/conversations/${chatId}/read`, { token: bob.token, body: {} });
    expect(read.body).toEqual({ lastReadSeq: 3, unreadCount: 0, unreadMentionCount: 0 });
    const after = await server.api('GET', '/conversations', { token: bob.token });
    expect(after.body.conversations.find((x: any) => x.id === chatId).unreadCount).toBe(0);
  });

  it('resets unread over the socket too, and the sender sees message:status', async () => {
    const a = await server.socket(alice.token);
    const b = await server.socket(bob.token);
    await emit(a, 'message:send', { conversationId: chatId, text: 'unread one', clientMessageId: 'a-unread' });
    const status = next(a, 'message:status', (p) => p.status === 'read');
    const ack = await emit(b, 'message:read', { conversationId: chatId });
    expect(ack).toMatchObject({ ok: true, lastReadSeq: 4 });
    expect(await status).toMatchObject({ conversationId: chatId, userId: bob.id, upToSeq: 4 });
    const page = await server.api('GET', `/conversations/${chatId}/messages?limit=1`, { token: alice.token });
    expect(page.body.messages[0].status).toBe('read');
  });

  it('returns the original message for a repeated clientMessageId, never a duplicate', async () => {
    const a = await server.socket(alice.token);
    const first = await emit(a, 'message:send', { conversationId: chatId, text: 'once', clientMessageId: 'dup-1' });
    const again = await emit(a, 'message:send', { conversationId: chatId, text: 'once', clientMessageId: 'dup-1' });
    expect(again.message.id).toBe(first.message.id);
    expect(again.message.seq).toBe(first.message.seq);
    const viaRest = await server.api('POST', `/conversations/${chatId}/messages`, {
      token: alice.token,
      body: { text: 'once', clientMessageId: 'dup-1' },
    });
    expect(viaRest.status).toBe(200);
    expect(viaRest.body.message.id).toBe(first.message.id);
    const page = await server.api('GET', `/conversations/${chatId}/messages?limit=100`, { token: alice.token });
    expect(page.body.messages.filter((m: any) => m.clientMessageId === 'dup-1')).toHaveLength(1);
  });

  it('relays typing to the other member only', async () => {
    const a = await server.socket(alice.token);
    const a2 = await server.socket(alice.token);
    const b = await server.socket(bob.token);
    const ownEcho = collect(a2, 'typing');
    const seen = next(b, 'typing');
    a.emit('typing:start', { conversationId: chatId });
    expect(await seen).toEqual({ conversationId: chatId, userId: alice.id, isTyping: true });
    const stop = next(b, 'typing');
    a.emit('typing:stop', { conversationId: chatId });
    expect((await stop).isTyping).toBe(false);
    await settle();
    expect(ownEcho).toEqual([]);
  });
});

describe('history', () => {
  it('pages by seq backwards and forwards', async () => {
    const carol = await server.register('Carol Page');
    const dave = await server.register('Dave Page');
    const id = await server.directChat(carol, dave);
    const s = await server.socket(carol.token);
    for (let i = 1; i <= 25; i++) await emit(s, 'message:send', { conversationId: id, text: `m${i}`, clientMessageId: `p-${i}` });

    const latest = await server.api('GET', `/conversations/${id}?limit=10`, { token: dave.token });
    expect(latest.body.conversation.id).toBe(id);
    expect(latest.body.messages.map((m: any) => m.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(latest.body).toMatchObject({ hasMore: true, nextCursor: '16' });

    const older = await server.api('GET', `/conversations/${id}/messages?limit=10&before=16`, { token: dave.token });
    expect(older.body.messages.map((m: any) => m.seq)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const oldest = await server.api('GET', `/conversations/${id}/messages?limit=10&cursor=${older.body.nextCursor}`, { token: dave.token });
    expect(oldest.body.messages.map((m: any) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(oldest.body).toMatchObject({ hasMore: false, nextCursor: null });

    const newer = await server.api('GET', `/conversations/${id}/messages?after=20&limit=3`, { token: dave.token });
    expect(newer.body.messages.map((m: any) => m.seq)).toEqual([21, 22, 23]);
    expect(newer.body).toMatchObject({ hasMore: true, nextCursor: '23' });
  });
});

describe('presence', () => {
  it('goes online with the first device and offline with the last, to people who share a conversation', async () => {
    const erin = await server.register('Erin Online');
    const frank = await server.register('Frank Watcher');
    const stranger = await server.register('Stranger Danger');
    await server.directChat(erin, frank);
    const f = await server.socket(frank.token);
    const st = await server.socket(stranger.token);
    const strangerSaw = collect(st, 'user:online');
    const onlines = collect(f, 'user:online');
    const offlines = collect(f, 'user:offline');

    const online = next(f, 'user:online', (p) => p.userId === erin.id);
    const e1 = await server.socket(erin.token);
    await online;
    const e2 = await server.socket(erin.token);
    const user = await server.api('GET', `/users/${erin.id}`, { token: frank.token });
    expect(user.body.user.isOnline).toBe(true);

    e1.disconnect();
    await settle();
    expect(offlines.filter((p) => p.userId === erin.id)).toHaveLength(0);

    const offline = next(f, 'user:offline', (p) => p.userId === erin.id);
    e2.disconnect();
    const off = await offline;
    expect(typeof off.lastActive).toBe('string');
    expect(onlines.filter((p) => p.userId === erin.id)).toHaveLength(1);
    expect(strangerSaw).toEqual([]);
    const q = await emit(f, 'presence:query', { userIds: [erin.id] });
    expect(q.presence).toEqual([{ userId: erin.id, isOnline: false, lastActive: off.lastActive }]);
  });

  it('is announced in direct chats and small groups, not in groups above PRESENCE_GROUP_MAX_MEMBERS', async () => {
    const own = await TestServer.start({ PRESENCE_GROUP_MAX_MEMBERS: '2' });
    try {
      const names = ['Gina Goer', 'Pal Direct', 'Sam Small', 'Bea Big', 'Ben Big'];
      const [gina, pal, small, big1, big2] = (await Promise.all(names.map((n) => own.register(n)))) as [
        TestUser,
        TestUser,
        TestUser,
        TestUser,
        TestUser,
      ];
      await own.directChat(gina, pal);
      const group = async (owner: TestUser, others: TestUser[]) =>
        expect(
          (await own.api('POST', '/groups', { token: owner.token, body: { name: 'g', memberIds: others.map((u) => u.id) } })).status,
        ).toBe(201);
      await group(small, [gina]); // 2 members: announced
      await group(big1, [big2, gina]); // 3 members: not
      const [ps, ss, bs] = await Promise.all([own.socket(pal.token), own.socket(small.token), own.socket(big1.token)]);
      const saw = { pal: collect(ps, 'user:online'), small: collect(ss, 'user:online'), big: collect(bs, 'user:offline') };
      const bigOnline = collect(bs, 'user:online');
      const g = await own.socket(gina.token);
      await settle(300);
      g.disconnect();
      await settle(300);
      expect(saw.pal.map((p) => p.userId)).toEqual([gina.id]);
      expect(saw.small.map((p) => p.userId)).toEqual([gina.id]);
      expect(bigOnline).toEqual([]);
      expect(saw.big).toEqual([]);
      // The big group's members still ask.
      const q = await emit(bs, 'presence:query', { userIds: [gina.id] });
      expect(q.presence).toEqual([{ userId: gina.id, isOnline: false, lastActive: expect.any(String) }]);
    } finally {
      await own.close();
    }
  });
});
