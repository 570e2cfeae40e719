import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { fail } from '../../lib/errors.js';
import { idParams } from '../../lib/validation.js';
import { rateLimit } from '../limits/rateLimits.js';
import { authenticateServer, serverSecured } from '../server/serverKeys.js';
import { createWebhook, MAX_WEBHOOKS } from './createWebhook.js';
import { deleteWebhook } from './deleteWebhook.js';
import { createdWebhookReply, createWebhookBody, updateWebhookBody, webhookList, webhookReply } from './schemas.js';
import { setWebhookEnabled } from './setWebhookEnabled.js';
import { readWebhooks } from './store.js';

const tags = ['server'];

/** Webhooks of the app's backend (server API keys): signed deliveries of the event log, see docs/integration.md. */
export const webhookRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticateServer(ctx));
  collectionRoutes(app, ctx);
  webhookByIdRoutes(app, ctx);
};

type App = Parameters<FastifyPluginAsyncZod>[0];

/** POST and GET /server/webhooks. */
function collectionRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/server/webhooks',
    {
      preHandler: rateLimit(ctx, 'server-api'),
      schema: {
        operationId: 'createWebhook',
        summary: 'Send events to a URL',
        description:
          'Events committed from now on whose type is among `events` (`["*"]`: all) are POSTed to `url`, one request per ' +
          'event, in event order, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). ' +
          'A delivery that does not get a 2xx is retried with backoff, with the same `webhook-id`; later events wait. The ' +
          'URL must be https on a public address unless under `OUTBOUND_ALLOWED_URLS` (else 400 `webhook.url_refused`). ' +
          `The signing secret is in this response only. At most ${MAX_WEBHOOKS} webhooks (409 \`webhook.limit_reached\`).`,
        tags,
        ...serverSecured,
        body: createWebhookBody,
        response: {
          201: createdWebhookReply,
          ...problems('auth.server_key_invalid', 'webhook.url_refused', 'webhook.limit_reached'),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createWebhook(ctx, req.serverKey, req.body)),
  );

  app.get(
    '/server/webhooks',
    {
      preHandler: rateLimit(ctx, 'server-api'),
      schema: {
        operationId: 'listWebhooks',
        summary: 'The webhooks',
        description: 'Every webhook, oldest first, with its status, its position in the log and, when failing or disabled, why.',
        tags,
        ...serverSecured,
        response: { 200: webhookList, ...problems('auth.server_key_invalid') },
      },
    },
    async () => ({ webhooks: await readWebhooks(ctx.db) }),
  );
}

/** GET, PATCH and DELETE /server/webhooks/:id. */
function webhookByIdRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/server/webhooks/:id',
    {
      preHandler: rateLimit(ctx, 'server-api'),
      schema: {
        operationId: 'getWebhook',
        summary: 'One webhook',
        description: 'Its status, position and, when failing or disabled, why. The secret is not shown again.',
        tags,
        ...serverSecured,
        params: idParams,
        response: { 200: webhookReply, ...problems('auth.server_key_invalid', 'webhook.not_found') },
      },
    },
    async (req) => {
      const [webhook] = await readWebhooks(ctx.db, req.params.id);
      if (!webhook) throw fail('webhook.not_found');
      return { webhook };
    },
  );

  app.patch(
    '/server/webhooks/:id',
    {
      preHandler: rateLimit(ctx, 'server-api'),
      schema: {
        operationId: 'updateWebhook',
        summary: 'Turn a webhook on or off',
        description:
          '`{enabled: true}` turns a disabled webhook on again: it resumes at the first event it had not delivered (events ' +
          'older than `EVENT_RETENTION_DAYS` are gone). `{enabled: false}` stops deliveries and keeps the position.',
        tags,
        ...serverSecured,
        params: idParams,
        body: updateWebhookBody,
        response: { 200: webhookReply, ...problems('auth.server_key_invalid', 'webhook.not_found') },
      },
    },
    async (req) => ({ webhook: await setWebhookEnabled(ctx, req.serverKey, req.params.id, req.body.enabled) }),
  );

  app.delete(
    '/server/webhooks/:id',
    {
      preHandler: rateLimit(ctx, 'server-api'),
      schema: {
        operationId: 'deleteWebhook',
        summary: 'Delete a webhook',
        description: 'Nothing more is sent to it (a request in flight may still arrive).',
        tags,
        ...serverSecured,
        params: idParams,
        response: { 204: { description: 'Deleted.' }, ...problems('auth.server_key_invalid', 'webhook.not_found') },
      },
    },
    async (req, reply) => {
      await deleteWebhook(ctx, req.params.id);
      return reply.status(204).send();
    },
  );
}
