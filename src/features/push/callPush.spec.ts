import { describe, expect, it } from 'vitest';
import { callJobs, type CallFacts, type IncomingCall } from './callPush.js';
import type { PushDevice } from './devices.js';
import { apnsBody, apnsHeaders, fcmMessage } from './nativePayload.js';

const now = Date.parse('2026-01-01T00:00:00Z');
const incoming = (id: string, ringSeconds: number, eventId = 10): IncomingCall => ({
  eventId,
  createdAt: now,
  call: {
    id,
    conversationId: 'chat',
    callerId: 'ann',
    calleeId: 'bob',
    media: 'audio',
    ringUntil: new Date(now + ringSeconds * 1000).toISOString(),
  },
});
const facts = (over: Partial<CallFacts> = {}): CallFacts => ({
  ringing: new Set(['c1', 'c2']),
  names: new Map([['ann', 'Ann']]),
  previews: new Map([['bob', 'full']]),
  ...over,
});
const devices: PushDevice[] = [
  { id: 'd1', userId: 'bob', lastEventId: 0, platform: 'apns-voip', token: 'aa' },
  { id: 'd4', userId: 'bob', lastEventId: 0, platform: 'apns', token: 'dd' },
  { id: 'd2', userId: 'bob', lastEventId: 0, platform: 'fcm', token: 'bb' },
  { id: 'd3', userId: 'cat', lastEventId: 0, platform: 'fcm', token: 'cc' },
];

describe('call pushes', () => {
  it('go to every device of the callee while the call rings (on iOS the PushKit token), at high urgency, the ring left as TTL', () => {
    const jobs = callJobs([incoming('c1', 30)], devices, facts(), now);
    expect(jobs.map((j) => j.device.id)).toEqual(['d1', 'd2']);
    expect(jobs[0]).toMatchObject({
      urgency: 'high',
      ttlSeconds: 30,
      conversationId: 'c1',
      payload: { type: 'call', callId: 'c1', conversationId: 'chat', callerId: 'ann', title: 'Ann', eventId: 10 },
    });
  });

  it('are not sent for a call that stopped ringing, rang out, or a device already sent it; previews none hides the caller', () => {
    expect(callJobs([incoming('c3', 30)], devices, facts(), now)).toEqual([]);
    expect(callJobs([incoming('c1', 0)], devices, facts(), now)).toEqual([]);
    expect(
      callJobs(
        [incoming('c1', 30, 5)],
        devices.map((d) => ({ ...d, lastEventId: 5 })),
        facts(),
        now,
      ),
    ).toEqual([]);
    const hidden = callJobs([incoming('c2', 30)], devices, facts({ previews: new Map([['bob', 'none']]) }), now);
    expect(hidden[0]!.payload).toMatchObject({ title: 'Incoming call' });
  });

  it('are VoIP pushes to PushKit tokens, time-sensitive alerts to ordinary APNs tokens, data-only high priority on FCM', () => {
    const [job] = callJobs([incoming('c1', 30)], devices, facts(), now);
    const push = {
      token: 'aa',
      payload: job!.payload,
      urgency: job!.urgency,
      conversationId: job!.conversationId,
      ttlSeconds: 30,
      voip: true,
    };
    expect(apnsHeaders(push, 'com.example.app', 86_400, now)).toMatchObject({
      'apns-topic': 'com.example.app.voip',
      'apns-push-type': 'voip',
      'apns-priority': '10',
      'apns-expiration': String(now / 1000 + 30),
    });
    expect(apnsBody(job!.payload, true)).toEqual({ aps: {}, ...job!.payload });
    expect(apnsHeaders({ ...push, voip: false }, 'com.example.app', 86_400, now)).toMatchObject({
      'apns-topic': 'com.example.app',
      'apns-push-type': 'alert',
    });
    expect(apnsBody(job!.payload).aps).toEqual({ alert: { title: 'Ann', body: 'Incoming call' }, 'interruption-level': 'time-sensitive' });
    // Without a PushKit token, the ordinary one gets the call.
    const plain = callJobs(
      [incoming('c1', 30)],
      devices.filter((d) => d.platform !== 'apns-voip'),
      facts(),
      now,
    );
    expect(plain.map((j) => j.device.id)).toEqual(['d4', 'd2']);
    const { message } = fcmMessage(push, 86_400, now);
    expect(message).not.toHaveProperty('notification');
    expect(message.android).toEqual({ priority: 'HIGH', ttl: '30s', collapse_key: 'c1' });
    expect(message.data).toMatchObject({ type: 'call', callId: 'c1', eventId: '10' });
  });
});
