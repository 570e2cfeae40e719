import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams, limitParam, plainText, uuid } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { requireMembership } from '../conversations/queries.js';
import { visibleMessage } from './access.js';
import { deleteMessage } from './deleteMessage.js';
import { editMessage } from './editMessage.js';
import { emoji, setReaction } from './reactions.js';
import { advanceWatermark, listReceipts } from './receipts.js';
import { messagePage, messageSchema, newMessageFields, withTextOrMedia } from './schemas.js';
import { searchMessages } from './search.js';
import { sendMessage } from './sendMessage.js';

const tags = ['messages'];
const success = z.object({ success: z.literal(true) });
const reactionList = z.object({ reactions: z.array(z.object({ emoji: z.string(), userId: z.uuid() })) });
const receipt = z.array(z.object({ userId: z.uuid(), at: z.string() }));

export const messageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));
  const messageOut = { 200: z.object({ message: messageSchema }) };

  app.post(
    '/conversations/:id/messages',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        body: withTextOrMedia(newMessageFields(ctx.config.MESSAGE_MAX_LENGTH)),
        response: { ...messageOut, 201: z.object({ message: messageSchema }) },
      },
    },
    async (req, reply) => {
      const { message, created } = await sendMessage(ctx, req.auth.userId, { ...req.body, conversationId: req.params.id });
      return reply.status(created ? 201 : 200).send({ message });
    },
  );

  app.get(
    '/messages/search',
    {
      schema: {
        tags,
        ...secured,
        querystring: z.object({
          q: plainText(200).pipe(z.string().min(1, 'must not be empty')),
          conversationId: uuid.optional(),
          limit: limitParam,
          cursor: uuid.optional(),
        }),
        response: { 200: messagePage },
      },
    },
    async (req) => {
      const { q, conversationId, limit, cursor } = req.query;
      if (conversationId) await requireMembership(ctx.db, conversationId, req.auth.userId);
      return searchMessages(ctx.db, req.auth.userId, { text: q, conversationId, limit, before: cursor });
    },
  );

  app.patch(
    '/messages/:id',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        body: z.object({ text: plainText(ctx.config.MESSAGE_MAX_LENGTH).pipe(z.string().min(1, 'must not be empty')) }),
        response: messageOut,
      },
    },
    async (req) => editMessage(ctx, req.auth.userId, req.params.id, req.body.text),
  );

  app.delete(
    '/messages/:id',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        querystring: z.object({ for: z.enum(['self', 'everyone']).default('self') }),
        response: { 200: success },
      },
    },
    async (req) => {
      await deleteMessage(ctx, req.auth.userId, req.params.id, req.query.for);
      return { success: true as const };
    },
  );

  app.put(
    '/messages/:id/reaction',
    { schema: { tags, ...secured, params: idParams, body: z.object({ emoji }), response: { 200: reactionList } } },
    async (req) => setReaction(ctx, req.auth.userId, req.params.id, req.body.emoji),
  );

  app.delete('/messages/:id/reaction', { schema: { tags, ...secured, params: idParams, response: { 200: reactionList } } }, async (req) =>
    setReaction(ctx, req.auth.userId, req.params.id, null),
  );

  app.get(
    '/messages/:id/receipts',
    { schema: { tags, ...secured, params: idParams, response: { 200: z.object({ delivered: receipt, read: receipt }) } } },
    async (req) => listReceipts(ctx.db, (await visibleMessage(ctx.db, req.params.id, req.auth.userId)).message),
  );

  app.post('/messages/:id/read', { schema: { tags, ...secured, params: idParams, response: { 200: success } } }, async (req) => {
    const { message } = await visibleMessage(ctx.db, req.params.id, req.auth.userId);
    await advanceWatermark(ctx, req.auth.userId, message.conversationId, 'read', message.seq);
    return { success: true as const };
  });
};
