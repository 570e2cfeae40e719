import crypto from 'node:crypto';
import { z } from 'zod';

/** base64url (padding tolerated) that decodes to `bytes` bytes. */
const base64urlBytes = (bytes: number, what: string) =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url')
    .refine((s) => Buffer.from(s, 'base64url').length === bytes, `${what} must be ${bytes} bytes`);

/** An uncompressed P-256 point (0x04 ‖ x ‖ y) that is on the curve. */
const p256dh = base64urlBytes(65, 'p256dh').refine((s) => isP256Point(Buffer.from(s, 'base64url')), 'p256dh must be a P-256 public key');

function isP256Point(raw: Buffer): boolean {
  try {
    crypto.ECDH.convertKey(raw, 'prime256v1');
    return raw[0] === 4;
  } catch {
    return false;
  }
}

export const webPushSubscription = z
  .object({
    endpoint: z.string().min(1).max(2048).meta({ description: 'The push service URL (PushSubscription.endpoint).' }),
    keys: z.object({
      p256dh: p256dh.meta({ description: 'The subscription’s P-256 public key: 65 bytes, uncompressed, base64url.' }),
      auth: base64urlBytes(16, 'auth').meta({ description: 'The subscription’s authentication secret: 16 bytes, base64url.' }),
    }),
  })
  .meta({ description: 'A browser’s PushSubscription, as `subscription.toJSON()` gives it.' });

export const registerDeviceBody = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('webpush'), subscription: webPushSubscription }),
  z.object({
    platform: z.literal('fcm'),
    token: z
      .string()
      .min(1)
      .max(4096)
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .meta({ description: 'The FCM registration token (`getToken()` in the Firebase SDK).' }),
  }),
  z.object({
    platform: z.literal('apns'),
    token: z
      .string()
      .regex(/^[0-9a-fA-F]{64,200}$/, 'must be 64 to 200 hex digits')
      .meta({
        description: 'The APNs device token, in hex (the `deviceToken` bytes of `didRegisterForRemoteNotificationsWithDeviceToken`).',
      }),
  }),
  z.object({
    platform: z.literal('apns-voip'),
    token: z
      .string()
      .regex(/^[0-9a-fA-F]{64,200}$/, 'must be 64 to 200 hex digits')
      .meta({
        description:
          'A PushKit VoIP token, in hex (`PKPushCredentials.token`): it gets only call pushes, as VoIP pushes (docs/push.md, Calls).',
      }),
  }),
]);
export type RegisterDeviceBody = z.infer<typeof registerDeviceBody>;

export const pushDevice = z.object({
  id: z.uuid(),
  platform: z.enum(['webpush', 'fcm', 'apns', 'apns-voip']),
  createdAt: z.string(),
});
export type PushDeviceDto = z.infer<typeof pushDevice>;

export const pushDeviceReply = z.object({ device: pushDevice });
export const pushDeviceList = z.object({ devices: z.array(pushDevice) });
export const vapidPublicKey = z.object({
  publicKey: z.string().meta({ description: 'The VAPID application server key (uncompressed P-256 point, base64url).' }),
});

export const pushPreviews = z.enum(['full', 'name', 'none']).meta({
  description:
    "What a push shows on every device of yours: the sender and the text ('full'), the sender only ('name'), or neither ('none').",
});
export const pushSettings = z.object({ previews: pushPreviews }).meta({ id: 'PushSettings' });
export type PushSettings = z.infer<typeof pushSettings>;
