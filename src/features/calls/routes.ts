import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { fail } from '../../lib/errors.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { turnCredentials } from './turnCredentials.js';

const tags = ['calls'];

const turnCredentialsReply = z
  .object({
    username: z.string().meta({ description: '`expiry:userId`, expiry in Unix seconds.' }),
    credential: z.string().meta({ description: 'base64(HMAC-SHA1(TURN_SECRET, username)): the TURN password.' }),
    ttl: z.number().int().meta({ description: 'Seconds the credentials stay valid.' }),
    uris: z.array(z.string()).meta({ description: 'TURN_URIS: give them with the credentials as an RTCIceServer.' }),
  })
  .meta({ id: 'TurnCredentials' });

/** Calls (docs/api.md, Calls): signalling runs over the socket; REST only hands out TURN credentials. */
export const callRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.get(
    '/calls/turn-credentials',
    {
      schema: {
        operationId: 'getTurnCredentials',
        summary: 'Time-limited TURN credentials',
        description:
          "Credentials for the operator's coturn (`use-auth-secret`): `{urls: uris, username, credential}` is an RTCIceServer. " +
          'They expire after `ttl` seconds (TURN_TTL_SECONDS); ask again before a call. Without TURN_SECRET: 503 `turn.not_configured`.',
        tags,
        ...secured,
        response: { 200: turnCredentialsReply, ...problems('turn.not_configured') },
      },
    },
    async (req) => {
      const secret = ctx.config.TURN_SECRET;
      if (!secret) throw fail('turn.not_configured', 'this server has no TURN server configured (TURN_SECRET)');
      return turnCredentials(secret, req.auth.userId, ctx.config.TURN_TTL_SECONDS, ctx.config.TURN_URIS);
    },
  );
};
