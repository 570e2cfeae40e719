import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap, type ParleyClient } from '@parley/client';
import { NativeProviders } from './helpers/nativePush.js';
import { PushService } from './helpers/pushService.js';
import { newAccount, sdkClient, until } from './helpers/sdk.js';
import { collect, emit, next, settle, syncEvents, TestServer, type TestUser } from './helpers/server.js';

const offer = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=offer\r\n';
const answer = 'v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=answer\r\n';
const candidate = (n: number) => ({
  candidate: `candidate:${n} 1 udp 2122260223 127.0.0.1 5${n}000 typ host`,
  sdpMid: '0',
  sdpMLineIndex: 0,
});

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

/** Two people with a direct chat. */
async function pair(s: TestServer, a = 'Caller Carla', b = 'Callee Colin'): Promise<{ caller: TestUser; callee: TestUser; chat: string }> {
  const [caller, callee] = await Promise.all([s.register(a), s.register(b)]);
  return { caller, callee, chat: await s.directChat(caller, callee) };
}

describe('call signalling', () => {
  it('rings every device of the callee; the first answer wins, the others hear answered_elsewhere; ICE both ways; hangup ends it', async () => {
    const { caller, callee, chat } = await pair(server);
    const callerSock = await server.socket(caller.token);
    const [phone, laptop] = [await server.socket(callee.token), await server.socket(callee.token)];
    const ringing = [next(phone, 'call:incoming'), next(laptop, 'call:incoming')];

    const invited = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer, media: 'video' });
    expect(invited).toMatchObject({
      ok: true,
      call: { conversationId: chat, callerId: caller.id, calleeId: callee.id, status: 'ringing', media: 'video' },
    });
    const callId = invited.call.id;
    for (const ring of await Promise.all(ringing)) expect(ring).toMatchObject({ call: { id: callId, status: 'ringing' }, sdp: offer });

    const answered = next(callerSock, 'call:answered');
    const elsewhere = next(laptop, 'call:ended');
    expect(await emit(phone, 'call:answer', { callId, sdp: answer })).toMatchObject({ ok: true, call: { id: callId, status: 'active' } });
    expect(await answered).toMatchObject({ call: { id: callId, status: 'active' }, sdp: answer });
    expect(await elsewhere).toMatchObject({ call: { id: callId }, reason: 'answered_elsewhere' });
    // Too late: the call is the phone's.
    expect(await emit(laptop, 'call:answer', { callId, sdp: answer })).toMatchObject({ ok: false, error: { code: 'call.not_ringing' } });

    const laptopIce = collect(laptop, 'call:ice');
    const toCallee = next(phone, 'call:ice');
    expect(await emit(callerSock, 'call:ice', { callId, candidate: candidate(1) })).toEqual({ ok: true });
    expect(await toCallee).toEqual({ callId, candidate: candidate(1) });
    const toCaller = next(callerSock, 'call:ice');
    expect(await emit(phone, 'call:ice', { callId, candidate: candidate(2) })).toEqual({ ok: true });
    expect(await toCaller).toEqual({ callId, candidate: candidate(2) });
    // The device that is not in the call neither hears nor sends candidates.
    expect(await emit(laptop, 'call:ice', { callId, candidate: candidate(3) })).toMatchObject({
      ok: false,
      error: { code: 'call.not_active' },
    });

    const callerHears = next(callerSock, 'call:ended');
    const hungUp = await emit(phone, 'call:hangup', { callId });
    expect(hungUp).toMatchObject({ ok: true, call: { status: 'ended', endReason: 'hangup' } });
    expect(await callerHears).toMatchObject({ call: { id: callId, status: 'ended' }, reason: 'hangup' });
    expect(await emit(callerSock, 'call:ice', { callId, candidate: candidate(4) })).toMatchObject({
      ok: false,
      error: { code: 'call.not_active' },
    });
    // Hanging up an ended call answers it as it is.
    expect(await emit(callerSock, 'call:hangup', { callId })).toMatchObject({ ok: true, call: { endReason: 'hangup' } });
    await settle();
    expect(laptopIce).toEqual([]);
    // An answered call leaves no missed-call message.
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: callee.token });
    expect(history.body.messages).toEqual([]);
  });

  it('a declined call tells the caller and leaves no missed-call message', async () => {
    const { caller, callee, chat } = await pair(server);
    const callerSock = await server.socket(caller.token);
    const calleeSock = await server.socket(callee.token);
    const ring = next(calleeSock, 'call:incoming');
    const { call } = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer });
    expect(call.media).toBe('audio');
    await ring;
    const ended = next(callerSock, 'call:ended');
    expect(await emit(calleeSock, 'call:hangup', { callId: call.id })).toMatchObject({ ok: true, call: { endReason: 'declined' } });
    expect(await ended).toMatchObject({ reason: 'declined' });
    expect((await server.api('GET', `/conversations/${chat}/messages`, { token: callee.token })).body.messages).toEqual([]);
  });

  it('answers busy when the callee or the caller is in a call already', async () => {
    const { caller, callee } = await pair(server);
    const other = await server.register('Other Olga');
    await server.directChat(other, callee);
    await server.directChat(other, caller);
    const [callerSock, otherSock] = [await server.socket(caller.token), await server.socket(other.token)];
    const { call } = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer });
    expect(await emit(otherSock, 'call:invite', { userId: callee.id, sdp: offer })).toMatchObject({
      ok: false,
      error: { code: 'call.busy' },
    });
    expect(await emit(otherSock, 'call:invite', { userId: caller.id, sdp: offer })).toMatchObject({
      ok: false,
      error: { code: 'call.busy' },
    });
    await emit(callerSock, 'call:hangup', { callId: call.id });
    // Free again.
    expect(await emit(otherSock, 'call:invite', { userId: callee.id, sdp: offer })).toMatchObject({ ok: true });
  });

  it('refuses calls to people without a direct chat, across a block, to oneself, to nobody, with codes', async () => {
    const { caller, callee } = await pair(server);
    const stranger = await server.register('Stranger Sam');
    const sock = await server.socket(caller.token);
    const refused = (userId: string) => emit(sock, 'call:invite', { userId, sdp: offer });
    expect(await refused(stranger.id)).toMatchObject({ ok: false, error: { code: 'call.not_allowed' } });
    expect(await refused(caller.id)).toMatchObject({ ok: false, error: { code: 'call.not_allowed' } });
    expect(await refused('00000000-0000-7000-8000-000000000000')).toMatchObject({ ok: false, error: { code: 'user.not_found' } });
    expect((await server.api('POST', `/users/${caller.id}/block`, { token: callee.token })).status).toBe(200);
    expect(await refused(callee.id)).toMatchObject({ ok: false, error: { code: 'user.blocked' } });
    // A call is only for its two people.
    const strangerSock = await server.socket(stranger.token);
    const bystander = await pair(server, 'Ann', 'Bob');
    const annSock = await server.socket(bystander.caller.token);
    const { call } = await emit(annSock, 'call:invite', { userId: bystander.callee.id, sdp: offer });
    expect(await emit(strangerSock, 'call:answer', { callId: call.id, sdp: answer })).toMatchObject({
      ok: false,
      error: { code: 'call.not_found' },
    });
    expect(await emit(strangerSock, 'call:hangup', { callId: call.id })).toMatchObject({ ok: false, error: { code: 'call.not_found' } });
    expect(await emit(annSock, 'call:answer', { callId: call.id, sdp: answer })).toMatchObject({
      ok: false,
      error: { code: 'call.not_ringing' },
    });
    expect(await emit(annSock, 'call:invite', { userId: bystander.callee.id, sdp: '' })).toMatchObject({
      ok: false,
      error: { code: 'validation.failed' },
    });
  });

  it('ends the call when the socket that started it goes', async () => {
    const { caller, callee, chat } = await pair(server);
    const callerSock = await server.socket(caller.token);
    const calleeSock = await server.socket(callee.token);
    const { call } = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer });
    const ended = next(calleeSock, 'call:ended');
    callerSock.disconnect();
    expect(await ended).toMatchObject({ call: { id: call.id, status: 'ended' }, reason: 'disconnected' });
    // Never answered: it was a missed call.
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: callee.token });
    expect(history.body.messages).toMatchObject([
      { type: 'system', system: { action: 'call_missed', actorId: caller.id, userId: callee.id } },
    ]);
  });
});

