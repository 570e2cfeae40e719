import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams, limitParam, uuid } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { messageHistory } from '../messages/history.js';
import { advanceWatermark } from '../messages/receipts.js';
import { messagePage, upToSeq } from '../messages/schemas.js';
import { openDirect } from './openDirect.js';
import { conversationPage, getConversation, requireMembership } from './queries.js';
import { conversationSchema, historyQuery, pageQuery } from './schemas.js';
import { settingsBody, settingsSchema, updateSettings } from './settings.js';

const tags = ['conversations'];

export const conversationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.get(
    '/conversations',
    {
      schema: {
        tags,
        ...secured,
        querystring: pageQuery,
        response: {
          200: z.object({ conversations: z.array(conversationSchema), nextCursor: z.string().nullable(), hasMore: z.boolean() }),
        },
      },
    },
    async (req) => conversationPage(ctx, ctx.db, req.auth.userId, req.query),
  );

  app.post(
    '/conversations',
    {
      schema: {
        tags,
        ...secured,
        body: z.object({ userId: uuid }),
        response: {
          200: z.object({ conversation: conversationSchema, created: z.boolean() }),
          201: z.object({ conversation: conversationSchema, created: z.boolean() }),
        },
      },
    },
    async (req, reply) => {
      const result = await openDirect(ctx, req.auth.userId, req.body.userId);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/conversations/:id',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        querystring: z.object({ limit: limitParam }),
        response: { 200: messagePage.extend({ conversation: conversationSchema }) },
      },
    },
    async (req) => {
      const conversation = await getConversation(ctx, ctx.db, req.params.id, req.auth.userId);
      return { conversation, ...(await messageHistory(ctx.db, req.auth.userId, req.params.id, { limit: req.query.limit })) };
    },
  );

  app.get(
    '/conversations/:id/messages',
    { schema: { tags, ...secured, params: idParams, querystring: historyQuery, response: { 200: messagePage } } },
    async (req) => {
      await requireMembership(ctx.db, req.params.id, req.auth.userId);
      const { limit, before, after, cursor } = req.query;
      return messageHistory(ctx.db, req.auth.userId, req.params.id, { limit, after, before: before ?? cursor });
    },
  );

  app.post(
    '/conversations/:id/read',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        body: z.object({ upToSeq: upToSeq.optional() }).optional(),
        response: { 200: z.object({ lastReadSeq: z.number().int(), unreadCount: z.number().int() }) },
      },
    },
    async (req) => {
      const r = await advanceWatermark(ctx, req.auth.userId, req.params.id, 'read', req.body?.upToSeq);
      return { lastReadSeq: r.lastReadSeq, unreadCount: r.unreadCount };
    },
  );

  app.patch(
    '/conversations/:id/settings',
    { schema: { tags, ...secured, params: idParams, body: settingsBody, response: { 200: z.object({ settings: settingsSchema }) } } },
    async (req) => updateSettings(ctx, req.auth.userId, req.params.id, req.body),
  );
};
