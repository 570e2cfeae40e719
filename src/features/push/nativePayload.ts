import type { PushPayload } from './payload.js';

/** What FCM and APNs are told about one push: the payload and how to deliver it. */
export interface NativePush {
  token: string;
  payload: PushPayload;
  urgency: 'high' | 'normal';
  conversationId: string;
  /** The push's own TTL (calls), else the sender's PUSH_TTL_SECONDS. */
  ttlSeconds?: number;
  /** APNs: a PushKit token (`apns-voip`), which takes VoIP pushes only. */
  voip?: boolean;
}

/** FCM's `data` carries strings only: every payload field, numbers written out. */
export function fcmData(payload: PushPayload): Record<string, string> {
  return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, String(v)]));
}

/**
 * The FCM HTTP v1 `message` (projects.messages.send). A message with a preview carries a
 * `notification` the system shows while the app is closed; an encrypted one (no body) is data
 * only, so the app wakes, syncs and shows what it decrypted. A newer push for the conversation
 * replaces one not yet delivered (`collapse_key`, `apns-collapse-id`) or shown (`tag`).
 */
export function fcmMessage(push: NativePush, defaultTtlSeconds: number, nowMs = Date.now()) {
  const { payload } = push;
  const ttlSeconds = push.ttlSeconds ?? defaultTtlSeconds;
  // A call is data only, at high priority: the app shows its own incoming-call screen (ConnectionService, CallKit).
  const shown = payload.type === 'message' && payload.body !== undefined;
  return {
    message: {
      token: push.token,
      data: fcmData(payload),
      ...(shown ? { notification: { title: payload.title, body: payload.type === 'message' ? payload.body : undefined } } : {}),
      android: {
        priority: push.urgency === 'high' ? 'HIGH' : 'NORMAL',
        ttl: `${ttlSeconds}s`,
        collapse_key: push.conversationId,
        ...(shown ? { notification: { tag: push.conversationId } } : {}),
      },
      apns: { headers: { 'apns-collapse-id': push.conversationId, 'apns-expiration': apnsExpiration(ttlSeconds, nowMs) } },
    },
  };
}

/** `apns-expiration`: a UNIX time; 0 means deliver now or never. */
const apnsExpiration = (ttlSeconds: number, nowMs: number) => (ttlSeconds === 0 ? '0' : String(Math.floor(nowMs / 1000) + ttlSeconds));

/** The APNs request headers besides `authorization` (added by the sender). */
export function apnsHeaders(push: NativePush, topic: string, defaultTtlSeconds: number, nowMs = Date.now()): Record<string, string> {
  const ttlSeconds = push.ttlSeconds ?? defaultTtlSeconds;
  // To a PushKit token a call is a VoIP push: its own push type and the app's `.voip` topic; the app reports it to CallKit.
  const voip = push.voip === true;
  return {
    'apns-topic': voip ? `${topic}.voip` : topic,
    'apns-push-type': voip ? 'voip' : 'alert',
    'apns-priority': push.urgency === 'high' ? '10' : '5',
    'apns-expiration': apnsExpiration(ttlSeconds, nowMs),
    'apns-collapse-id': push.conversationId,
    'content-type': 'application/json',
  };
}

/**
 * The APNs JSON: an alert (no body for an encrypted message), the conversation's unread count as
 * the badge, `mutable-content` so a notification service extension may rewrite it (decrypt),
 * threads by conversation, and the payload's fields beside `aps` for the app.
 */
export function apnsBody(payload: PushPayload, voip = false) {
  if (payload.type === 'call') {
    // PushKit wakes the app with the payload; an ordinary token shows a time-sensitive alert that opens the app.
    if (voip) return { aps: {}, ...payload };
    return { aps: { alert: { title: payload.title, body: 'Incoming call' }, 'interruption-level': 'time-sensitive' }, ...payload };
  }
  const alert = payload.body === undefined ? { title: payload.title } : { title: payload.title, body: payload.body };
  return {
    aps: { alert, badge: payload.unreadCount, 'mutable-content': 1, 'thread-id': payload.conversationId },
    ...payload,
  };
}