describe('ring timeout', () => {
  let quick: TestServer;
  beforeAll(async () => {
    quick = await TestServer.start({ CALL_RING_TIMEOUT_SECONDS: '1' });
  });
  afterAll(() => quick?.close());

  it('an unanswered call becomes missed, with a missed-call message in the direct chat that syncs', async () => {
    const { caller, callee, chat } = await pair(quick);
    const callerSock = await quick.socket(caller.token);
    const calleeSock = await quick.socket(callee.token);
    const missedMessage = next(calleeSock, 'message:new');
    const ended = [next(callerSock, 'call:ended'), next(calleeSock, 'call:ended')];
    const { call } = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer });
    for (const e of await Promise.all(ended))
      expect(e).toMatchObject({ call: { id: call.id, status: 'ended', endReason: 'missed' }, reason: 'missed' });
    expect((await missedMessage).message).toMatchObject({
      conversationId: chat,
      type: 'system',
      text: 'Missed call from Caller Carla',
      system: { action: 'call_missed', actorId: caller.id, userId: callee.id },
    });
    // Answering now is too late.
    expect(await emit(calleeSock, 'call:answer', { callId: call.id, sdp: answer })).toMatchObject({
      ok: false,
      error: { code: 'call.not_ringing' },
    });
    calleeSock.disconnect();

    // A device that comes back later replays the ring and its end, then the message: it does not ring.
    const events = await syncEvents(quick, callee);
    const types = events.map((e) => e.type);
    expect(types.indexOf('call:incoming')).toBeLessThan(types.indexOf('call:ended'));
    expect(events.find((e) => e.type === 'call:ended').payload).toMatchObject({ reason: 'missed' });
    expect(events.find((e) => e.type === 'message:new').payload.message).toMatchObject({ system: { action: 'call_missed' } });
  });
});

