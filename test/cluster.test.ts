import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, Node, OwnRedis } from './helpers/cluster.js';
import { emit, next, collect, settle } from './helpers/server.js';

// Three Parley processes on one PostgreSQL and one Redis: runs in the PostgreSQL project only.
const enabled = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

describe.skipIf(!enabled)('three nodes on one PostgreSQL and one Redis', () => {
  let redis: OwnRedis;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let nodes: Node[];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await OwnRedis.start();
    db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      EMITTER_POLL_MS: '500',
      PRESENCE_HEARTBEAT_MS: '500',
      PRESENCE_TTL_MS: '2000',
      RATE_LIMIT_REGISTER_PER_IP: '100000/1h',
      SHUTDOWN_GRACE_MS: '5000',
    };
    // The first node migrates; the others start on the migrated database together.
    const first = await Node.start(env);
    nodes = [first, ...(await Promise.all([Node.start(env), Node.start(env)]))];
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all((nodes ?? []).map((n) => n.stop()));
    await redis?.down();
    await db?.drop();
  });

  const on = async (node: Node, token: string, listen?: (s: Socket) => void) => {
    const s = await node.socket(token, listen);
    sockets.push(s);
    return s;
  };

  it('accepts a token issued by any node on every node (the signing key is shared)', async () => {
    const u = await nodes[0]!.register('Token Traveller');
    for (const n of nodes) expect((await n.api('GET', '/auth/me', { token: u.token })).status).toBe(200);
  });

  it('carries messages, receipts, typing and presence across nodes', async () => {
    const a = await nodes[0]!.register('Ann on One');
    const b = await nodes[1]!.register('Bob on Two');
    const chat = (await nodes[2]!.api('POST', '/conversations', { token: a.token, body: { userId: b.id } })).body.conversation.id;
    const sa = await on(nodes[0]!, a.token);

    const online = next(sa, 'user:online', (p) => p.userId === b.id);
    const sb = await on(nodes[1]!, b.token);
    await online;

    const incoming = next(sb, 'message:new');
    const ack = await emit(sa, 'message:send', { conversationId: chat, text: 'across nodes', clientMessageId: 'x-1' });
    expect((await incoming).message.id).toBe(ack.message.id);

    const status = next(sa, 'message:status', (p) => p.status === 'read');
    await emit(sb, 'message:read', { conversationId: chat });
    expect(await status).toMatchObject({ userId: b.id, upToSeq: 1 });

    const typing = next(sb, 'typing');
    sa.emit('typing:start', { conversationId: chat });
    expect(await typing).toMatchObject({ userId: a.id, isTyping: true });

    // A second device on the third node: closing one device is not going offline.
    const sb2 = await on(nodes[2]!, b.token);
    const offlines = collect(sa, 'user:offline');
    sb.disconnect();
    await settle(800);
    expect(offlines).toEqual([]);
    const off = next(sa, 'user:offline', (p) => p.userId === b.id);
    sb2.disconnect();
    await off;
    expect((await nodes[2]!.api('GET', `/users/${b.id}`, { token: a.token })).body.user.isOnline).toBe(false);
  });

  it('applies membership changes to sockets on every node', async () => {
    const owner = await nodes[0]!.register('Group Owner');
    const joiner = await nodes[1]!.register('Group Joiner');
    const so = await on(nodes[0]!, owner.token);
    const phone = await on(nodes[1]!, joiner.token);
    const laptop = await on(nodes[2]!, joiner.token);
    const group = (await nodes[2]!.api('POST', '/groups', { token: owner.token, body: { name: 'Cluster Club' } })).body.group.id;

    const added = Promise.all([next(phone, 'conversation:created'), next(laptop, 'conversation:created')]);
    await nodes[1]!.api('POST', `/groups/${group}/members`, { token: owner.token, body: { userIds: [joiner.id] } });
    await added;
    const both = Promise.all([phone, laptop].map((s) => next(s, 'message:new', (p) => p.message.text === 'hello club')));
    await emit(so, 'message:send', { conversationId: group, text: 'hello club', clientMessageId: 'c-1' });
    await both;

    const left = Promise.all([next(phone, 'group:member-left'), next(laptop, 'group:member-left')]);
    const after = [collect(phone, 'message:new'), collect(laptop, 'message:new')];
    await nodes[0]!.api('DELETE', `/groups/${group}/members/${joiner.id}`, { token: owner.token });
    await left;
    const seen = after.map((a) => a.length);
    await emit(so, 'message:send', { conversationId: group, text: 'members only', clientMessageId: 'c-2' });
    await settle(1000);
    expect(after.map((a) => a.length)).toEqual(seen);
  });

  it("keeps a newcomer's sockets on every node out of events about messages from before they joined", async () => {
    const owner = await nodes[0]!.register('History Owner');
    const joiner = await nodes[1]!.register('History Joiner');
    const group = (await nodes[0]!.api('POST', '/groups', { token: owner.token, body: { name: 'Cluster Past' } })).body.group.id;
    const old = (await nodes[0]!.api('POST', `/conversations/${group}/messages`, { token: owner.token, body: { text: 'before you' } })).body
      .message;
    await nodes[0]!.api('POST', `/groups/${group}/members`, { token: owner.token, body: { userIds: [joiner.id] } });
    const elsewhere = [await on(nodes[1]!, joiner.token), await on(nodes[2]!, joiner.token)];
    const heard = elsewhere.map((s) => collect<any>(s, 'reaction:updated'));

    await nodes[0]!.api('PUT', `/messages/${old.id}/reaction`, { token: owner.token, body: { emoji: '👍' } });
    const fresh = (await nodes[0]!.api('POST', `/conversations/${group}/messages`, { token: owner.token, body: { text: 'after you' } }))
      .body.message;
    const reached = Promise.all(elsewhere.map((s) => next(s, 'reaction:updated', (p) => p.messageId === fresh.id)));
    await nodes[0]!.api('PUT', `/messages/${fresh.id}/reaction`, { token: owner.token, body: { emoji: '👍' } });
    await reached;
    expect(heard.map((h) => h.map((p) => p.messageId))).toEqual([[fresh.id], [fresh.id]]);
  });

  it('survives kill -9 of a node: its clients reconnect elsewhere, sync, and every acked message is there exactly once', async () => {
    const sender = await nodes[2]!.register('Sender on Three');
    const reader = await nodes[0]!.register('Reader on One');
    const bystander = await nodes[2]!.register('Only on Three');
    const chat = (await nodes[0]!.api('POST', '/conversations', { token: sender.token, body: { userId: reader.id } })).body.conversation.id;
    await nodes[0]!.api('POST', '/conversations', { token: bystander.token, body: { userId: reader.id } });
    const sr = await on(nodes[0]!, reader.token);
    await on(nodes[2]!, bystander.token);
    let s = await on(nodes[2]!, sender.token);

    const acked = new Set<string>();
    const total = 60;
    let crashed = false;
    for (let i = 0; i < total; i++) {
      const payload = { conversationId: chat, text: `m${i}`, clientMessageId: `k-${i}` };
      if (i === 25) {
        // Mid-traffic: this send is in flight when the node dies.
        s.emit('message:send', payload, () => {});
        await nodes[2]!.crash();
        crashed = true;
        s = await on(nodes[1]!, sender.token); // the load balancer sends it to a live node
      }
      // Retrying with the same clientMessageId is safe, so the client resends until acked.
      for (;;) {
        const ack = await emit(s, 'message:send', payload).catch(() => undefined);
        if (ack?.ok) {
          acked.add(ack.message.id);
          break;
        }
      }
    }
    expect(crashed).toBe(true);
    const history = await nodes[1]!.api('GET', `/conversations/${chat}/messages?limit=100`, { token: reader.token });
    const keys = history.body.messages.map((m: any) => m.clientMessageId);
    expect(keys).toEqual(Array.from({ length: total }, (_, i) => `k-${i}`));
    expect(new Set(history.body.messages.map((m: any) => m.id))).toEqual(acked);

    // The reader syncs from the start and sees each message exactly once, in order.
    const sync = await emit(sr, 'sync:request', { cursor: 0, limit: 1000 });
    const seqs = sync.events
      .filter((e: any) => e.type === 'message:new' && e.payload.message.conversationId === chat)
      .map((e: any) => e.payload.message.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));

    // Users whose only socket was on the dead node go offline within the presence TTL.
    await next(sr, 'user:offline', (p) => p.userId === bystander.id, 10_000);
    nodes[2] = await Node.start(nodes[2]!.env);
  }, 120_000);

  it('recovers from a Redis restart without restarting the nodes', async () => {
    const a = await nodes[0]!.register('Before Restart');
    const b = await nodes[1]!.register('After Restart');
    const chat = (await nodes[0]!.api('POST', '/conversations', { token: a.token, body: { userId: b.id } })).body.conversation.id;
    await redis.down();
    await settle(500);
    await redis.up();
    // ioredis reconnects with backoff (at most 2 s apart); the adapter and pokes resubscribe.
    await settle(3000);
    const sa = await on(nodes[0]!, a.token);
    const online = next(sa, 'user:online', (p) => p.userId === b.id, 10_000);
    const sb = await on(nodes[1]!, b.token);
    await online;
    const got = next(sb, 'message:new', () => true, 10_000);
    await emit(sa, 'message:send', { conversationId: chat, text: 'after redis restart', clientMessageId: 'r-1' });
    expect((await got).message.text).toBe('after redis restart');
    const typing = next(sb, 'typing', () => true, 10_000);
    sa.emit('typing:start', { conversationId: chat });
    await typing;
  }, 60_000);
});
