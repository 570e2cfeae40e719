import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/connect.js';
import { JobLease } from '../src/db/jobLease.js';
import { MessageRetention } from '../src/features/retention/retention.js';
import { fetchBytes, pdfBytes, photo, uploadFile } from './helpers/media.js';
import { history, listed, pair, search, send } from './helpers/messages.js';
import { emit, TestServer, type TestUser } from './helpers/server.js';

const servers: TestServer[] = [];
const start = async (env: Record<string, string>) => {
  // The purge is run by the tests (a node's timer would not tick within a test).
  const s = await TestServer.start({ MESSAGE_PURGE_INTERVAL_MS: '86400000', ...env });
  servers.push(s);
  return s;
};
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** The test's clock: makes the conversation's messages up to `throughSeq` look `days` old. */
async function age(server: TestServer, conversationId: string, throughSeq: number, days: number): Promise<void> {
  await server.app.ctx.db.execute(
    sql`update messages set created_at = now() - make_interval(days => ${days})
        where conversation_id = ${conversationId} and seq <= ${throughSeq}`,
  );
}

const purge = (server: TestServer) => new MessageRetention(server.app.ctx).run();

async function syncFrom(server: TestServer, user: TestUser, cursor: number): Promise<any[]> {
  const s = await server.socket(user.token);
  const events: any[] = [];
  for (let at = cursor; ;) {
    const ack = await emit(s, 'sync:request', { cursor: at, limit: 1000 });
    expect(ack.ok).toBe(true);
    events.push(...ack.events);
    if (!ack.hasMore) break;
    at = ack.cursor;
  }
  s.disconnect();
  return events;
}

const messageIdOf = (e: any): string | undefined => e.payload.message?.id ?? e.payload.messageId;
const profile = async (server: TestServer, user: TestUser) => (await server.api('GET', '/users/me', { token: user.token })).body.user;