describe('a call to someone with no socket', () => {
  let service: PushService;
  let pushing: TestServer;
  beforeAll(async () => {
    service = await PushService.start();
    pushing = await TestServer.start({ OUTBOUND_ALLOWED_URLS: `${service.origin}/`, CALL_RING_TIMEOUT_SECONDS: '60' });
  });
  afterAll(async () => {
    await pushing?.close();
    await service?.close();
  });

  it('is pushed to their Web Push device at high urgency, living only while it rings', async () => {
    const { caller, callee, chat } = await pair(pushing);
    const sub = service.subscribe();
    const reg = await pushing.api('POST', '/push/devices', {
      token: callee.token,
      body: { platform: 'webpush', subscription: { endpoint: sub.endpoint, keys: sub.keys } },
    });
    expect(reg.status).toBe(201);
    const callerSock = await pushing.socket(caller.token);
    const { call } = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer, media: 'video' });

    await service.waitFor(() => service.delivered(sub).some((p) => p.payload.type === 'call'));
    const push = service.delivered(sub).find((p) => p.payload.type === 'call')!;
    expect(push.payload).toMatchObject({
      type: 'call',
      callId: call.id,
      conversationId: chat,
      callerId: caller.id,
      media: 'video',
      ringUntil: call.ringUntil,
      title: 'Caller Carla',
    });
    expect(push.urgency).toBe('high');
    expect(Number(push.ttl)).toBeGreaterThan(0);
    expect(Number(push.ttl)).toBeLessThanOrEqual(60);

    // The woken device connects, answers over its socket and the caller hears it.
    const calleeSock = await pushing.socket(callee.token);
    const answered = next(callerSock, 'call:answered');
    expect(await emit(calleeSock, 'call:answer', { callId: call.id, sdp: answer })).toMatchObject({ ok: true });
    expect(await answered).toMatchObject({ sdp: answer });
  });
});

