import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, emit, next, settle, syncEvents, TestServer, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';
import { newAccount, sdkClient, until } from './helpers/sdk.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

const setPrivacy = async (u: TestUser, body: Record<string, unknown>) => {
  const res = await server.api('PATCH', '/users/me/privacy', { token: u.token, body });
  expect(res.status).toBe(200);
  return res.body.privacy;
};

describe('privacy settings: GET/PATCH /users/me/privacy', () => {
  it('start as today (contacts see presence, receipts on, anyone adds); only the fields given change; bad input is 400', async () => {
    const u = await server.register('Settings Sam');
    const defaults = { lastSeen: 'contacts', online: 'contacts', readReceipts: true, groupAdds: 'everyone' };
    expect((await server.api('GET', '/users/me/privacy', { token: u.token })).body).toEqual({ privacy: defaults });
    expect(await setPrivacy(u, { lastSeen: 'nobody' })).toEqual({ ...defaults, lastSeen: 'nobody' });
    expect((await server.api('GET', '/users/me', { token: u.token })).body.user.privacy).toEqual({ ...defaults, lastSeen: 'nobody' });
    for (const body of [{}, { lastSeen: 'friends' }, { readReceipts: 'no' }, { groupAdds: 'nobody' }, { other: 1 }]) {
      expectProblem(await server.api('PATCH', '/users/me/privacy', { token: u.token, body }), 400, 'validation.failed');
    }
  });

  it("a change reaches the user's other devices live (privacy:updated), in sync, and in the SDK's store", async () => {
    const account = newAccount('Two Devices');
    const phone = await sdkClient(server, account, { signUp: true });
    const laptop = await sdkClient(server, account, { signUp: false });
    laptop.connect();
    try {
      const token = (await server.api('POST', '/auth/login', { body: { login: account.email, password: account.password } })).body
        .accessToken as string;
      const me = { id: phone.userId!, token } as TestUser;
      const other = await server.socket(token);
      const heard = next(other, 'privacy:updated');
      const updated = await phone.privacy.update({ readReceipts: false, online: 'nobody' });
      expect(updated).toMatchObject({ readReceipts: false, online: 'nobody' });
      expect((await heard).privacy).toEqual(updated);
      await until(() => laptop.store.privacy?.readReceipts === false, "the laptop's store hears privacy:updated");
      expect(await laptop.privacy.get()).toEqual(updated);
      const synced = (await syncEvents(server, me)).filter((e) => e.type === 'privacy:updated');
      expect(synced.at(-1).payload.privacy).toEqual(updated);
    } finally {
      await Promise.all([phone.close(), laptop.close()]);
    }
  });
});

