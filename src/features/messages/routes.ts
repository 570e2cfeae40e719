import { newMessageFields, plainText, uuid, withTextOrMedia } from '@parley/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams, limitParam } from '../../lib/validation.js';
import { pageQuery } from '../conversations/schemas.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { requireMembership } from '../conversations/queries.js';
import { visibleMessage } from './access.js';
import { deleteMessage } from './deleteMessage.js';
import { editMessage } from './editMessage.js';
import { setReaction } from './reactions.js';
import { advanceWatermark, listReceipts } from './receipts.js';
import { forwardMessage } from './forward.js';
import { listPins, MAX_PINS_PER_CONVERSATION, pinMessage, unpinMessage } from './pins.js';
import {
  deleteQuery,
  editBody,
  forwardBody,
  forwardResults,
  messageResponse,
  pinList,
  pinResponse,
  reactionBody,
  reactionList,
  receipts,
  searchPage,
  sendRefusals,
  starPage,
  success,
} from './schemas.js';
import { listStars, starMessage, unstarMessage } from './stars.js';
import { searchMessages } from './search.js';
import { sendMessage } from './sendMessage.js';

const tags = ['messages'];
/** What 404 means on every route of one message. */
const notFound =
  'A message that does not exist, one outside the history you may read, and one you deleted for yourself are all 404 `message.not_found`.';

/** Every message route needs the bearer token. */
export const messageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));
  await app.register(sendAndSearchRoutes, { ctx });
  await app.register(changeMessageRoutes, { ctx });
  await app.register(reactionRoutes, { ctx });
  await app.register(pinRoutes, { ctx });
  await app.register(starRoutes, { ctx });
  await app.register(forwardRoutes, { ctx });
  await app.register(readMessageRoutes, { ctx });
};

/**
 * Sending (its rate limit is counted in `sendMessage`, the same budget as a socket's
 * message:send, so not here) and searching.
 */
const sendAndSearchRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/conversations/:id/messages',
    {
      schema: {
        operationId: 'sendMessage',
        summary: 'Send a message',
        description:
          'Sends text, media (your own uploads) or both to a conversation you are a member of: 201 with the new message. ' +
          'A repeated `clientMessageId` of yours in the same conversation answers 200 with the original, never a duplicate. ' +
          'Spends the same message budget as the socket `message:send`. A conversation you are not in is 404, as one that does not exist.',
        tags,
        ...secured,
        params: idParams,
        body: withTextOrMedia(newMessageFields({ messageMaxLength: ctx.config.MESSAGE_MAX_LENGTH })),
        response: {
          200: messageResponse,
          201: messageResponse,
          ...problems(...sendRefusals, 'rate_limited'),
        },
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
        operationId: 'searchMessages',
        summary: 'Search your messages',
        description:
          'Full-text search over the messages you may read, newest first; every word must match. Deleted and ' +
          'end-to-end-encrypted messages never match. With `conversationId`, one conversation of yours (else 404).',
        tags,
        ...secured,
        querystring: z.object({
          q: plainText(200).pipe(z.string().min(1, 'must not be empty')).meta({ description: 'Words to find.', example: 'lunch tomorrow' }),
          conversationId: uuid.optional().meta({ description: 'Search only this conversation.' }),
          limit: limitParam,
          cursor: uuid.optional().meta({ description: 'The `nextCursor` of the page before.' }),
        }),
        response: { 200: searchPage, ...problems('conversation.not_found') },
      },
    },
    async (req) => {
      const { q, conversationId, limit, cursor } = req.query;
      if (conversationId) await requireMembership(ctx.db, conversationId, req.auth.userId);
      return searchMessages(ctx.db, req.auth.userId, { text: q, conversationId, limit, before: cursor });
    },
  );
};