describe('the retention purge (MESSAGE_RETENTION_DAYS)', () => {
  const OLD = 14;
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let chatId: string;
  let old: any[];
  let fresh: any[];
  let onlyOld: any;
  let shared: any;
  let onlyOldFile: string;
  let onlyOldBytes: number;
  let quietChat: string;
  let midCursor: number;
  let usedBefore: number;
  let round: Awaited<ReturnType<typeof purge>>;

  beforeAll(async () => {
    server = await start({ MESSAGE_RETENTION_DAYS: '1', MESSAGE_PURGE_BATCH_SIZE: '5' });
    ({ a: alice, b: bob, chatId } = await pair(server, ['Alice Archivist', 'Bob Reader']));
    onlyOld = (await uploadFile(server, alice.token, await photo(320, 240), { name: 'old.jpg' })).body.media;
    shared = (await uploadFile(server, alice.token, pdfBytes(5000), { name: 'kept.pdf' })).body.media;
    const [row] = await rows<{ storage_key: string; bytes: number }>(
      server.app.ctx.db,
      sql`select storage_key, size + coalesce(thumbnail_size, 0) as bytes from media where id = ${onlyOld.id}`,
    );
    onlyOldFile = path.join(server.dataDir, 'media', 'files', row!.storage_key);
    onlyOldBytes = Number(row!.bytes);

    old = [
      await send(server, alice, chatId, 'ancient platypus with a photo', { mediaIds: [onlyOld.id] }),
      await send(server, alice, chatId, 'ancient platypus with a pdf', { mediaIds: [shared.id] }),
    ];
    for (let i = old.length; i < OLD; i++) old.push(await send(server, i % 2 ? bob : alice, chatId, `ancient platypus ${i}`));
    expect((await server.api('PUT', `/messages/${old[3].id}/reaction`, { token: bob.token, body: { emoji: '👍' } })).status).toBe(200);
    const before = await syncFrom(server, bob, 0);
    midCursor = before.find((e) => e.type === 'message:new' && e.payload.message.id === old[6].id).eventId;

    fresh = [
      await send(server, bob, chatId, 'fresh platypus'),
      await send(server, alice, chatId, 'fresh platypus with the same pdf', { mediaIds: [shared.id] }),
      await send(server, bob, chatId, 'fresh platypus replying', { replyToId: old[5].id }),
    ];
    const carol = await server.register('Carol Quiet');
    quietChat = await server.directChat(alice, carol);
    await send(server, carol, quietChat, 'ancient platypus, nothing after it');

    await age(server, chatId, OLD, 2);
    await age(server, quietChat, 1, 2);
    usedBefore = (await profile(server, alice)).storageUsed;
    expect(fs.existsSync(onlyOldFile)).toBe(true);
    round = await purge(server);
  });

  it('deletes the expired messages, in batches of MESSAGE_PURGE_BATCH_SIZE, and keeps the newer ones', () => {
    expect(round).toMatchObject({ ran: true, messages: OLD + 1, media: 1 });
    // 15 expired messages, 5 a transaction (ties in createdAt are taken in seq order).
    expect(round.batches).toBe(3);
  });

  it('history starts right after purgedThroughSeq, with no hole; a reply to a purged message quotes nothing', async () => {
    const seen = await history(server, bob, chatId);
    expect(seen.map((m) => m.id)).toEqual(fresh.map((m) => m.id));
    expect(seen.map((m) => m.seq)).toEqual([OLD + 1, OLD + 2, OLD + 3]);
    expect(seen[2].replyTo).toBeNull();
    const conversation = await listed(server, bob, chatId);
    expect(conversation).toMatchObject({ purgedThroughSeq: OLD, lastSeq: OLD + 3, lastMessage: { id: fresh[2].id } });
    expect((await server.api('GET', `/messages/${old[0].id}`, { token: bob.token })).status).toBe(404);
    expect((await server.api('GET', `/conversations/${chatId}/messages?before=${OLD + 1}`, { token: bob.token })).body).toMatchObject({
      messages: [],
      hasMore: false,
    });
  });

  it('a conversation whose messages all expired lists no lastMessage, and nothing unread (purged messages cannot be read)', async () => {
    expect(await listed(server, alice, quietChat)).toMatchObject({ purgedThroughSeq: 1, lastSeq: 1, lastMessage: null, unreadCount: 0 });
  });

  it('search finds only what is kept', async () => {
    const found = (await search(server, bob, 'q=platypus')).body.messages;
    expect(found.map((m: any) => m.id).sort()).toEqual(fresh.map((m) => m.id).sort());
  });

  it('sync, from 0 and from a cursor in the middle of the purged stretch, replays nothing of a purged message', async () => {
    const purged = new Set(old.map((m) => m.id));
    for (const cursor of [0, midCursor]) {
      const events = await syncFrom(server, bob, cursor);
      expect(events.filter((e) => purged.has(messageIdOf(e)!))).toEqual([]);
      const news = events.filter((e) => e.type === 'message:new').map((e) => e.payload.message);
      expect(news.map((m) => m.seq)).toEqual([OLD + 1, OLD + 2, OLD + 3]);
      // The reply's stored event no longer quotes the purged message either.
      expect(news[2].replyTo).toBeNull();
    }
  });

  it('deletes media only purged messages carried (row and file); media a kept message carries stays', async () => {
    expect((await fetchBytes(server, onlyOld.url, alice.token)).status).toBe(404);
    expect(fs.existsSync(onlyOldFile)).toBe(false);
    expect((await fetchBytes(server, shared.url, bob.token)).status).toBe(200);
    expect((await profile(server, alice)).storageUsed).toBe(usedBefore - onlyOldBytes);
  });

  it('a second round finds nothing more', async () => {
    expect(await purge(server)).toMatchObject({ ran: true, messages: 0, batches: 0 });
  });
});

