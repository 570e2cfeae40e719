import { userSchema } from '@parley/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { mintSession, mintSessionBody } from './mintSession.js';
import { externalIdParams, provisionUser, provisionUserBody } from './provisionUser.js';
import { authenticateServer, serverSecured } from './serverKeys.js';

const tags = ['server'];

const tokensResponse = z.object({
  accessToken: z.string().meta({ description: 'A JWT for the user: `Authorization: Bearer <accessToken>`.' }),
  refreshToken: z.string().meta({ description: 'Works once, at POST /auth/refresh-token, for the next pair.' }),
  expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires.', example: 900 }),
});

/** The server API: the app's backend provisions its users and signs them in, with a server API key. */
export const serverRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticateServer(ctx));

  app.put(
    '/server/users/:externalId',
    {
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