/** Changing one message: editing, deleting. */
const changeMessageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.patch(
    '/messages/:id',
    {
      schema: {
        operationId: 'editMessage',
        summary: 'Edit a message',
        description:
          `The sender rewrites the text of their message within the edit window (EDIT_WINDOW_SECONDS); members hear ` +
          `\`message:updated\`. System and encrypted messages cannot be edited. \`mentions\`, when given, replaces the message's ` +
          `mentions (checked as on send); \`message:updated\` then carries \`mentionsAdded\`, who the edit newly mentions. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        body: editBody(ctx.config.MESSAGE_MAX_LENGTH),
        response: {
          200: messageResponse,
          ...problems(
            'message.not_found',
            'message.not_sender',
            'message.edit_window_passed',
            'user.blocked',
            'message.deleted',
            'message.not_editable',
            'message.mention_invalid',
            'message.mention_all_forbidden',
          ),
        },
      },
    },
    async (req) => editMessage(ctx, req.auth.userId, req.params.id, req.body),
  );

  app.delete(
    '/messages/:id',
    {
      schema: {
        operationId: 'deleteMessage',
        summary: 'Delete a message',
        description:
          '`for=self` (the default) hides it from your own history, sync and search. `for=everyone` wipes its content ' +
          `for all, leaving a tombstone: the sender within DELETE_WINDOW_SECONDS, or a group admin at any time. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        querystring: deleteQuery,
        response: { 200: success, ...problems('message.not_found', 'forbidden', 'message.delete_window_passed') },
      },
    },
    async (req) => {
      await deleteMessage(ctx, req.auth.userId, req.params.id, req.query.for);
      return { success: true as const };
    },
  );
};

/** The caller's one reaction to a message. */
const reactionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.put(
    '/messages/:id/reaction',
    {
      schema: {
        operationId: 'setReaction',
        summary: 'React to a message',
        description: `Sets your one reaction to the message, replacing any other; members hear \`reaction:updated\`. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        body: reactionBody,
        response: { 200: reactionList, ...problems('message.not_found', 'user.blocked', 'message.deleted') },
      },
    },
    async (req) => setReaction(ctx, req.auth.userId, req.params.id, req.body.emoji),
  );

  app.delete(
    '/messages/:id/reaction',
    {
      schema: {
        operationId: 'removeReaction',
        summary: 'Take back your reaction',
        description: `Removes your reaction to the message, if any (so repeating is harmless). ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: reactionList, ...problems('message.not_found', 'message.deleted') },
      },
    },
    async (req) => setReaction(ctx, req.auth.userId, req.params.id, null),
  );
};

/** Who has read one message, and marking it read. */
const readMessageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/messages/:id/receipts',
    {
      schema: {
        operationId: 'listReceipts',
        summary: 'Who has received and read a message',
        description:
          'The members whose delivered and read watermarks have passed the message, with when. Reads show only when both you ' +
          `and the reader have read receipts on (GET /users/me/privacy); otherwise the reader is only delivered. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: receipts, ...problems('message.not_found') },
      },
    },
    async (req) => listReceipts(ctx.db, (await visibleMessage(ctx.db, req.params.id, req.auth.userId)).message, req.auth.userId),
  );

  app.post(
    '/messages/:id/read',
    {
      schema: {
        operationId: 'markMessageRead',
        summary: 'Mark read up to a message',
        description: `Moves your read watermark in the message's conversation up to it (never back). ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('message.not_found', 'conversation.not_found') },
      },
    },
    async (req) => {
      const { message } = await visibleMessage(ctx.db, req.params.id, req.auth.userId);
      await advanceWatermark(ctx, req.auth.userId, message.conversationId, 'read', message.seq);
      return { success: true as const };
    },
  );
};

/** Who may pin, said once for the pin routes. */
const whoPins =
  "In a direct chat both people may; in a group, as its `pinPermission` says (`'admins'`: owners and admins, else 403 `group.not_admin`).";

