import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { rateLimit } from '../limits/rateLimits.js';
import { listDevices } from './listDevices.js';
import { MAX_DEVICES_PER_SESSION, registerDevice } from './registerDevice.js';
import { removeDevice } from './removeDevice.js';
import { pushDeviceList, pushDeviceReply, pushSettings, registerDeviceBody, vapidPublicKey } from './schemas.js';
import { pushSettingsOf, updatePushSettings } from './settings.js';
import { vapidKeys } from './vapid.js';

const tags = ['push'];
const success = z.object({ success: z.literal(true) });

/** Push devices (docs/push.md): where the push worker notifies a user who has no socket connected. */
export const pushRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.get(
    '/push/vapid-public-key',
    {
      schema: {
        operationId: 'getVapidPublicKey',
        summary: 'The Web Push application server key',
        description: 'Pass it as `applicationServerKey` to `pushManager.subscribe()`; the server signs its pushes with the matching key.',
        tags,
        ...secured,
        response: { 200: vapidPublicKey },
      },
    },
    async () => ({ publicKey: (await vapidKeys(ctx.db)).publicKey }),
  );

  app.post(
    '/push/devices',
    {
      preHandler: rateLimit(ctx, 'push-devices'),
      schema: {
        operationId: 'registerPushDevice',
        summary: 'Register this session’s push device',
        description:
          'A Web Push subscription (`platform: "webpush"`), an FCM registration token (`"fcm"`) or an APNs device token ' +
          '(`"apns"`, hex), or a PushKit VoIP token (`"apns-voip"`, hex: call pushes only). A Web Push endpoint must be https on a public address unless it is under `OUTBOUND_ALLOWED_URLS` ' +
          '(else 400 `push.endpoint_refused`). The device belongs to this session and is removed with it. The same endpoint or ' +
          `token again from this session answers 200 with the same device. A session keeps its ${MAX_DEVICES_PER_SESSION} newest ` +
          'devices. FCM or APNs when this server has no credentials for it: 422 `push.platform_unavailable`.',
        tags,
        ...secured,
        body: registerDeviceBody,
        response: {
          200: pushDeviceReply,
          201: pushDeviceReply,
          ...problems('push.endpoint_refused', 'push.platform_unavailable'),
        },
      },
    },
    async (req, reply) => {
      const { device, created } = await registerDevice(ctx, req.auth, req.body);
      return reply.status(created ? 201 : 200).send({ device });
    },
  );

  app.get(
    '/push/devices',
    {
      schema: {
        operationId: 'listPushDevices',
        summary: 'Your push devices',
        description: 'The push devices of all your signed-in sessions, oldest first.',
        tags,
        ...secured,
        response: { 200: pushDeviceList },
      },
    },
    async (req) => ({ devices: await listDevices(ctx.db, req.auth.userId) }),
  );

  app.delete(
    '/push/devices/:id',
    {
      schema: {
        operationId: 'removePushDevice',
        summary: 'Unregister a push device',
        description: 'Stops pushes to one of your devices. Anyone else’s device is 404 `push.device_not_found`.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('push.device_not_found') },
      },
    },
    async (req) => {
      await removeDevice(ctx.db, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );
};

/** Push settings: what a push shows, on every device of the user. */
export const pushSettingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.get(
    '/push/settings',
    {
      schema: {
        operationId: 'getPushSettings',
        summary: 'Your push settings',
        description:
          'What pushes to any of your devices show (`previews`). Per conversation, choose what notifies you with `PATCH /conversations/:id/settings`.',
        tags,
        ...secured,
        response: { 200: pushSettings },
      },
    },
    async (req) => pushSettingsOf(ctx.db, req.auth.userId),
  );

  app.patch(
    '/push/settings',
    {
      schema: {
        operationId: 'updatePushSettings',
        summary: 'Change your push settings',
        description:
          "`previews`: 'full' shows the sender and the text, 'name' the sender only, 'none' neither (\"New message\"). " +
          'FCM and APNs carry a push through Google’s and Apple’s servers in the clear: `none` keeps names and text off them too.',
        tags,
        ...secured,
        body: pushSettings,
        response: { 200: pushSettings },
      },
    },
    async (req) => updatePushSettings(ctx.db, req.auth.userId, req.body),
  );
};
