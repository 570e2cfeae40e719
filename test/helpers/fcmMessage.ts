/** How the FCM stand-in answers one send (test/helpers/fcmService.ts). */
export interface FcmAnswer {
  status: number;
  retryAfter?: string;
}

/** FCM's error body (google.rpc.Status) for a status, with the FcmError code FCM gives it. */
export function fcmError(status: number, grpc?: string, message?: string) {
  const known: Record<number, [string, string | undefined, string]> = {
    400: ['INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'The registration token is not a valid FCM registration token'],
    401: ['UNAUTHENTICATED', undefined, 'Request had invalid authentication credentials.'],
    403: ['PERMISSION_DENIED', 'SENDER_ID_MISMATCH', 'SenderId mismatch'],
    404: ['NOT_FOUND', 'UNREGISTERED', 'Requested entity was not found.'],
    429: ['RESOURCE_EXHAUSTED', 'QUOTA_EXCEEDED', 'Quota exceeded.'],
    500: ['INTERNAL', 'INTERNAL', 'Internal error encountered.'],
    503: ['UNAVAILABLE', 'UNAVAILABLE', 'The service is currently unavailable.'],
  };
  const [status_, errorCode, text] = known[status] ?? ['UNKNOWN', undefined, 'error'];
  const details: unknown[] = errorCode ? [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }] : [];
  if (status === 400 && !grpc) {
    details.push({
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      fieldViolations: [{ field: 'message.token', description: text }],
    });
  }
  return { error: { code: status, message: message ?? text, status: grpc ?? status_, details } };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function only(where: string, v: unknown, allowed: string[]): Json {
  if (!isObject(v)) throw new Error(`${where} is not an object`);
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new Error(`${where}: unknown fields ${extra.join(', ')}`); // FCM refuses unknown fields
  return v;
}

function strings(where: string, v: unknown): Record<string, string> {
  if (!isObject(v)) throw new Error(`${where} is not an object`);
  for (const [k, x] of Object.entries(v)) if (typeof x !== 'string') throw new Error(`${where}.${k} is not a string`);
  return v as Record<string, string>;
}

/**
 * The checks FCM HTTP v1 makes on `{message}` (projects.messages.send), those Parley's messages
 * touch: known fields only, `data` values strings without reserved keys, `android.priority`
 * an AndroidMessagePriority, `ttl` a Duration ("86400s"), `apns.headers` strings.
 */
export function checkFcmMessage(body: unknown): { message: Json & { token: string } } {
  const message = only('message', only('body', body, ['message', 'validate_only']).message, [
    'token',
    'data',
    'notification',
    'android',
    'apns',
    'webpush',
    'fcm_options',
  ]);
  if (typeof message.token !== 'string' || message.token === '') throw new Error('message.token');
  if (message.data !== undefined) {
    const data = strings('message.data', message.data);
    const reserved = Object.keys(data).filter((k) => ['from', 'message_type'].includes(k) || /^(google|gcm)/.test(k));
    if (reserved.length > 0) throw new Error(`message.data: reserved keys ${reserved.join(', ')}`);
  }
  if (message.notification !== undefined)
    strings('message.notification', only('message.notification', message.notification, ['title', 'body', 'image']));
  if (message.android !== undefined) {
    const a = only('message.android', message.android, [
      'collapse_key',
      'priority',
      'ttl',
      'restricted_package_name',
      'data',
      'notification',
      'direct_boot_ok',
    ]);
    if (a.priority !== undefined && a.priority !== 'NORMAL' && a.priority !== 'HIGH')
      throw new Error(`android.priority ${String(a.priority)}`);
    if (a.ttl !== undefined && !/^\d+(\.\d{1,9})?s$/.test(String(a.ttl))) throw new Error(`android.ttl ${String(a.ttl)}`);
    if (a.collapse_key !== undefined && typeof a.collapse_key !== 'string') throw new Error('android.collapse_key');
    if (a.notification !== undefined) strings('android.notification', a.notification);
  }
  if (message.apns !== undefined) {
    const apns = only('message.apns', message.apns, ['headers', 'payload', 'fcm_options']);
    if (apns.headers !== undefined) strings('apns.headers', apns.headers);
  }
  return { message: message as Json & { token: string } };
}
