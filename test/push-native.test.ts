import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { ApnsService } from './helpers/apnsService.js';
import type { FcmService } from './helpers/fcmService.js';
import { NativeProviders, until } from './helpers/nativePush.js';
import { settle, TestServer, type TestUser } from './helpers/server.js';

/** FCM HTTP v1 and APNs end to end: a real server, and stand-ins that speak and check both protocols (test/helpers/). */
describe('FCM and APNs push', () => {
  let fcm: FcmService;
  let apns: ApnsService;
  let providers: NativeProviders;
  let server: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let cat: TestUser;
  let annBob: string;
  let group: string;

  async function register(user: TestUser, platform: 'fcm' | 'apns', token: string): Promise<string> {
    const res = await server.api('POST', '/push/devices', { token: user.token, body: { platform, token } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.device.platform).toBe(platform);
    return res.body.device.id;
  }

  /** A phone of this user's with both apps' tokens registered. */
  async function phones(user: TestUser) {
    const f = fcm.newToken();
    const a = apns.newToken();
    return { fcm: f, apns: a, fcmId: await register(user, 'fcm', f), apnsId: await register(user, 'apns', a) };
  }

  async function send(user: TestUser, conversationId: string, body: Record<string, unknown>) {
    const res = await server.api('POST', `/conversations/${conversationId}/messages`, { token: user.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.message as { id: string; seq: number };
  }

  const fcmPush = (token: string, messageId: string) => providers.fcmPush(token, messageId);
  const apnsPush = (token: string, messageId: string) => providers.apnsPush(token, messageId);
  const listed = async (user: TestUser) =>
    (await server.api('GET', '/push/devices', { token: user.token })).body.devices.map((d: { id: string }) => d.id);

  beforeAll(async () => {
    providers = await NativeProviders.start();
    ({ fcm, apns } = providers);
    server = await TestServer.start({ RATE_LIMITS: 'off', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...providers.env() });
    [ann, bob, cat] = await server.registerAll('Ann Native', 'Bob Native', 'Cat Native');
    annBob = await server.directChat(ann, bob);
    const g = await server.api('POST', '/groups', { token: ann.token, body: { name: 'Native Crew', memberIds: [bob.id, cat.id] } });
    group = g.body.group.id;
  });

  afterAll(async () => {
    await server?.close();
    await providers?.close();
  });

  it('registers FCM and APNs tokens once each; refuses tokens of the wrong shape', async () => {
    const token = apns.newToken();
    const id = await register(cat, 'apns', token);
    const again = await server.api('POST', '/push/devices', { token: cat.token, body: { platform: 'apns', token: token.toUpperCase() } });
    expect([again.status, again.body.device.id]).toEqual([200, id]);
    const fcmId = await register(cat, 'fcm', fcm.newToken());
    expect(await listed(cat)).toEqual([id, fcmId]);
    for (const body of [
      { platform: 'apns', token: 'zz'.repeat(32) },
      { platform: 'apns', token: 'ab'.repeat(20) },
      { platform: 'apns', token: 'a'.repeat(201) },
      { platform: 'fcm', token: 'has a space' },
      { platform: 'fcm', token: '' },
      { platform: 'fcm', token: 'x'.repeat(4097) },
    ]) {
      const res = await server.api('POST', '/push/devices', { token: cat.token, body });
      expect([res.status, res.body.code], JSON.stringify(body).slice(0, 60)).toEqual([400, 'validation.failed']);
    }
    for (const d of [id, fcmId]) expect((await server.api('DELETE', `/push/devices/${d}`, { token: cat.token })).status).toBe(200);
  });

  it('an offline member gets exactly one push per device, shaped for FCM and for APNs; the sender none', async () => {
    const bobs = await phones(bob);
    const anns = await phones(ann);
    const m = await send(ann, annBob, { text: 'Hello from Ann' });
    const [f, a] = [await fcmPush(bobs.fcm, m.id), await apnsPush(bobs.apns, m.id)];
    const payload = {
      type: 'message',
      conversationId: annBob,
      messageId: m.id,
      seq: m.seq,
      eventId: expect.any(Number),
      senderId: ann.id,
      title: 'Ann Native',
      body: 'Hello from Ann',
      unreadCount: 1,
    };
    expect(f.message).toEqual({
      token: bobs.fcm,
      data: { ...payload, seq: String(m.seq), eventId: expect.stringMatching(/^\d+$/), unreadCount: '1' },
      notification: { title: 'Ann Native', body: 'Hello from Ann' },
      android: { priority: 'HIGH', ttl: '86400s', collapse_key: annBob, notification: { tag: annBob } },
      apns: { headers: { 'apns-collapse-id': annBob, 'apns-expiration': expect.stringMatching(/^\d+$/) } },
    });
    expect(a.body).toEqual({
      aps: { alert: { title: 'Ann Native', body: 'Hello from Ann' }, badge: 1, 'mutable-content': 1, 'thread-id': annBob },
      ...payload,
    });
    expect(a.headers).toMatchObject({
      'apns-topic': apns.topic,
      'apns-push-type': 'alert',
      'apns-priority': '10',
      'apns-collapse-id': annBob,
    });
    const expiresIn = Number(a.headers['apns-expiration']) - Date.now() / 1000;
    expect(expiresIn).toBeGreaterThan(86_000);
    expect(expiresIn).toBeLessThanOrEqual(86_400);
    await settle(300);
    expect(fcm.to(bobs.fcm)).toHaveLength(1);
    expect(apns.to(bobs.apns)).toHaveLength(1);
    expect([...fcm.to(anns.fcm), ...apns.to(anns.apns)]).toEqual([]);
    expect([fcm.rejected, apns.rejected]).toEqual([[], []]);
  });

  it('in a group: normal priority, the sender in the body; a member with a socket connected gets none', async () => {
    const [bobs, cats] = [await phones(bob), await phones(cat)];
    const catSocket = await server.socket(cat.token);
    const m = await send(ann, group, { text: 'Group news' });
    const [f, a] = [await fcmPush(bobs.fcm, m.id), await apnsPush(bobs.apns, m.id)];
    expect(f.message.android.priority).toBe('NORMAL');
    expect(f.message.notification).toEqual({ title: 'Native Crew', body: 'Ann Native: Group news' });
    expect(a.headers['apns-priority']).toBe('5');
    expect(a.body.aps.alert).toEqual({ title: 'Native Crew', body: 'Ann Native: Group news' });
    await settle(300);
    expect([...fcm.to(cats.fcm), ...apns.to(cats.apns)]).toEqual([]);
    catSocket.disconnect();
  });

  it('an encrypted message: no body anywhere, FCM data only', async () => {
    const bobs = await phones(bob);
    const m = await send(ann, annBob, { text: 'c2VjcmV0', encrypted: true });
    const [f, a] = [await fcmPush(bobs.fcm, m.id), await apnsPush(bobs.apns, m.id)];
    expect(f.message.data).not.toHaveProperty('body');
    expect(f.message).not.toHaveProperty('notification');
    expect(f.message.data.title).toBe('Ann Native');
    expect(a.body.aps.alert).toEqual({ title: 'Ann Native' });
    expect(a.body).not.toHaveProperty('body');
  });

  it('gone devices are removed: FCM 404 UNREGISTERED and 400 on the token, APNs 410 and 400 BadDeviceToken', async () => {
    const [first, second] = [await phones(cat), await phones(cat)];
    fcm.answer(first.fcm, { status: 404 });
    fcm.answer(second.fcm, { status: 400 });
    apns.answer(first.apns, { status: 410, reason: 'Unregistered' });
    apns.answer(second.apns, { status: 400, reason: 'BadDeviceToken' });
    const ids = [first.fcmId, second.fcmId, first.apnsId, second.apnsId];
    expect(await listed(cat)).toEqual(expect.arrayContaining(ids));
    await send(ann, group, { text: 'anyone home?' });
    await until(async () => !(await listed(cat)).some((id: string) => ids.includes(id)), 'the gone devices removed');
    for (const t of [first.fcm, second.fcm]) expect(fcm.to(t)).toHaveLength(1);
    for (const t of [first.apns, second.apns]) expect(apns.to(t)).toHaveLength(1);
    await send(ann, group, { text: 'still nobody?' });
    await settle(500);
    for (const t of [first.fcm, second.fcm]) expect(fcm.to(t)).toHaveLength(1);
    for (const t of [first.apns, second.apns]) expect(apns.to(t)).toHaveLength(1);
  });

  it('429 is retried after Retry-After (FCM and APNs), a 5xx with backoff; the device is kept', async () => {
    const bobs = await phones(bob);
    fcm.answer(bobs.fcm, { status: 429, retryAfter: '1' }, { status: 503 });
    apns.answer(bobs.apns, { status: 429, reason: 'TooManyRequests', retryAfter: '1' }, { status: 500, reason: 'InternalServerError' });
    const m = await send(ann, annBob, { text: 'slow down' });
    await Promise.all([fcmPush(bobs.fcm, m.id), apnsPush(bobs.apns, m.id)]);
    const tries = [fcm.to(bobs.fcm), apns.to(bobs.apns)];
    for (const t of tries) {
      expect(t.map((x) => x.answered)).toEqual([429, t === tries[0] ? 503 : 500, 200]);
      expect(t[1]!.at - t[0]!.at).toBeGreaterThanOrEqual(950);
    }
    expect(await listed(bob)).toEqual(expect.arrayContaining([bobs.fcmId, bobs.apnsId]));
  }, 20_000);

  it('one FCM access token, one APNs provider token and one HTTP/2 session serve every push so far', () => {
    expect(fcm.received.length).toBeGreaterThan(5);
    expect(fcm.grants).toHaveLength(1);
    expect(fcm.grants[0]!.claims).toMatchObject({ scope: 'https://www.googleapis.com/auth/firebase.messaging' });
    expect(new Set(fcm.received.map((r) => r.accessToken))).toEqual(new Set([fcm.grants[0]!.accessToken]));
    expect(apns.received.length).toBeGreaterThan(5);
    expect(apns.jwts).toHaveLength(1);
    expect(apns.sessions).toHaveLength(1);
  });

  it('a refused FCM token (401) is fetched again once; APNs ExpiredProviderToken gets a new JWT; GOAWAY a new session', async () => {
    const bobs = await phones(bob);
    fcm.revokeAccessTokens();
    apns.expireProviderTokens();
    const m = await send(ann, annBob, { text: 'after the refusals' });
    await Promise.all([fcmPush(bobs.fcm, m.id), apnsPush(bobs.apns, m.id)]);
    expect(fcm.grants).toHaveLength(2);
    expect(fcm.rejected.filter((r) => r.includes('bad access token')).length).toBeGreaterThanOrEqual(1);
    expect(apns.jwts).toHaveLength(2);
    expect(apns.rejected.filter((r) => r === 'ExpiredProviderToken').length).toBeGreaterThanOrEqual(1);
    apns.goaway();
    const m2 = await send(ann, annBob, { text: 'after GOAWAY' });
    await apnsPush(bobs.apns, m2.id);
    expect(apns.sessions).toHaveLength(2);
    expect(apns.jwts).toHaveLength(2);
    expect(apns.rejected.filter((r) => r !== 'ExpiredProviderToken')).toEqual([]);
  });
});

describe('FCM and APNs not configured', () => {
  it('registering a token answers 422 push.platform_unavailable; APNs half configured does not start', async () => {
    const server = await TestServer.start({ RATE_LIMITS: 'off' });
    try {
      const [dan] = await server.registerAll('Dan Unconfigured');
      for (const body of [
        { platform: 'fcm', token: 'abc:APA91b-token' },
        { platform: 'apns', token: 'ab'.repeat(32) },
      ]) {
        const res = await server.api('POST', '/push/devices', { token: dan!.token, body });
        expect([res.status, res.body.code]).toEqual([422, 'push.platform_unavailable']);
      }
    } finally {
      await server.close();
    }
    expect(() => loadConfig({ APNS_KEY: '/etc/parley/AuthKey.p8', APNS_KEY_ID: 'ABC123DEFG' })).toThrow(/APNS_TEAM_ID/);
  });
});
