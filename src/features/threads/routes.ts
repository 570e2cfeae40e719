import { messageSchema } from '@parley/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { historyQuery, readBody } from '../conversations/schemas.js';
import { messagePage } from '../messages/schemas.js';
import { listThread, markThreadRead } from './thread.js';

const tags = ['messages'];
const notFound =
  'A root that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`; ' +
  'a reply in a thread has no thread of its own (422 `thread.root_invalid`).';

const threadReadState = z.object({
  lastReadSeq: z.number().int().meta({ description: 'The seq of the last reply you have read in this thread (0: none).', example: 42 }),
  unreadCount: z.number().int().meta({ description: "Others' replies after it.", example: 0 }),
});

/** A thread's replies and the caller's read mark of it (replying is a send with `threadRootId`). */
export const threadRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.get(
    '/messages/:id/thread',
    {
      schema: {
        operationId: 'listThread',
        summary: "Page through a message's thread",
        description:
          'The root (with its `thread` summary), a page of the replies you may read in ascending seq, paged as the history is ' +
          `(the latest by default, older with \`before\`, newer with \`after\`), and your read state of the thread. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        querystring: historyQuery,
        response: {
          200: messagePage.extend({ root: messageSchema }).extend(threadReadState.shape),
          ...problems('message.not_found', 'thread.root_invalid'),
        },
      },
    },
    async (req) => {
      const { limit, before, after, cursor } = req.query;
      return listThread(ctx.db, req.auth.userId, req.params.id, { limit, after, before: before ?? cursor });
    },
  );

  app.post(
    '/messages/:id/thread/read',
    {
      schema: {
        operationId: 'markThreadRead',
        summary: 'Mark a thread read',
        description:
          "Moves your read mark of the thread forward to `upToSeq` (a reply's seq), or to its last reply; it never moves back. " +
          `Private to you: your devices hear \`thread:read\` when it moved. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        body: readBody,
        response: { 200: threadReadState, ...problems('message.not_found', 'thread.root_invalid') },
      },
    },
    async (req) => markThreadRead(ctx, req.auth.userId, req.params.id, req.body.upToSeq),
  );
};
