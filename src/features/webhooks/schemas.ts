import { storedEventTypes } from '@parley/protocol';
import { z } from 'zod';

/** Every stored event type (the events a webhook can be sent), or `*` for all of them. */
export const webhookEventName = z
  .enum(['*', ...storedEventTypes] as [string, ...string[]])
  .meta({ description: 'A stored event type (`message:new`, `group:member-joined`, …; docs/api.md lists them), or `*` for every event.' });

export const createWebhookBody = z
  .object({
    url: z.url().max(2048).meta({
      description: 'Where events are POSTed: https on a public address, unless under `OUTBOUND_ALLOWED_URLS`.',
      example: 'https://myapp.example/parley/webhooks',
    }),
    events: z
      .array(webhookEventName)
      .min(1)
      .max(100)
      .transform((events) => (events.includes('*') ? ['*'] : [...new Set(events)]))
      .meta({ description: 'The event types to send; `["*"]` for all.', example: ['message:new'] }),
  })
  .strict();
export type CreateWebhookBody = z.output<typeof createWebhookBody>;

export const updateWebhookBody = z
  .object({
    enabled: z.boolean().meta({
      description: '`true` turns a disabled webhook back on: it resumes at the first event it had not delivered. `false` turns it off.',
    }),
  })
  .strict();

export const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()),
    status: z.enum(['active', 'failing', 'disabled']).meta({
      description: '`failing`: the latest attempts failed and are being retried (see `lastError`); `disabled`: nothing is sent.',
    }),
    createdAt: z.string(),
    createdBy: z.string().meta({ description: 'The name of the server API key that created it.' }),
    failingSince: z.string().nullable().meta({ description: 'Since when every attempt failed; null once one succeeds.' }),
    lastError: z.string().nullable().meta({ description: 'What the latest failed attempt got (`HTTP 500`, a timeout, a refused URL).' }),
    disabledAt: z.string().nullable(),
    disabledReason: z
      .string()
      .nullable()
      .meta({ description: 'Why it was disabled: sustained failure (since when, and the error) or the API.' }),
    position: z.number().int().meta({ description: 'The id of the last event it is done with: delivered, or not among its `events`.' }),
  })
  .meta({ id: 'Webhook' });
export type WebhookDto = z.infer<typeof webhookSchema>;

export const webhookReply = z.object({ webhook: webhookSchema });
export const createdWebhookReply = z.object({
  webhook: webhookSchema,
  secret: z.string().meta({
    description: 'The signing secret (`whsec_` + base64), shown only this once: verify each delivery’s `webhook-signature` with it.',
  }),
});
export const webhookList = z.object({ webhooks: z.array(webhookSchema) });