describe("a group's messageRetentionDays", () => {
  let server: TestServer;
  let owner: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    server = await start({ MESSAGE_RETENTION_DAYS: '3' });
    [owner, member] = await server.registerAll('Olga Owner', 'Mo Member');
  });

  async function group(name: string): Promise<string> {
    const res = await server.api('POST', '/groups', { token: owner.token, body: { name, memberIds: [member.id] } });
    expect(res.status).toBe(201);
    return res.body.group.id;
  }

  const setRetention = (groupId: string, days: number | null, user = owner) =>
    server.api('PATCH', `/groups/${groupId}`, { token: user.token, body: { messageRetentionDays: days } });

  it('is set by admins, shown on the group, announced as a system message; null goes back to the server default', async () => {
    const id = await group('Settings');
    expect((await server.api('GET', `/groups/${id}`, { token: member.token })).body.group.messageRetentionDays).toBeNull();
    const refused = await setRetention(id, 7, member);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('group.not_admin');
    expect((await setRetention(id, 0)).body.code).toBe('validation.failed');
    expect((await setRetention(id, 1.5)).body.code).toBe('validation.failed');

    const set = await setRetention(id, 7);
    expect(set.status).toBe(200);
    expect(set.body.group.messageRetentionDays).toBe(7);
    expect((await server.api('GET', `/groups/${id}`, { token: member.token })).body.group.messageRetentionDays).toBe(7);
    // The same value again changes nothing and announces nothing.
    await setRetention(id, 7);
    expect((await setRetention(id, null)).body.group.messageRetentionDays).toBeNull();
    const system = (await history(server, member, id)).filter((m) => m.system?.action === 'retention_changed');
    expect(system.map((m) => m.system.days)).toEqual([7, null]);
    expect(system[0].text).toContain('7 days');
  });

  it('wins over the server default, longer and shorter', async () => {
    const longer = await group('Keeps longer');
    const shorter = await group('Keeps shorter');
    expect((await setRetention(longer, 5)).status).toBe(200);
    expect((await setRetention(shorter, 1)).status).toBe(200);
    const { a, chatId: direct } = await pair(server, ['Dora Direct', 'Dan Direct']);
    for (const [id, user] of [
      [longer, owner],
      [shorter, owner],
      [direct, a],
    ] as const) {
      for (let i = 0; i < 3; i++) await send(server, user, id, `message ${i}`);
    }
    const lastSeqOf = async (id: string, user: TestUser) => (await listed(server, user, id)).lastSeq;
    const [longSeq, shortSeq, directSeq] = [await lastSeqOf(longer, owner), await lastSeqOf(shorter, owner), await lastSeqOf(direct, a)];
    // Everything 2 days old: past the shorter group's 1 day, within the default 3 and the longer group's 5.
    for (const [id, seq] of [
      [longer, longSeq],
      [shorter, shortSeq],
      [direct, directSeq],
    ] as const)
      await age(server, id, seq, 2);
    await purge(server);
    expect((await history(server, owner, shorter)).length).toBe(0);
    expect((await listed(server, owner, shorter)).purgedThroughSeq).toBe(shortSeq);
    expect((await history(server, a, direct)).length).toBe(directSeq);
    expect((await history(server, owner, longer)).length).toBe(longSeq);

    // 4 days old: past the default 3 (the direct chat), still within the longer group's 5.
    await age(server, longer, longSeq, 4);
    await age(server, direct, directSeq, 4);
    await purge(server);
    expect((await history(server, a, direct)).length).toBe(0);
    expect((await history(server, owner, longer)).length).toBe(longSeq);
  });

  it('applies with no server default too; other conversations are then kept forever', async () => {
    const bare = await start({});
    const [o, m] = await bare.registerAll('Una Owner', 'Vic Member');
    const g = (await bare.api('POST', '/groups', { token: o.token, body: { name: 'Short', memberIds: [m.id] } })).body.group.id;
    const { a, chatId: direct } = await pair(bare, ['Wim Direct', 'Xia Direct']);
    await bare.api('PATCH', `/groups/${g}`, { token: o.token, body: { messageRetentionDays: 1 } });
    await send(bare, o, g, 'short-lived');
    await send(bare, a, direct, 'forever');
    const groupSeq = (await listed(bare, o, g)).lastSeq;
    await age(bare, g, groupSeq, 2);
    await age(bare, direct, 1, 1000);
    expect(await purge(bare)).toMatchObject({ ran: true, messages: groupSeq });
    expect(await history(bare, o, g)).toEqual([]);
    expect((await history(bare, a, direct)).map((msg) => msg.text)).toEqual(['forever']);
  });
});

describe('one node at a time', () => {
  it('does nothing while another node holds the retention lease, and purges once it is released', async () => {
    const server = await start({ MESSAGE_RETENTION_DAYS: '1' });
    const { a, chatId } = await pair(server, ['Yan Sender', 'Zoe Reader']);
    await send(server, a, chatId, 'old news');
    await age(server, chatId, 1, 2);
    const otherNode = new JobLease(server.app.ctx.db, 'retention', 'another-node', 60_000);
    expect(await otherNode.acquire()).toBe(true);
    expect(await purge(server)).toMatchObject({ ran: false, messages: 0 });
    expect(await history(server, a, chatId)).toHaveLength(1);
    await otherNode.release();
    expect(await purge(server)).toMatchObject({ ran: true, messages: 1 });
    expect(await history(server, a, chatId)).toEqual([]);
  });
});
