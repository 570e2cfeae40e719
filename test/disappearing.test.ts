import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/connect.js';
import { fetchBytes, photo, uploadFile } from './helpers/media.js';
import { history, pair, search, send } from './helpers/messages.js';
import { newAccount, sdkClient, until } from './helpers/sdk.js';
import { emit, next, TestServer, type TestUser } from './helpers/server.js';
import { unzip } from './helpers/zip.js';

const DAY = 86_400;

describe('disappearing messages', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let chatId: string;

  // A short sweep interval: the tests make a message due by moving its expiresAt, then wait for a round.
  beforeAll(async () => {
    server = await TestServer.start({ DISAPPEARING_SWEEP_MS: '100' });
    ({ a: alice, b: bob, chatId } = await pair(server, ['Alice Ephemeral', 'Bob Fleeting']));
  });
  afterAll(() => server.close());

  const setTimer = (user: TestUser, id: string, seconds: unknown) =>
    server.api('PUT', `/conversations/${id}/disappearing`, { token: user.token, body: { seconds } });

  /** The test's clock: the message's time has come. */
  const makeDue = (messageId: string) =>
    server.app.ctx.db.execute(sql`update messages set expires_at = now() - interval '1 second' where id = ${messageId}`);

  /** Waits until the sweep has deleted the row. */
  async function swept(messageId: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const found = await rows(server.app.ctx.db, sql`select 1 from messages where id = ${messageId}`);
      if (found.length === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the sweep did not delete the message');
  }

  it('either person in a direct chat sets it: a system message records it and the conversation shows it', async () => {
    const set = await setTimer(bob, chatId, DAY);
    expect(set.status).toBe(200);
    expect(set.body.conversation).toMatchObject({ id: chatId, disappearAfterSeconds: DAY });
    const last = (await history(server, alice, chatId)).at(-1);
    expect(last).toMatchObject({
      type: 'system',
      system: { action: 'disappearing_changed', actorId: bob.id, seconds: DAY },
      expiresAt: null,
    });
    const again = await setTimer(alice, chatId, 3600);
    expect(again.status).toBe(200);
    const shown = await server.api('GET', `/conversations/${chatId}`, { token: bob.token });
    expect(shown.body.conversation.disappearAfterSeconds).toBe(3600);
  });

  it('refuses values out of range or not a number with 400, changing nothing', async () => {
    for (const seconds of [59, 7_776_001, 'x', 90.5]) {
      const res = await setTimer(alice, chatId, seconds);
      expect(res.status, String(seconds)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.body.code).toBe('validation.failed');
    }
    expect((await setTimer(alice, chatId, 60)).status).toBe(200);
    expect((await setTimer(alice, chatId, 7_776_000)).status).toBe(200);
    const shown = await server.api('GET', `/conversations/${chatId}`, { token: alice.token });
    expect(shown.body.conversation.disappearAfterSeconds).toBe(7_776_000);
  });

  it('in a group only the owner and admins set it (others: 403 group.not_admin); outsiders get 404', async () => {
    const [owner, admin, member, outsider] = await server.registerAll('Gina Owner', 'Adam Admin', 'Mia Member', 'Otto Outsider');
    const created = await server.api('POST', '/groups', {
      token: owner.token,
      body: { name: 'Fleeting', memberIds: [admin.id, member.id] },
    });
    const groupId = created.body.group.id;
    await server.api('PATCH', `/groups/${groupId}/members/${admin.id}`, { token: owner.token, body: { role: 'admin' } });

    const refused = await setTimer(member, groupId, 300);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('group.not_admin');
    expect((await setTimer(outsider, groupId, 300)).status).toBe(404);
    expect((await setTimer(owner, groupId, 300)).body.conversation.disappearAfterSeconds).toBe(300);
    expect((await setTimer(admin, groupId, 600)).body.conversation.disappearAfterSeconds).toBe(600);

    const sent = await send(server, member, groupId, 'group secret');
    expect(Date.parse(sent.expiresAt) - Date.parse(sent.createdAt)).toBe(600_000);
  });

  it('a message sent while it is on gets expiresAt; the sweep deletes it everywhere and tells who is online', async () => {
    expect((await setTimer(alice, chatId, DAY)).status).toBe(200);
    const media = (await uploadFile(server, alice.token, await photo(64, 48), { name: 'gone.jpg' })).body.media;
    const cursor = (await emit(await server.socket(bob.token), 'sync:request', { cursor: 0, limit: 1 })).cursor;
    const doomed = await send(server, alice, chatId, 'ephemeral narwhal', { mediaIds: [media.id] });
    const kept = await send(server, bob, chatId, 'lasting narwhal');
    expect(Date.parse(doomed.expiresAt) - Date.parse(doomed.createdAt)).toBe(DAY * 1000);
    expect((await fetchBytes(server, media.url, bob.token)).status).toBe(200);

    const online = await server.socket(bob.token);
    const heard = next(online, 'message:deleted', (p: any) => p.messageId === doomed.id, 10_000);
    await makeDue(doomed.id);
    await makeDue(kept.id);
    const event = await heard;
    expect(event).toMatchObject({ conversationId: chatId, messageId: doomed.id, for: 'everyone', expired: true });
    await swept(doomed.id);

    const seen = (await history(server, bob, chatId)).map((m) => m.id);
    expect(seen).not.toContain(doomed.id);
    expect(seen).not.toContain(kept.id);
    expect((await search(server, bob, 'q=narwhal')).body.messages).toEqual([]);
    expect((await server.api('GET', `/messages/${doomed.id}`, { token: bob.token })).status).toBe(404);
    expect((await fetchBytes(server, media.url, alice.token)).status).toBe(404);

    // Sync after expiry: the message's content is gone; only the deletion is replayed.
    const s = await server.socket(bob.token);
    const ack = await emit(s, 'sync:request', { cursor, limit: 1000 });
    expect(ack.ok).toBe(true);
    expect(JSON.stringify(ack.events)).not.toContain('ephemeral narwhal');
    expect(JSON.stringify(ack.events)).not.toContain('lasting narwhal');
    expect(ack.events.some((e: any) => e.type === 'message:deleted' && e.payload.messageId === doomed.id && e.payload.expired)).toBe(true);
    const listedChat = (await server.api('GET', '/conversations', { token: bob.token })).body.conversations.find(
      (c: any) => c.id === chatId,
    );
    expect(listedChat.lastMessage?.id).not.toBe(doomed.id);
    expect(listedChat.lastMessage?.id).not.toBe(kept.id);
  });

  it('read paths hide a message from its expiresAt on, before the sweep runs', async () => {
    const quiet = await TestServer.start({ DISAPPEARING_SWEEP_MS: '3600000' });
    try {
      const { a, b, chatId: id } = await pair(quiet, ['Quiet Alice', 'Quiet Bob']);
      await quiet.api('PUT', `/conversations/${id}/disappearing`, { token: a.token, body: { seconds: 60 } });
      const m = await send(quiet, a, id, 'hidden walrus');
      await quiet.app.ctx.db.execute(sql`update messages set expires_at = now() - interval '1 second' where id = ${m.id}`);
      expect((await history(quiet, b, id)).map((x) => x.id)).not.toContain(m.id);
      expect((await search(quiet, b, 'q=walrus')).body.messages).toEqual([]);
      expect((await quiet.api('GET', `/messages/${m.id}`, { token: b.token })).status).toBe(404);
      const s = await quiet.socket(b.token);
      const ack = await emit(s, 'sync:request', { cursor: 0, limit: 1000 });
      expect(JSON.stringify(ack.events)).not.toContain('hidden walrus');
      // Nor is it in the sender's own export.
      const exported = await unzip((await fetchBytes(quiet, '/users/me/export', a.token)).bytes);
      expect([...exported.values()].map((b) => b.toString('utf8')).join('\n')).not.toContain('hidden walrus');
    } finally {
      await quiet.close();
    }
  });

  it('the SDK sets the timer (the store shows it) and drops a message that expired', async () => {
    const client = await sdkClient(server, newAccount('Sdk Sam'), { signUp: true });
    try {
      const other = await server.register('Sdk Other');
      const opened = await client.rest.POST('/conversations', { body: { userId: other.id } });
      const id = opened.data!.conversation.id;
      client.connect();
      const conversation = await client.setDisappearingTimer(id, 300);
      expect(conversation.disappearAfterSeconds).toBe(300);
      expect(client.store.conversation(id)?.disappearAfterSeconds).toBe(300);
      const refused = await client.setDisappearingTimer(id, 10).catch((e) => e);
      expect(refused.code).toBe('validation.failed');

      const m = await send(server, other, id, 'sdk mayfly');
      expect(m.expiresAt).not.toBeNull();
      await client.messages.list(id);
      await until(() => client.store.messages(id).messages.some((x) => x.id === m.id), 'the message in the store');
      await makeDue(m.id);
      await until(() => !client.store.messages(id).messages.some((x) => x.id === m.id), 'the store to drop it');
    } finally {
      await client.close();
    }
  });

  it('turned off: a system message records it and new messages have expiresAt null', async () => {
    const off = await setTimer(bob, chatId, null);
    expect(off.status).toBe(200);
    expect(off.body.conversation.disappearAfterSeconds).toBeNull();
    const last = (await history(server, alice, chatId)).at(-1);
    expect(last.system).toMatchObject({ action: 'disappearing_changed', actorId: bob.id, seconds: null });
    const m = await send(server, alice, chatId, 'permanent record');
    expect(m.expiresAt).toBeNull();
  });
});