describe('@parley/client: client.calls', () => {
  const open: ParleyClient[] = [];
  afterAll(() => Promise.all(open.map((c) => c.close())));

  it('carries the signalling both ways: invite, incoming, answer, answered, ice, hangup, ended', async () => {
    const a = await sdkClient(server, newAccount('Sdk Caller'), { signUp: true });
    const b = await sdkClient(server, newAccount('Sdk Callee'), { signUp: true });
    open.push(a, b);
    await expect(a.calls.invite(b.userId!, { sdp: offer })).rejects.toMatchObject({ code: 'client.offline' });
    unwrap(await a.rest.POST('/conversations', { body: { userId: b.userId! } }));
    const heard: { a: string[]; b: string[] } = { a: [], b: [] };
    let incoming: any;
    let iceAtB: any;
    for (const [client, list] of [
      [a, heard.a],
      [b, heard.b],
    ] as const) {
      for (const name of ['call:incoming', 'call:answered', 'call:ended', 'call:ice'] as const) client.on(name, () => list.push(name));
    }
    b.on('call:incoming', (p) => (incoming = p));
    b.on('call:ice', (p) => (iceAtB = p));
    a.connect();
    b.connect();
    await until(() => a.status.connection === 'online' && b.status.connection === 'online', 'both online');

    const call = await a.calls.invite(b.userId!, { sdp: offer, media: 'video' });
    await until(() => incoming !== undefined, 'the ring');
    expect(incoming).toMatchObject({ call: { id: call.id, media: 'video' }, sdp: offer });
    expect((await b.calls.answer(call.id, answer)).status).toBe('active');
    await until(() => heard.a.includes('call:answered'), 'the answer');
    await a.calls.ice(call.id, candidate(7));
    await until(() => iceAtB !== undefined, 'the candidate');
    expect(iceAtB).toEqual({ callId: call.id, candidate: candidate(7) });
    expect((await b.calls.hangup(call.id)).endReason).toBe('hangup');
    await until(() => heard.a.includes('call:ended'), 'the end');
    expect(heard.a).toEqual(['call:answered', 'call:ended']);
    // The device that answered heard the ring and the candidate; the answered_elsewhere its other devices hear is not for it.
    await until(() => heard.b.includes('call:ended'), 'its own hangup');
    expect(heard.b).toEqual(['call:incoming', 'call:ice', 'call:ended']);
    await expect(a.calls.turnCredentials()).rejects.toMatchObject({ code: 'turn.not_configured' });
  });
});

describe('call pushes to FCM and APNs', () => {
  let providers: NativeProviders;
  let native: TestServer;
  beforeAll(async () => {
    providers = await NativeProviders.start();
    native = await TestServer.start({ RATE_LIMITS: 'off', ...providers.env() });
  });
  afterAll(async () => {
    await native?.close();
    await providers?.close();
  });

  const register = async (user: TestUser, platform: string, token: string) => {
    const res = await native.api('POST', '/push/devices', { token: user.token, body: { platform, token } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };

  it('a PushKit token gets a VoIP push (not the ordinary token), FCM a data-only high-priority message; messages skip PushKit', async () => {
    const { apns, fcm } = providers;
    const { caller, callee, chat } = await pair(native);
    const [voip, plain, android] = [apns.newVoipToken(), apns.newToken(), fcm.newToken()];
    await register(callee, 'apns-voip', voip);
    await register(callee, 'apns', plain);
    await register(callee, 'fcm', android);
    const callerSock = await native.socket(caller.token);
    const { call } = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer });

    await until(() => apns.delivered(voip).length > 0 && fcm.delivered(android).length > 0, 'the call pushes');
    const [ring] = apns.delivered(voip);
    expect(ring!.headers).toMatchObject({ 'apns-topic': `${apns.topic}.voip`, 'apns-push-type': 'voip', 'apns-priority': '10' });
    // Expires with the ring (to the second: the TTL is counted in whole seconds).
    const ringEnds = Math.floor(Date.parse(call.ringUntil) / 1000);
    expect([ringEnds - 1, ringEnds]).toContain(Number(ring!.headers['apns-expiration']));
    expect(ring!.body).toMatchObject({ aps: {}, type: 'call', callId: call.id, conversationId: chat, callerId: caller.id });
    const [data] = fcm.delivered(android);
    expect(data!.message).not.toHaveProperty('notification');
    expect(data!.message.data).toMatchObject({ type: 'call', callId: call.id });
    expect(data!.message.android).toMatchObject({ priority: 'HIGH', collapse_key: call.id });

    // A message afterwards goes to the ordinary token and FCM, never to PushKit.
    const sent = await native.api('POST', `/conversations/${chat}/messages`, { token: caller.token, body: { text: 'call me back' } });
    await providers.apnsPush(plain, sent.body.message.id);
    await settle();
    expect(apns.to(plain).map((r) => r.body.type)).toEqual(['message']);
    expect(apns.to(voip).map((r) => r.body.type)).toEqual(['call']);
    expect(apns.rejected).toEqual([]);
  });
});