describe('last seen and online', () => {
  async function trio() {
    const tag = crypto.randomBytes(3).toString('hex');
    const [target, contact, stranger] = await server.registerAll(`Private Pia ${tag}`, 'Contact Cal', 'Stranger Sol');
    await server.directChat(target, contact);
    const seenBy = async (u: TestUser) => {
      const sock = await server.socket(u.token);
      const view = {
        profile: (await server.api('GET', `/users/${target.id}`, { token: u.token })).body.user,
        search: (await server.api('GET', `/users?search=${tag}`, { token: u.token })).body.users.find((x: any) => x.id === target.id),
        query: (await emit(sock, 'presence:query', { userIds: [target.id] })).presence[0],
      };
      sock.disconnect();
      return [view.profile, view.search, view.query].map((x) => ({ isOnline: x.isOnline, lastActive: x.lastActive }));
    };
    return { target, contact, stranger, seenBy };
  }
  const shown = { isOnline: true, lastActive: expect.any(String) };
  const hidden = { isOnline: false, lastActive: null };

  it("'everyone' shows a stranger too (GET /users/:id, search, presence:query); 'nobody' hides it from a contact", async () => {
    const { target, contact, stranger, seenBy } = await trio();
    const online = await server.socket(target.token);
    expect(await seenBy(stranger)).toEqual([hidden, hidden, hidden]);
    await setPrivacy(target, { online: 'everyone', lastSeen: 'everyone' });
    expect(await seenBy(stranger)).toEqual([shown, shown, shown]);
    await setPrivacy(target, { online: 'nobody', lastSeen: 'nobody' });
    expect(await seenBy(contact)).toEqual([hidden, hidden, hidden]);
    // Online shown, last seen not.
    await setPrivacy(target, { online: 'contacts', lastSeen: 'nobody' });
    expect(await seenBy(contact)).toEqual(Array(3).fill({ isOnline: true, lastActive: null }));
    expect(await seenBy(stranger)).toEqual([hidden, hidden, hidden]);
    // You always see your own.
    expect((await server.api('GET', '/users/me', { token: target.token })).body.user).toMatchObject(shown);
    online.disconnect();
  });

  it("online 'nobody': contacts hear no user:online / user:offline; lastSeen 'nobody': user:offline carries lastActive null", async () => {
    const { target, contact } = await trio();
    const watcher = await server.socket(contact.token);
    const heard = [...collect(watcher, 'user:online'), ...collect(watcher, 'user:offline')];
    await setPrivacy(target, { online: 'nobody' });
    (await server.socket(target.token)).disconnect();
    await settle();
    expect(heard.filter((p: any) => p.userId === target.id)).toEqual([]);

    await setPrivacy(target, { online: 'contacts', lastSeen: 'nobody' });
    const on = next(watcher, 'user:online', (p) => p.userId === target.id);
    const t = await server.socket(target.token);
    await on;
    const off = next(watcher, 'user:offline', (p) => p.userId === target.id);
    t.disconnect();
    expect(await off).toEqual({ userId: target.id, lastActive: null });

    await setPrivacy(target, { lastSeen: 'contacts' });
    const on2 = next(watcher, 'user:online', (p) => p.userId === target.id);
    const t2 = await server.socket(target.token);
    await on2;
    const off2 = next(watcher, 'user:offline', (p) => p.userId === target.id);
    t2.disconnect();
    expect((await off2).lastActive).toEqual(expect.any(String));
    watcher.disconnect();
  });

  it("a block hides presence even from 'everyone'", async () => {
    const { target, stranger } = await trio();
    await setPrivacy(target, { online: 'everyone', lastSeen: 'everyone' });
    const online = await server.socket(target.token);
    const asker = await server.socket(stranger.token);
    expect((await emit(asker, 'presence:query', { userIds: [target.id] })).presence[0]).toMatchObject(shown);
    expect((await server.api('POST', `/users/${stranger.id}/block`, { token: target.token })).status).toBeLessThan(300);
    expect((await emit(asker, 'presence:query', { userIds: [target.id] })).presence[0]).toMatchObject(hidden);
    online.disconnect();
    asker.disconnect();
  });
});

