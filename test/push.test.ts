import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/connect.js';
import type { PushSubscriptionLike } from '@parley/client';
import { PushService, type TestSubscription } from './helpers/pushService.js';
import { newAccount, sdkClient } from './helpers/sdk.js';
import { settle, TestServer, type TestUser } from './helpers/server.js';

/** Web Push end to end: a real server, and a loopback push service that checks VAPID and decrypts (test/helpers/pushService.ts). */
describe('Web Push', () => {
  let service: PushService;
  let server: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let cat: TestUser;
  let dan: TestUser;
  let annBob: string;
  let group: string;

  const env = () => ({
    OUTBOUND_ALLOWED_URLS: `${service.origin}/`,
    RATE_LIMITS: 'off',
    VAPID_SUBJECT: 'mailto:ops@parley.test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });

  async function register(user: TestUser, sub: TestSubscription, s = server): Promise<string> {
    const res = await s.api('POST', '/push/devices', {
      token: user.token,
      body: { platform: 'webpush', subscription: { endpoint: sub.endpoint, keys: sub.keys } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.device.id;
  }

  async function device(user: TestUser): Promise<TestSubscription> {
    const sub = service.subscribe();
    await register(user, sub);
    return sub;
  }

  async function send(user: TestUser, conversationId: string, body: Record<string, unknown>, s = server) {
    const res = await s.api('POST', `/conversations/${conversationId}/messages`, { token: user.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.message as { id: string; seq: number };
  }

  /** Waits for this message's push to the device and returns it. */
  async function pushOf(sub: TestSubscription, messageId: string) {
    await service.waitFor(() => service.delivered(sub).some((p) => p.payload.messageId === messageId));
    return service.delivered(sub).find((p) => p.payload.messageId === messageId)!;
  }

  /** A user signed in once more: another session, with its own token. */
  async function secondSession(user: TestUser): Promise<TestUser> {
    const res = await server.api('POST', '/auth/login', {
      body: { login: user.email, password: user.password, deviceId: `d-${Date.now()}` },
    });
    expect(res.status).toBe(200);
    return { ...user, token: res.body.accessToken, refreshToken: res.body.refreshToken };
  }

  const positionRow = async (s = server) =>
    (await rows<{ last_id: number }>(s.app.ctx.db, sql`select last_id from event_exports where name = 'push'`))[0];

  /** Waits until the push worker has passed every event committed so far. */
  async function caughtUp(s = server): Promise<void> {
    const [{ max } = { max: 0 }] = await rows<{ max: number }>(s.app.ctx.db, sql`select coalesce(max(id), 0)::int as max from events`);
    for (let i = 0; Number((await positionRow(s))?.last_id ?? 0) < max; i++) {
      if (i > 400) throw new Error('the push worker did not catch up');
      await settle(25);
    }
  }

  async function started(s: TestServer): Promise<void> {
    for (let i = 0; !(await positionRow(s)); i++) {
      if (i > 200) throw new Error('the push worker never created its position');
      await settle(25);
    }
  }

  beforeAll(async () => {
    service = await PushService.start();
    server = await TestServer.start(env(), { persistent: true });
    await started(server);
    [ann, bob, cat, dan] = await server.registerAll('Ann Push', 'Bob Push', 'Cat Push', 'Dan Push');
    annBob = await server.directChat(ann, bob);
    const g = await server.api('POST', '/groups', { token: ann.token, body: { name: 'Push Crew', memberIds: [bob.id, cat.id, dan.id] } });
    group = g.body.group.id;
  });

  afterAll(async () => {
    await server?.close();
    await service?.close();
  });

  it('serves the VAPID public key: a P-256 point, the key every push is signed with', async () => {
    const res = await server.api('GET', '/push/vapid-public-key', { token: ann.token });
    expect(res.status).toBe(200);
    const raw = Buffer.from(res.body.publicKey, 'base64url');
    expect(raw.length).toBe(65);
    expect(raw[0]).toBe(4);
    expect((await server.api('GET', '/push/vapid-public-key')).status).toBe(401);
  });

  it('registers a device once per endpoint, lists and removes only your own', async () => {
    const sub = service.subscribe();
    const body = { platform: 'webpush', subscription: { endpoint: sub.endpoint, keys: sub.keys } };
    const first = await server.api('POST', '/push/devices', { token: cat.token, body });
    expect(first.status).toBe(201);
    expect(first.body.device).toMatchObject({ platform: 'webpush' });
    const again = await server.api('POST', '/push/devices', { token: cat.token, body });
    expect(again.status).toBe(200);
    expect(again.body.device.id).toBe(first.body.device.id);
    const list = await server.api('GET', '/push/devices', { token: cat.token });
    expect(list.body.devices.map((d: { id: string }) => d.id)).toEqual([first.body.device.id]);
    expect((await server.api('GET', '/push/devices', { token: dan.token })).body.devices).toEqual([]);
    const theirs = await server.api('DELETE', `/push/devices/${first.body.device.id}`, { token: dan.token });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('push.device_not_found');
    expect((await server.api('DELETE', `/push/devices/${first.body.device.id}`, { token: cat.token })).status).toBe(200);
    expect((await server.api('GET', '/push/devices', { token: cat.token })).body.devices).toEqual([]);
  });

  it('refuses endpoints that are not https to a public address, bad keys, and FCM on a server without its key', async () => {
    const sub = service.subscribe();
    const post = (subscription: unknown, token = cat.token) =>
      server.api('POST', '/push/devices', { token, body: { platform: 'webpush', subscription } });
    for (const endpoint of [
      'https://127.0.0.1/x',
      'http://push.example.com/x',
      'https://169.254.169.254/x',
      'https://[::1]/x',
      'https://10.1.2.3/',
    ]) {
      const res = await post({ endpoint, keys: sub.keys });
      expect([res.status, res.body.code], endpoint).toEqual([400, 'push.endpoint_refused']);
    }
    const shortKey = Buffer.alloc(33, 2).toString('base64url');
    expect((await post({ endpoint: sub.endpoint, keys: { ...sub.keys, p256dh: shortKey } })).body.code).toBe('validation.failed');
    const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
    expect((await post({ endpoint: sub.endpoint, keys: { ...sub.keys, p256dh: offCurve } })).body.code).toBe('validation.failed');
    expect((await post({ endpoint: sub.endpoint, keys: { ...sub.keys, auth: 'AAAA' } })).body.code).toBe('validation.failed');
    const fcm = await server.api('POST', '/push/devices', { token: cat.token, body: { platform: 'fcm', token: 'abc' } });
    expect([fcm.status, fcm.body.code]).toEqual([422, 'push.platform_unavailable']);
  });

  it('an offline member gets exactly one push per device, encrypted and signed, with TTL, Urgency and Topic; the sender none', async () => {
    const [bob1, bob2, ann1] = [await device(bob), await device(await secondSession(bob)), await device(ann)];
    const m = await send(ann, annBob, { text: 'Hello Bob' });
    const [p1, p2] = [await pushOf(bob1, m.id), await pushOf(bob2, m.id)];
    await settle(300);
    const key = (await server.api('GET', '/push/vapid-public-key', { token: ann.token })).body.publicKey;
    for (const p of [p1, p2]) {
      expect(p.payload).toEqual({
        type: 'message',
        conversationId: annBob,
        messageId: m.id,
        seq: m.seq,
        eventId: expect.any(Number),
        senderId: ann.id,
        title: 'Ann Push',
        body: 'Hello Bob',
        unreadCount: 1,
      });
      expect({ ttl: p.ttl, urgency: p.urgency, topic: p.topic, enc: p.contentEncoding }).toEqual({
        ttl: '86400',
        urgency: 'high',
        topic: annBob.replace(/-/g, ''),
        enc: 'aes128gcm',
      });
      expect(p.vapid).toMatchObject({ aud: service.origin, sub: 'mailto:ops@parley.test', k: key });
    }
    expect(service.pushesTo(bob1).filter((p) => p.payload.messageId === m.id)).toHaveLength(1);
    expect(service.pushesTo(bob2).filter((p) => p.payload.messageId === m.id)).toHaveLength(1);
    expect(service.pushesTo(ann1)).toEqual([]);
    expect(service.rejected).toEqual([]);
  });

  it('in a group: not to a member with a socket connected, not to one who blocked the sender, not to a muted one', async () => {
    const [bobDevice, catDevice, danDevice] = [await device(bob), await device(cat), await device(dan)];
    const catSocket = await server.socket(cat.token);
    expect((await server.api('POST', `/users/${ann.id}/block`, { token: dan.token })).status).toBe(200);
    const m = await send(ann, group, { text: 'Group hello' });
    const p = await pushOf(bobDevice, m.id);
    expect(p.payload).toMatchObject({ title: 'Push Crew', body: 'Ann Push: Group hello', senderId: ann.id });
    expect(p.urgency).toBe('normal');
    await settle(400);
    expect(service.pushesTo(catDevice)).toEqual([]);
    expect(service.pushesTo(danDevice)).toEqual([]);
    catSocket.disconnect();
    await server.api('DELETE', `/users/${ann.id}/block`, { token: dan.token });

    const mute = await server.api('PATCH', `/conversations/${group}/settings`, { token: bob.token, body: { isMuted: true } });
    expect(mute.status).toBe(200);
    await settle(300); // cat's socket is gone everywhere
    const m2 = await send(ann, group, { text: 'Anyone?' });
    await pushOf(catDevice, m2.id);
    await settle(300);
    expect(service.pushesTo(bobDevice).filter((x) => x.payload.messageId === m2.id)).toEqual([]);
    await server.api('PATCH', `/conversations/${group}/settings`, { token: bob.token, body: { isMuted: false } });
  });

  it("notification settings: 'none' and mutedUntil silence, 'mentions' lets only mentions through", async () => {
    const [catDevice, danDevice, bobDevice] = [await device(cat), await device(dan), await device(bob)];
    const patch = (u: TestUser, body: unknown) => server.api('PATCH', `/conversations/${group}/settings`, { token: u.token, body });
    expect((await patch(cat, { notifications: 'none' })).status).toBe(200);
    expect((await patch(dan, { mutedUntil: new Date(Date.now() + 3_600_000).toISOString() })).status).toBe(200);
    expect((await patch(bob, { notifications: 'mentions' })).status).toBe(200);
    const plain = await send(ann, group, { text: 'no mention' });
    const mention = await send(ann, group, { text: 'hey @bob', mentions: { userIds: [bob.id] } });
    const p = await pushOf(bobDevice, mention.id);
    expect(p.urgency).toBe('high');
    await settle(300);
    expect(service.pushesTo(bobDevice).map((x) => x.payload.messageId)).not.toContain(plain.id);
    expect(service.pushesTo(catDevice)).toEqual([]);
    expect(service.pushesTo(danDevice)).toEqual([]);
    // An edit that adds a mention tells the newly mentioned only.
    const edit = { text: 'now @bob', mentions: { userIds: [bob.id] } };
    expect((await server.api('PATCH', `/messages/${plain.id}`, { token: ann.token, body: edit })).status).toBe(200);
    await pushOf(bobDevice, plain.id);
    for (const u of [cat, bob]) await patch(u, { notifications: 'all' });
    await patch(dan, { mutedUntil: null });
  });

  it("previews: 'name' drops the text, 'none' the sender too, on every device; bad values are 400", async () => {
    const bobDevice = await device(bob);
    const put = (previews: unknown) => server.api('PATCH', '/push/settings', { token: bob.token, body: { previews } });
    expect((await server.api('GET', '/push/settings', { token: bob.token })).body).toEqual({ previews: 'full' });
    expect((await put('name')).body).toEqual({ previews: 'name' });
    const named = await send(ann, annBob, { text: 'the plan' });
    expect((await pushOf(bobDevice, named.id)).payload).toMatchObject({ title: 'Ann Push' });
    expect((await pushOf(bobDevice, named.id)).payload).not.toHaveProperty('body');
    expect((await put('none')).status).toBe(200);
    const hidden = await send(ann, annBob, { text: 'the plan, again' });
    const p = (await pushOf(bobDevice, hidden.id)).payload;
    expect(p).toMatchObject({ title: 'New message', conversationId: annBob });
    expect(p).not.toHaveProperty('body');
    expect((await put('some')).body.code).toBe('validation.failed');
    expect((await server.api('GET', '/push/settings', { token: bob.token })).body).toEqual({ previews: 'none' });
    await put('full');
  });

  it('an encrypted message is pushed without a body', async () => {
    const bobDevice = await device(bob);
    const m = await send(ann, annBob, { text: 'c2VjcmV0IGNpcGhlcnRleHQ=', encrypted: true });
    const p = await pushOf(bobDevice, m.id);
    expect(p.payload.title).toBe('Ann Push');
    expect(p.payload).not.toHaveProperty('body');
  });

  it('a burst in one conversation is coalesced: a push per device for the newest, not one per message', async () => {
    const bobDevice = await device(bob);
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send(ann, annBob, { text: `burst ${i}`, clientMessageId: `burst-${i}` })),
    );
    const newest = sent.reduce((a, b) => (b.seq > a.seq ? b : a));
    await pushOf(bobDevice, newest.id);
    await settle(300);
    const pushes = service.pushesTo(bobDevice);
    expect(pushes.length).toBeLessThanOrEqual(4);
    expect(pushes.at(-1)!.payload).toMatchObject({ messageId: newest.id, seq: newest.seq });
  });

  it('a gone device (410) is removed; a 429 is retried after Retry-After, a 500 with backoff', async () => {
    const gone = service.subscribe();
    const goneId = await register(cat, gone);
    const limited = await device(bob);
    service.answer(gone, { status: 410 });
    service.answer(limited, { status: 429, retryAfter: '1' }, { status: 500 });
    const m1 = await send(ann, group, { text: 'are you there' });
    await service.waitFor(() => service.pushesTo(gone).length === 1);
    const listed = async () =>
      (await server.api('GET', '/push/devices', { token: cat.token })).body.devices.map((d: { id: string }) => d.id);
    for (let i = 0; (await listed()).includes(goneId); i++) {
      if (i > 100) throw new Error('the gone device was not removed');
      await settle(50);
    }
    await pushOf(limited, m1.id);
    const tries = service.pushesTo(limited).filter((p) => p.payload.messageId === m1.id);
    expect(tries.map((t) => t.answered)).toEqual([429, 500, 201]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(950);
    await send(ann, group, { text: 'still there?' });
    await settle(600);
    expect(service.pushesTo(gone)).toHaveLength(1);
  }, 20_000);

  it('a device goes with its session: signing out removes it', async () => {
    const other = await secondSession(dan);
    const stays = await device(dan);
    const leaves = service.subscribe();
    const leaving = await register(other, leaves);
    const listed = async () =>
      (await server.api('GET', '/push/devices', { token: dan.token })).body.devices.map((d: { id: string }) => d.id);
    expect(await listed()).toContain(leaving);
    expect((await server.api('POST', '/auth/logout', { token: other.token })).status).toBe(200);
    expect(await listed()).not.toContain(leaving);
    const m = await send(ann, group, { text: 'after logout' });
    await pushOf(stays, m.id);
    await settle(300);
    expect(service.pushesTo(leaves)).toEqual([]);
  });

  it('a restart mid-stream loses no push and repeats none; nor does a position that went back', async () => {
    const bobDevice = await device(bob);
    const chats = [annBob, await server.directChat(cat, bob), await server.directChat(dan, bob)];
    const senders = [ann, cat, dan];
    const ids: string[] = [];
    const round = async (r: number) => {
      const sent = await Promise.all(chats.map((c, i) => send(senders[i]!, c, { text: `round ${r}` })));
      ids.push(...sent.map((m) => m.id));
    };
    const allPushed = () =>
      service.waitFor(() => ids.every((id) => service.delivered(bobDevice).some((p) => p.payload.messageId === id)), 15_000);
    // Rounds apart, so each message is its conversation's newest in its batch (a burst would be one push).
    await round(1);
    await allPushed();
    await round(2);
    await server.restart(); // the worker may be in the middle of round 2
    await started(server);
    await allPushed();
    await round(3);
    await allPushed();
    // What a crash before the position moved looks like: the same events read again.
    const before = service.pushesTo(bobDevice).length;
    await server.app.ctx.db.execute(sql`update event_exports set last_id = last_id - 40 where name = 'push'`);
    const last = await send(ann, annBob, { text: 'after the rewind' });
    await pushOf(bobDevice, last.id);
    await settle(300);
    const pushes = service.pushesTo(bobDevice);
    expect(pushes.length).toBe(before + 1);
    const eventIds = pushes.map((p) => p.payload.eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);
  }, 40_000);

  describe('through the SDK', () => {
    /** A service worker registration's push manager, as a browser gives it, backed by the loopback push service. */
    function registration() {
      let current: { sub: TestSubscription; key: Uint8Array } | null = null;
      const asSubscription = (c: { sub: TestSubscription; key: Uint8Array }): PushSubscriptionLike => ({
        endpoint: c.sub.endpoint,
        options: { applicationServerKey: c.key.slice().buffer },
        toJSON: () => ({ endpoint: c.sub.endpoint, keys: c.sub.keys }),
        unsubscribe: async () => ((current = null), true),
      });
      const reg = {
        subscribedWith: [] as string[],
        current: () => current?.sub,
        pushManager: {
          getSubscription: async () => current && asSubscription(current),
          subscribe: async (o: { applicationServerKey: Uint8Array }) => {
            reg.subscribedWith.push(Buffer.from(o.applicationServerKey).toString('base64url'));
            current = { sub: service.subscribe(), key: o.applicationServerKey };
            return asSubscription(current);
          },
        },
      };
      return reg;
    }

    it("enableWebPush subscribes with the server's key and registers once; settings silence; disableWebPush removes it", async () => {
      const account = newAccount('Sdk Push');
      const client = await sdkClient(server, account, { signUp: true });
      try {
        const chat = await server.directChat(ann, { id: client.userId! } as TestUser);
        const reg = registration();
        const device = await client.push.enableWebPush(reg);
        expect(await client.push.enableWebPush(reg)).toEqual(device);
        const key = (await server.api('GET', '/push/vapid-public-key', { token: ann.token })).body.publicKey;
        expect(reg.subscribedWith).toEqual([key]);
        expect(await client.push.list()).toEqual([device]);

        const hello = await send(ann, chat, { text: 'to the pocket' });
        expect((await pushOf(reg.current()!, hello.id)).payload).toMatchObject({ body: 'to the pocket', conversationId: chat });

        await client.conversations.list();
        expect(await client.conversations.updateSettings(chat, { notifications: 'none' })).toMatchObject({ notifications: 'none' });
        expect(client.store.conversation(chat)?.notifications).toBe('none');
        const quiet = await send(ann, chat, { text: 'shh' });
        await caughtUp(); // the worker reads the settings when it gets to the message
        await client.conversations.updateSettings(chat, { notifications: 'all' });
        const loud = await send(ann, chat, { text: 'again' });
        await pushOf(reg.current()!, loud.id);
        expect(service.pushesTo(reg.current()!).map((p) => p.payload.messageId)).not.toContain(quiet.id);

        expect(await client.push.updateSettings({ previews: 'name' })).toEqual({ previews: 'name' });
        expect(await client.push.settings()).toEqual({ previews: 'name' });

        const sub = reg.current()!;
        await client.push.disableWebPush(reg);
        expect(reg.current()).toBeUndefined();
        expect(await client.push.list()).toEqual([]);
        const after = await send(ann, chat, { text: 'nobody home' });
        await settle(300);
        expect(service.pushesTo(sub).map((p) => p.payload.messageId)).not.toContain(after.id);
      } finally {
        await client.close();
      }
    });

    it('a subscription made with another key is replaced, not registered', async () => {
      const client = await sdkClient(server, newAccount('Sdk Stale'), { signUp: true });
      try {
        const reg = registration();
        await reg.pushManager.subscribe({ applicationServerKey: new Uint8Array(65).fill(4) });
        const stale = reg.current()!;
        await client.push.enableWebPush(reg);
        expect(reg.current()).not.toBe(stale);
        expect(reg.subscribedWith).toHaveLength(2);
      } finally {
        await client.close();
      }
    });
  });
});

describe.skipIf(process.env.PARLEY_TEST_DB !== 'postgres')('Web Push on two nodes', () => {
  it('one node at a time sends (the lease); the other takes over when it stops, and nothing is sent twice', async () => {
    const service = await PushService.start();
    const env = { OUTBOUND_ALLOWED_URLS: `${service.origin}/`, RATE_LIMITS: 'off' };
    // Each node signs with its own subject: the pushes show which node sent them.
    const a = await TestServer.start({ ...env, VAPID_SUBJECT: 'mailto:a@parley.test' });
    const b = await TestServer.start({ ...env, VAPID_SUBJECT: 'mailto:b@parley.test', DATABASE_URL: a.app.ctx.config.DATABASE_URL! });
    try {
      const [ann, bob] = await a.registerAll('Ann Two', 'Bob Two');
      const chat = await a.directChat(ann, bob);
      const sub = service.subscribe();
      const res = await b.api('POST', '/push/devices', {
        token: bob.token,
        body: { platform: 'webpush', subscription: { endpoint: sub.endpoint, keys: sub.keys } },
      });
      expect(res.status).toBe(201);
      const sendAndWait = async (node: TestServer, i: number) => {
        const sent = await node.api('POST', `/conversations/${chat}/messages`, { token: ann.token, body: { text: `two ${i}` } });
        expect(sent.status).toBe(201);
        await service.waitFor(() => service.delivered(sub).some((p) => p.payload.messageId === sent.body.message.id), 15_000);
      };
      for (let i = 0; i < 6; i++) await sendAndWait(i % 2 ? a : b, i);
      const senders = () => new Set(service.pushesTo(sub).map((p) => p.vapid.sub));
      expect(senders().size).toBe(1);
      // Whichever node holds the lease gives it up on stopping; the other takes it and goes on from the position.
      await Promise.all([a.restart(), b.restart()]);
      for (let i = 6; i < 12; i++) await sendAndWait(i % 2 ? a : b, i);
      expect(
        new Set(
          service
            .pushesTo(sub)
            .slice(6)
            .map((p) => p.vapid.sub),
        ).size,
      ).toBe(1);
      await settle(500);
      const eventIds = service.pushesTo(sub).map((p) => p.payload.eventId);
      expect(eventIds).toHaveLength(12);
      expect(new Set(eventIds).size).toBe(12);
      const [lease] = await rows<{ owner: string | null }>(a.app.ctx.db, sql`select owner from event_exports where name = 'push'`);
      expect(lease!.owner).not.toBeNull();
    } finally {
      await b.close();
      await a.close();
      await service.close();
    }
  }, 60_000);
});
