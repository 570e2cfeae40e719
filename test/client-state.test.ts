import { unwrap, type ParleyClient, type StoreChange } from '@parley/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, sdkClient, until, watch } from './helpers/sdk.js';
import { TestServer } from './helpers/server.js';

let server: TestServer;
const open: ParleyClient[] = [];
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await server.close();
});

async function pair(names: [string, string]) {
  const [a, b] = await Promise.all(names.map((n) => sdkClient(server, newAccount(n), { signUp: true })));
  open.push(a!, b!);
  const chat = unwrap(await a!.rest.POST('/conversations', { body: { userId: b!.userId! } })).conversation.id;
  return { a: a!, b: b!, chat };
}

describe('@parley/client: the local store', () => {
  it('conversations.list fills the store; a new message moves lastMessage and unread; reading clears it', async () => {
    const { a, b, chat } = await pair(['Store Sam', 'Store Tia']);
    await b.conversations.list();
    expect(b.store.conversation(chat)).toMatchObject({ unreadCount: 0, lastMessage: null });
    const changes: StoreChange[] = [];
    b.store.subscribe((c) => changes.push(c));
    a.connect();
    b.connect();
    await a.send(chat, { text: 'hello store' });
    await a.send(chat, { text: 'twice' });
    await until(() => b.store.conversation(chat)?.unreadCount === 2, 'two unread');
    expect(b.store.conversation(chat)?.lastMessage?.text).toBe('twice');
    expect(changes).toContainEqual({ kind: 'conversations' });
    unwrap(await b.rest.POST('/conversations/{id}/read', { params: { path: { id: chat } }, body: {} }));
    await until(() => b.store.conversation(chat)?.unreadCount === 0, 'read to clear unread');
  });

  it('markRead up to a message leaves the exact unreadMentionCount of what is still unread', async () => {
    const { a, b, chat } = await pair(['Mention Max', 'Mention Mia']);
    const mia = b.userId!;
    a.connect();
    const first = await a.send(chat, { text: '@mia one', mentions: { userIds: [mia] } });
    await a.send(chat, { text: 'plain' });
    await a.send(chat, { text: '@mia two', mentions: { userIds: [mia] } });
    await b.conversations.list();
    expect(b.store.conversation(chat)).toMatchObject({ unreadCount: 3, unreadMentionCount: 2 });
    // The live status event alone could only bound it (≤ 2 unread); the ack knows the one mention left.
    expect(await b.markRead(chat, first.seq)).toEqual({ lastReadSeq: first.seq, unreadCount: 2, unreadMentionCount: 1 });
    expect(b.store.conversation(chat)).toMatchObject({ unreadCount: 2, unreadMentionCount: 1 });
  });

  it('messages.list pages older history with before; live messages join the window; edits and deletes apply', async () => {
    const { a, b, chat } = await pair(['Window Wes', 'Window Val']);
    a.connect();
    for (let i = 1; i <= 7; i++) await a.send(chat, { text: `h${i}` });
    const first = await b.messages.list(chat, { limit: 3 });
    expect(first.messages.map((m) => m.text)).toEqual(['h5', 'h6', 'h7']);
    expect(b.store.messages(chat)).toMatchObject({ hasMore: true });
    await b.messages.list(chat, { before: b.store.messages(chat).messages[0]!.seq, limit: 10 });
    expect(b.store.messages(chat).messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(b.store.messages(chat).hasMore).toBe(false);
    b.connect();
    await until(() => b.status.connection === 'online', 'b online');
    const live = await a.send(chat, { text: 'h8' });
    await until(() => b.store.messages(chat).messages.length === 8, 'the live message in the window');
    unwrap(await a.rest.PATCH('/messages/{id}', { params: { path: { id: live.id } }, body: { text: 'h8 edited' } }));
    await until(() => b.store.messages(chat).messages.at(-1)?.text === 'h8 edited', 'the edit');
    unwrap(await a.rest.DELETE('/messages/{id}', { params: { path: { id: live.id }, query: { for: 'everyone' } } }));
    await until(() => b.store.messages(chat).messages.at(-1)?.deletedAt !== null, 'the delete');
  });

  it('typing and presence come through as ephemeral events and the store', async () => {
    const { a, b, chat } = await pair(['Typing Tom', 'Presence Pia']);
    const ephemeral: string[] = [];
    b.on('ephemeral', (type) => ephemeral.push(type));
    b.connect();
    await until(() => b.status.connection === 'online', 'b online');
    a.connect();
    await until(() => b.store.presence(a.userId!)?.isOnline === true, 'a online for b');
    await until(() => a.status.connection === 'online', 'a online');
    a.setTyping(chat, true);
    await until(() => b.store.typing(chat).includes(a.userId!), 'a typing for b');
    a.setTyping(chat, false);
    await until(() => b.store.typing(chat).length === 0, 'a stopped typing');
    a.disconnect();
    await until(() => b.store.presence(a.userId!)?.isOnline === false, 'a offline for b');
    expect(b.store.presence(a.userId!)?.lastActive).toEqual(expect.any(String));
    expect(ephemeral).toEqual(expect.arrayContaining(['user:online', 'user:offline']));
  });

  it("delivery receipts and markRead turn the sender's messages delivered, then read", async () => {
    const { a, b, chat } = await pair(['Ticks Tess', 'Ticks Ugo']);
    a.connect();
    b.connect();
    await until(() => a.status.connection === 'online' && b.status.connection === 'online', 'both online');
    await a.messages.list(chat);
    const sent = await a.send(chat, { text: 'did it arrive?' });
    await until(() => a.store.messages(chat).messages.find((m) => m.id === sent.id)?.status === 'delivered', 'delivered');
    expect(await b.markRead(chat)).toMatchObject({ lastReadSeq: sent.seq, unreadCount: 0 });
    await until(() => a.store.messages(chat).messages.find((m) => m.id === sent.id)?.status === 'read', 'read');
  });
});

describe('@parley/client: the session', () => {
  it('signIn on a second client restores nothing of the first; signOut ends the session on the server', async () => {
    const account = newAccount('Session Sue');
    const first = await sdkClient(server, account, { signUp: true });
    const second = await sdkClient(server, account, { signUp: false });
    open.push(first, second);
    expect(second.userId).toBe(first.userId);
    expect(unwrap(await second.rest.GET('/auth/me')).user.id).toBe(first.userId);
    await second.signOut();
    expect(second.userId).toBeUndefined();
    // The first device's session is its own and stays.
    expect(unwrap(await first.rest.GET('/auth/me')).user.id).toBe(first.userId);
  });

  it('a session ended from another device is reported as signedOut and the client stops reconnecting', async () => {
    const account = newAccount('Revoked Rob');
    const phone = await sdkClient(server, account, { signUp: true });
    const laptop = await sdkClient(server, account, { signUp: false });
    open.push(phone, laptop);
    const ended: string[] = [];
    laptop.on('signedOut', (reason) => ended.push(reason.code));
    laptop.connect();
    await until(() => laptop.status.connection === 'online', 'laptop online');
    const sessions = unwrap(await phone.rest.GET('/auth/sessions')).sessions;
    const other = sessions.find((s) => !s.current)!;
    unwrap(await phone.rest.DELETE('/auth/sessions/{id}', { params: { path: { id: other.id } } }));
    await until(() => ended.length === 1, 'signedOut');
    expect(ended).toEqual(['auth.session_revoked']);
    expect(laptop.status.connection).toBe('offline');
    // The dead session is forgotten: nothing for the next start to restore.
    expect(laptop.userId).toBeUndefined();
  });

  it('useSession adopts tokens obtained elsewhere', async () => {
    const account = newAccount('Backend Bea');
    const r = await server.api('POST', '/auth/register', { body: account });
    const client = await sdkClient(server, account);
    open.push(client);
    await client.useSession({ accessToken: r.body.accessToken, refreshToken: r.body.refreshToken });
    expect(client.userId).toBe(r.body.user.id);
    const seen = watch(client);
    client.connect();
    await until(() => client.status.connection === 'online', 'online');
    expect(seen.events).toEqual([]);
  });
});
