import { conversationSchema } from '@parley/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams, limitParam } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { messageHistory } from '../messages/history.js';
import { advanceWatermark } from '../messages/receipts.js';
import { messagePage } from '../messages/schemas.js';
import { openDirect } from './openDirect.js';
import { conversationPage, getConversation, requireMembership } from './queries.js';
import { conversationList, historyQuery, openDirectBody, openedDirect, pageQuery, readBody, readState } from './schemas.js';
import { settingsBody, settingsSchema, updateSettings } from './settings.js';
import { disappearingBody, setDisappearingTimer } from '../disappearing/setTimer.js';

const tags = ['conversations'];
/** What 404 means on every route of one conversation. */
const notFound = 'A conversation that does not exist and one you are not a member of are both 404 `conversation.not_found`.';

/** Every conversation route needs the bearer token. */
export const conversationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));
  await app.register(conversationListRoutes, { ctx });
  await app.register(oneConversationRoutes, { ctx });
};

/** The user's conversations, and opening a direct one. */
const conversationListRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/conversations',
    {
      schema: {
        operationId: 'listConversations',
        summary: 'List your conversations',
        description:
          'Your direct chats and groups, pinned first, then by last activity, a page at a time: pass the `nextCursor` ' +
          'of a page as `cursor` for the next. Each carries your own view: unread count, settings, last message you may read.',
        tags,
        ...secured,
        querystring: pageQuery,
        response: { 200: conversationList },
      },
    },
    async (req) => conversationPage(ctx, ctx.db, req.auth.userId, req.query),
  );

  app.post(
    '/conversations',
    {
      schema: {
        operationId: 'openDirectChat',
        summary: 'Open the direct chat with a user',
        description:
          'Finds or creates the one direct chat between you and `userId`: 201 when this request created it, 200 when it ' +
          'already existed (so it is safe to repeat). Not with yourself (422), an unknown user (404), nor across a block either way (403).',
        tags,
        ...secured,
        body: openDirectBody,
        response: { 200: openedDirect, 201: openedDirect, ...problems('user.not_found', 'user.blocked', 'conversation.self') },
      },
    },
    async (req, reply) => {
      const result = await openDirect(ctx, req.auth.userId, req.body.userId);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
};

const settingsDescription =
  'Changes your own settings for the conversation; your other devices hear `conversation:updated`. `isMuted: true` mutes ' +
  'without an end, `mutedUntil` until then (a time not in the future ends it), `isMuted: false` unmutes; a mute silences ' +
  "every notification. `notifications` chooses which messages notify you: 'all', only those mentioning you ('mentions'), or 'none'.";

/** One conversation: its history, the read watermark and the user's settings. */
const oneConversationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/conversations/:id',
    {
      schema: {
        operationId: 'getConversation',
        summary: 'Get a conversation with its latest messages',
        description: `The conversation as you see it and the latest page of the messages you may read (ascending seq). ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        querystring: z.object({ limit: limitParam }),
        response: { 200: messagePage.extend({ conversation: conversationSchema }), ...problems('conversation.not_found') },
      },
    },
    async (req) => {
      const conversation = await getConversation(ctx, ctx.db, req.params.id, req.auth.userId);
      return { conversation, ...(await messageHistory(ctx.db, req.auth.userId, req.params.id, { limit: req.query.limit })) };
    },
  );

  app.get(
    '/conversations/:id/messages',
    {
      schema: {
        operationId: 'listMessages',
        summary: 'Page through the message history',
        description:
          'A page of the messages you may read, always in ascending seq: the latest by default, older ones with `before`, ' +
          `newer ones with \`after\`. In a group whose history is \`joined\`, only what came after you joined. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        querystring: historyQuery,
        response: { 200: messagePage, ...problems('conversation.not_found') },
      },
    },
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
        operationId: 'markConversationRead',
        summary: 'Mark a conversation read',
        description:
          'Moves your read watermark forward to `upToSeq`, or to the last message; it never moves back, so repeating is ' +
          `harmless. Members hear \`message:status\` when it moved. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        body: readBody,
        response: { 200: readState, ...problems('conversation.not_found') },
      },
    },
    async (req) => {
      const watermark = await advanceWatermark(ctx, req.auth.userId, req.params.id, 'read', req.body.upToSeq);
      return { lastReadSeq: watermark.lastReadSeq, unreadCount: watermark.unreadCount, unreadMentionCount: watermark.unreadMentionCount };
    },
  );

  app.patch(
    '/conversations/:id/settings',
    {
      schema: {
        operationId: 'updateConversationSettings',
        summary: 'Mute, archive or pin a conversation, or choose what notifies you',
        description: `${settingsDescription} ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        body: settingsBody,
        response: { 200: z.object({ settings: settingsSchema }), ...problems('conversation.not_found') },
      },
    },
    async (req) => updateSettings(ctx, req.auth.userId, req.params.id, req.body),
  );

  app.put(
    '/conversations/:id/disappearing',
    {
      schema: {
        operationId: 'setDisappearingTimer',
        summary: 'Turn disappearing messages on or off',
        description:
          "Sets the conversation's `disappearAfterSeconds` (60..7776000, or null: off): messages sent from then on get " +
          '`expiresAt` and disappear for everyone when it passes. Either person in a direct chat, the owner or an admin in a group ' +
          '(others: 403 `group.not_admin`). A change is recorded as a `disappearing_changed` system message; members hear ' +
          `\`conversation:updated\`. ${notFound}`,
        tags,
        ...secured,
        params: idParams,
        body: disappearingBody,
        response: { 200: z.object({ conversation: conversationSchema }), ...problems('conversation.not_found', 'group.not_admin') },
      },
    },
    async (req) => setDisappearingTimer(ctx, req.auth.userId, { conversationId: req.params.id, seconds: req.body.seconds }),
  );
};
