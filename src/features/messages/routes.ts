import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { messages } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { requireMembership } from '../conversations/queries.js';
import { advanceWatermark } from './receipts.js';
import { messageSchema, newMessageFields } from './schemas.js';
import { sendMessage } from './sendMessage.js';

const tags = ['messages'];

export const messageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.post(
    '/conversations/:id/messages',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        body: newMessageFields(ctx.config.MESSAGE_MAX_LENGTH),
        response: { 200: z.object({ message: messageSchema }), 201: z.object({ message: messageSchema }) },
      },
    },
    async (req, reply) => {
      const { message, created } = await sendMessage(ctx, req.auth.userId, { ...req.body, conversationId: req.params.id });
      return reply.status(created ? 201 : 200).send({ message });
    },
  );

  app.post(
    '/messages/:id/read',
    { schema: { tags, ...secured, params: idParams, response: { 200: z.object({ success: z.literal(true) }) } } },
    async (req) => {
      const [m] = await ctx.db
        .select({ conversationId: messages.conversationId, seq: messages.seq })
        .from(messages)
        .where(eq(messages.id, req.params.id));
      if (!m) throw fail('message.not_found');
      await requireMembership(ctx.db, m.conversationId, req.auth.userId).catch(() => {
        throw fail('message.not_found');
      });
      await advanceWatermark(ctx, req.auth.userId, m.conversationId, 'read', m.seq);
      return { success: true as const };
    },
  );
};