describe('read receipts off', () => {
  async function chatOf(offName: string) {
    const [off, on] = await server.registerAll(offName, 'Receipts On');
    const chat = await server.directChat(off, on);
    await setPrivacy(off, { readReceipts: false });
    return { off, on, chat };
  }
  const send = async (from: TestUser, chat: string, text: string) =>
    (await server.api('POST', `/conversations/${chat}/messages`, { token: from.token, body: { text } })).body.message;

  it('my reads still clear my unread count and reach my devices, but the sender hears only delivered and sees status delivered', async () => {
    const { off, on, chat } = await chatOf('Reader Off');
    const msg = await send(on, chat, 'did you read this?');
    const [senderSock, myOtherDevice, reading] = await Promise.all([
      server.socket(on.token),
      server.socket(off.token),
      server.socket(off.token),
    ]);
    const senderHeard = collect(senderSock, 'message:status');
    const mine = next(myOtherDevice, 'message:status', (p) => p.status === 'read');
    const ack = await emit(reading, 'message:read', { conversationId: chat, upToSeq: msg.seq });
    expect(ack).toMatchObject({ ok: true, lastReadSeq: msg.seq });
    expect(await mine).toMatchObject({ userId: off.id, status: 'read', upToSeq: msg.seq });
    await settle();
    expect(senderHeard.map((p: any) => p.status)).toEqual(['delivered']);
    expect(
      (await server.api('GET', '/conversations', { token: off.token })).body.conversations.find((c: any) => c.id === chat).unreadCount,
    ).toBe(0);
    const history = (await server.api('GET', `/conversations/${chat}/messages`, { token: on.token })).body.messages;
    expect(history.find((m: any) => m.id === msg.id).status).toBe('delivered');
    const receipts = (await server.api('GET', `/messages/${msg.id}/receipts`, { token: on.token })).body;
    expect(receipts.read).toEqual([]);
    expect(receipts.delivered.map((r: any) => r.userId)).toEqual([off.id]);
    expect((await syncEvents(server, on)).filter((e) => e.type === 'message:status' && e.payload.status === 'read')).toEqual([]);
    for (const s of [senderSock, myOtherDevice, reading]) s.disconnect();
  });

  it("nor do I see others' reads: no message:status read (live or in sync), my messages stop at delivered", async () => {
    const { off, on, chat } = await chatOf('Sender Off');
    const msg = await send(off, chat, 'from someone with receipts off');
    const [mySock, readerOther, reader] = await Promise.all([server.socket(off.token), server.socket(on.token), server.socket(on.token)]);
    const iHeard = collect(mySock, 'message:status');
    const theirs = next(readerOther, 'message:status', (p) => p.status === 'read');
    await emit(reader, 'message:read', { conversationId: chat, upToSeq: msg.seq });
    expect(await theirs).toMatchObject({ userId: on.id, status: 'read' });
    await settle();
    expect(iHeard.filter((p: any) => p.status === 'read')).toEqual([]);
    expect((await syncEvents(server, off)).filter((e) => e.type === 'message:status' && e.payload.status === 'read')).toEqual([]);
    const history = (await server.api('GET', `/conversations/${chat}/messages`, { token: off.token })).body.messages;
    expect(history.find((m: any) => m.id === msg.id).status).toBe('delivered');
    const list = (await server.api('GET', '/conversations', { token: off.token })).body.conversations;
    expect(list.find((c: any) => c.id === chat).lastMessage.status).toBe('delivered');
    expect((await server.api('GET', `/messages/${msg.id}/receipts`, { token: off.token })).body.read).toEqual([]);
    // Turned back on, the next read shows.
    await setPrivacy(off, { readReceipts: true });
    const msg2 = await send(off, chat, 'receipts on again');
    const heardRead = next(mySock, 'message:status', (p) => p.status === 'read' && p.upToSeq === msg2.seq);
    await emit(reader, 'message:read', { conversationId: chat, upToSeq: msg2.seq });
    expect(await heardRead).toMatchObject({ userId: on.id });
    const again = (await server.api('GET', `/conversations/${chat}/messages`, { token: off.token })).body.messages;
    expect(again.find((m: any) => m.id === msg2.id).status).toBe('read');
    for (const s of [mySock, readerOther, reader]) s.disconnect();
  });
});

describe('who may add me to groups', () => {
  it("'contacts': a stranger's add is refused with group.add_forbidden (create and add); a contact's is not; an invitation still works", async () => {
    const [guarded, contact, stranger, open] = await server.registerAll('Guarded Gil', 'Contact Kim', 'Stranger Stan', 'Open Olly');
    await server.directChat(guarded, contact);
    await setPrivacy(guarded, { groupAdds: 'contacts' });

    const refused = await server.api('POST', '/groups', {
      token: stranger.token,
      body: { name: 'Strangers', memberIds: [open.id, guarded.id] },
    });
    expectProblem(refused, 403, 'group.add_forbidden');
    expect(refused.body.errors).toEqual([{ path: 'memberIds.1', message: expect.stringContaining(guarded.id) }]);
    expect((await server.api('POST', '/groups', { token: contact.token, body: { name: 'Friends', memberIds: [guarded.id] } })).status).toBe(
      201,
    );

    const group = (await server.api('POST', '/groups', { token: stranger.token, body: { name: 'Mine', memberIds: [open.id] } })).body.group;
    expectProblem(
      await server.api('POST', `/groups/${group.id}/members`, { token: stranger.token, body: { userIds: [guarded.id] } }),
      403,
      'group.add_forbidden',
    );
    const invited = await server.api('POST', `/groups/${group.id}/invitations`, { token: stranger.token, body: { userId: guarded.id } });
    expect(invited.status).toBe(201);
    expect((await server.api('POST', `/invitations/${invited.body.invitation.id}/accept`, { token: guarded.token })).status).toBe(200);
    // Now they share a conversation: the stranger is a contact and may add them to another group.
    expect((await server.api('POST', '/groups', { token: stranger.token, body: { name: 'Next', memberIds: [guarded.id] } })).status).toBe(
      201,
    );
  });
});
