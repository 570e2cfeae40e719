import { describe, expect, it } from 'vitest';
import { apnsOutcome } from './apns.js';
import { fcmOutcome, type FcmError } from './fcm.js';
import { apnsBody, apnsHeaders, fcmMessage, type NativePush } from './nativePayload.js';
import type { PushPayload } from './payload.js';

const now = Date.parse('2026-12-01T12:00:00Z');
const fcmError = (status: string, errorCode?: string, field?: string): FcmError => ({
  error: {
    status,
    details: [
      ...(errorCode ? [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }] : []),
      ...(field ? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field }] }] : []),
    ],
  },
});

describe('fcmOutcome (an FCM HTTP v1 answer → what becomes of the push)', () => {
  it('200 sent; 404 / UNREGISTERED / SENDER_ID_MISMATCH / 400 on message.token: the device is gone', () => {
    expect(fcmOutcome(200, {}, null)).toEqual({ kind: 'sent', status: 200 });
    expect(fcmOutcome(404, fcmError('NOT_FOUND', 'UNREGISTERED'), null).kind).toBe('gone');
    expect(fcmOutcome(404, {}, null).kind).toBe('gone');
    expect(fcmOutcome(400, fcmError('INVALID_ARGUMENT', 'UNREGISTERED'), null).kind).toBe('gone');
    expect(fcmOutcome(403, fcmError('PERMISSION_DENIED', 'SENDER_ID_MISMATCH'), null).kind).toBe('gone');
    expect(fcmOutcome(400, fcmError('INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'message.token'), null).kind).toBe('gone');
  });

  it('a 400 about anything but the token is dropped, the device kept; 401 refreshes the access token', () => {
    expect(fcmOutcome(400, fcmError('INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'message.android.ttl'), null)).toMatchObject({
      kind: 'failed',
    });
    expect(fcmOutcome(400, fcmError('INVALID_ARGUMENT', 'INVALID_ARGUMENT'), null).kind).toBe('failed');
    expect(fcmOutcome(401, fcmError('UNAUTHENTICATED'), null)).toEqual({ kind: 'unauthorized' });
    expect(fcmOutcome(403, fcmError('PERMISSION_DENIED'), null).kind).toBe('failed');
  });

  it('429 and 5xx are retried, never sooner than Retry-After (seconds or a date)', () => {
    expect(fcmOutcome(429, fcmError('RESOURCE_EXHAUSTED', 'QUOTA_EXCEEDED'), '7', now)).toMatchObject({ kind: 'retry', afterMs: 7000 });
    expect(fcmOutcome(503, {}, new Date(now + 2000).toUTCString(), now)).toMatchObject({ kind: 'retry', afterMs: 2000 });
    expect(fcmOutcome(500, fcmError('INTERNAL', 'INTERNAL'), null)).not.toHaveProperty('afterMs');
  });
});

describe('apnsOutcome (an APNs answer → what becomes of the push)', () => {
  it('200 sent; 410, BadDeviceToken and DeviceTokenNotForTopic: gone; ExpiredProviderToken: a new JWT', () => {
    expect(apnsOutcome(200, undefined, undefined)).toEqual({ kind: 'sent', status: 200 });
    for (const [status, reason] of [
      [410, 'Unregistered'],
      [410, undefined],
      [400, 'BadDeviceToken'],
      [400, 'DeviceTokenNotForTopic'],
    ] as const) {
      expect(apnsOutcome(status, reason, undefined).kind, `${status} ${reason}`).toBe('gone');
    }
    expect(apnsOutcome(403, 'ExpiredProviderToken', undefined)).toEqual({ kind: 'expired_token' });
  });

  it('other 4xx are dropped with the device kept; 429 and 5xx retried after Retry-After when given', () => {
    for (const [status, reason] of [
      [400, 'BadCollapseId'],
      [400, 'TopicDisallowed'],
      [403, 'InvalidProviderToken'],
      [413, 'PayloadTooLarge'],
    ] as const) {
      expect(apnsOutcome(status, reason, undefined).kind, reason).toBe('failed');
    }
    expect(apnsOutcome(429, 'TooManyRequests', '3', now)).toMatchObject({ kind: 'retry', afterMs: 3000 });
    expect(apnsOutcome(503, 'ServiceUnavailable', undefined).kind).toBe('retry');
    expect(apnsOutcome(500, 'InternalServerError', undefined)).not.toHaveProperty('afterMs');
  });
});

describe('shaping the push for FCM and APNs', () => {
  const payload: PushPayload = {
    type: 'message',
    conversationId: 'c1',
    messageId: 'm1',
    seq: 7,
    eventId: 1234,
    senderId: 'ann',
    title: 'Ann',
    body: 'hi',
    unreadCount: 3,
  };
  const push = (over: Partial<NativePush> = {}): NativePush => ({ token: 't', payload, urgency: 'high', conversationId: 'c1', ...over });

  it('FCM: data is all strings; a notification when there is a body; priority, ttl and collapse key for Android', () => {
    const { message } = fcmMessage(push(), 60, now);
    expect(message.data).toEqual({ ...payload, seq: '7', eventId: '1234', unreadCount: '3' });
    expect(message.notification).toEqual({ title: 'Ann', body: 'hi' });
    expect(message.android).toEqual({ priority: 'HIGH', ttl: '60s', collapse_key: 'c1', notification: { tag: 'c1' } });
    expect(message.apns.headers).toEqual({ 'apns-collapse-id': 'c1', 'apns-expiration': String(now / 1000 + 60) });
    const { body: _, ...encrypted } = payload;
    const quiet = fcmMessage(push({ payload: encrypted, urgency: 'normal' }), 0, now).message;
    expect(quiet).not.toHaveProperty('notification');
    expect(quiet.data).not.toHaveProperty('body');
    expect(quiet.android).toEqual({ priority: 'NORMAL', ttl: '0s', collapse_key: 'c1' });
    expect(quiet.apns.headers['apns-expiration']).toBe('0');
  });

  it('APNs: the alert (title only when encrypted), the badge, mutable-content, the payload beside aps; 10 or 5', () => {
    expect(apnsBody(payload)).toEqual({
      aps: { alert: { title: 'Ann', body: 'hi' }, badge: 3, 'mutable-content': 1, 'thread-id': 'c1' },
      ...payload,
    });
    const { body: _, ...encrypted } = payload;
    expect(apnsBody(encrypted).aps.alert).toEqual({ title: 'Ann' });
    expect(apnsHeaders(push(), 'app.bundle', 60, now)).toEqual({
      'apns-topic': 'app.bundle',
      'apns-push-type': 'alert',
      'apns-priority': '10',
      'apns-expiration': String(now / 1000 + 60),
      'apns-collapse-id': 'c1',
      'content-type': 'application/json',
    });
    expect(apnsHeaders(push({ urgency: 'normal' }), 'app.bundle', 0, now)).toMatchObject({ 'apns-priority': '5', 'apns-expiration': '0' });
  });
});
