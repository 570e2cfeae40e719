import { userSchema } from '@parley/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { rateLimit } from '../limits/rateLimits.js';
import { messageResponse, sendRefusals } from '../messages/schemas.js';
import { mintSession, mintSessionBody } from './mintSession.js';
import { externalIdParams, provisionUser, provisionUserBody } from './provisionUser.js';
import { sendAsUser, sendAsUserBody } from './sendAsUser.js';
import { authenticateServer, serverSecured } from './serverKeys.js';

const tags = ['server'];

const tokensResponse = z.object({
  accessToken: z.string().meta({ description: 'A JWT for the user: `Authorization: Bearer <accessToken>`.' }),
  refreshToken: z.string().meta({ description: 'Works once, at POST /auth/refresh-token, for the next pair.' }),
  expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires.', example: 900 }),
});

/**
 * The server API: the app's backend provisions its users, signs them in and sends as them, with a
 * server API key. Every route spends the key's own budget (RATE_LIMIT_SERVER_PER_KEY), not an IP's or a user's.
 */
export const serverRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticateServer(ctx));
  await app.register(userRoutes, { ctx });
  await app.register(messageRoutes, { ctx });
};

/** Provisioned users and their sessions. */
const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.put(
    '/server/users/:externalId',
    {
      preHandler: rateLimit(ctx, 'server-api'),
      schema: {
        operationId: 'provisionUser',
        summary: 'Create or update the user of an external id',
        description:
          'Idempotent: the user of this external id (the app’s own user id) is created, or updated to the body. The app ' +
          'vouches for the email. A username or email that another account holds is 409.',
        tags,
        ...serverSecured,
        params: externalIdParams,
        body: provisionUserBody,
        response: {
          200: z.object({ user: userSchema }),
          ...problems('auth.server_key_invalid', 'user.username_taken', 'user.email_taken'),
        },
      },
    },
    async (req) => provisionUser(ctx, req.params.externalId, req.body),
  );

  app.post(
    '/server/users/:externalId/sessions',
    {
      preHandler: rateLimit(ctx, 'server-api'),
      schema: {
        operationId: 'mintUserSession',
        summary: 'Start a session for a provisioned user',
        description:
          'Signs the user in with no Parley password: tokens as a sign-in returns them, for the app to hand to its client. ' +
          'The same `deviceId` ends that device’s previous session. Unknown external id: 404 `user.not_found`.',
        tags,
        ...serverSecured,
        params: externalIdParams,
        body: mintSessionBody,
        response: { 200: tokensResponse, ...problems('auth.server_key_invalid', 'user.not_found', 'auth.suspended') },
      },
    },
    async (req) => mintSession(ctx, req.params.externalId, req.body),
  );
};

/** Sending as a provisioned user. */
const messageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/server/conversations/:id/messages',
    {
      preHandler: rateLimit(ctx, 'server-api'),
      schema: {
        operationId: 'sendMessageAsUser',
        summary: 'Send a message as a provisioned user',
        description:
          'For bots and system notices: the user provisioned under `senderExternalId` sends, exactly as their own ' +
          '`POST /conversations/:id/messages` would (the same body, rules and errors, and their message budget besides the ' +
          'key’s): 201 with the new message; a repeated `clientMessageId` of theirs in the conversation answers 200 with the ' +
          'original. Unknown `senderExternalId`: 404 `user.not_found`; a conversation the sender is not in: 404 `conversation.not_found`.',
        tags,
        ...serverSecured,
        params: idParams,
        body: sendAsUserBody({ messageMaxLength: ctx.config.MESSAGE_MAX_LENGTH }),
        response: {
          200: messageResponse,
          201: messageResponse,
          ...problems('auth.server_key_invalid', 'user.not_found', ...sendRefusals),
        },
      },
    },
    async (req, reply) => {
      const { message, created } = await sendAsUser(ctx, req.params.id, req.body);
      return reply.status(created ? 201 : 200).send({ message });
    },
  );
};