/** Pinned messages: the conversation's, for every member. */
const pinRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/messages/:id/pin',
    {
      schema: {
        operationId: 'pinMessage',
        summary: 'Pin a message',
        description:
          `Pins the message in its conversation for every member: they hear \`message:pinned\` and a system message ` +
          `(\`message_pinned\`) records it. Pinning a pinned message again changes nothing. ${whoPins} A conversation keeps at most ` +
          `${MAX_PINS_PER_CONVERSATION} pinned messages (409 \`pin.limit_reached\`). ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        response: {
          200: pinResponse,
          ...problems('message.not_found', 'group.not_admin', 'user.blocked', 'message.deleted', 'pin.limit_reached'),
        },
      },
    },
    async (req) => ({ pin: await pinMessage(ctx, req.auth.userId, req.params.id) }),
  );

  app.delete(
    '/messages/:id/pin',
    {
      schema: {
        operationId: 'unpinMessage',
        summary: 'Unpin a message',
        description: `Unpins the message; members hear \`message:unpinned\`. Not pinned: nothing changes. ${whoPins} ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('message.not_found', 'group.not_admin') },
      },
    },
    async (req) => {
      await unpinMessage(ctx, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );

  app.get(
    '/conversations/:id/pins',
    {
      schema: {
        operationId: 'listPins',
        summary: "A conversation's pinned messages",
        description:
          'The pinned messages you may read, the latest pinned first. A message deleted for everyone, purged by retention or ' +
          'erased with its account is unpinned with it. A conversation you are not in is 404, as one that does not exist.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: pinList, ...problems('conversation.not_found') },
      },
    },
    async (req) => {
      await requireMembership(ctx.db, req.params.id, req.auth.userId);
      return { pins: await listPins(ctx.db, req.auth.userId, req.params.id) };
    },
  );
};

/** Starred messages: the caller's own, seen by no one else. */
const starRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/messages/:id/star',
    {
      schema: {
        operationId: 'starMessage',
        summary: 'Star a message',
        description:
          'Stars the message for you alone (no one else learns of it); your other devices hear `message:starred`. ' +
          `Starring it again changes nothing. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('message.not_found', 'message.deleted') },
      },
    },
    async (req) => {
      await starMessage(ctx, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );

  app.delete(
    '/messages/:id/star',
    {
      schema: {
        operationId: 'unstarMessage',
        summary: 'Take a star back',
        description: `Your other devices hear \`message:unstarred\`. Not starred: nothing changes. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('message.not_found') },
      },
    },
    async (req) => {
      await unstarMessage(ctx, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );

  app.get(
    '/users/me/starred',
    {
      schema: {
        operationId: 'listStarred',
        summary: 'Your starred messages',
        description:
          'The messages you starred and may still read (a conversation you left, a message you deleted for yourself drop out), ' +
          'the latest starred first, in pages.',
        tags,
        ...secured,
        querystring: pageQuery,
        response: { 200: starPage },
      },
    },
    async (req) => listStars(ctx.db, req.auth.userId, req.query),
  );
};

/** Forwarding one message to several conversations. */
const forwardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/messages/:id/forward',
    {
      schema: {
        operationId: 'forwardMessage',
        summary: 'Forward a message',
        description:
          'Sends a copy of the message (its text and its media: the same files, not uploaded again) to each conversation, ' +
          'marked `forwarded: true`, each as your own send would be: the same message budget per target, seq, events and push. ' +
          'Each target is answered alone, in order: a conversation you are not in (`conversation.not_found`) or a block ' +
          '(`user.blocked`) refuses that target, the others go on. End-to-end encrypted and system messages cannot be forwarded ' +
          `by the server (422 \`message.not_forwardable\`). ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        body: forwardBody,
        response: { 200: forwardResults, ...problems('message.not_found', 'message.deleted', 'message.not_forwardable') },
      },
    },
    async (req) => ({ results: await forwardMessage(ctx, req.auth.userId, req.params.id, req.body.conversationIds) }),
  );
};
