import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { rateLimit } from '../limits/rateLimits.js';
import { claimKeyBundle } from './claimKeys.js';
import { countOneTimePreKeys, publishKeys } from './publishKeys.js';
import { keyBundle, keyCount, MAX_ONE_TIME_PREKEYS, publishKeysBody } from './schemas.js';

const tags = ['keys'];

/** The end-to-end encryption key directory (Signal-style prekeys). The server never sees message plaintext of encrypted messages. */
export const keyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.put(
    '/users/me/keys',
    {
      schema: {
        operationId: 'publishKeys',
        summary: 'Publish your identity key, signed prekey and one-time prekeys',
        description:
          'Sets your identity key and signed prekey (the signature must verify: 422 `keys.bad_signature`) and adds one-time ' +
          `prekeys (a stored \`keyId\` is replaced; at most ${MAX_ONE_TIME_PREKEYS} stored). A new identity key discards ` +
          'the old one-time prekeys and tells everyone who shares a conversation with you (`keys:identity-changed`).',
        tags,
        ...secured,
        body: publishKeysBody,
        response: { 200: keyCount, ...problems('keys.bad_signature', 'keys.too_many') },
      },
    },
    async (req) => publishKeys(ctx, req.auth.userId, req.body),
  );

  app.get(
    '/users/me/keys/count',
    {
      schema: {
        operationId: 'countOneTimePreKeys',
        summary: 'Count your unclaimed one-time prekeys',
        description: 'How many of your one-time prekeys are left to hand out: upload more when it runs low.',
        tags,
        ...secured,
        response: { 200: keyCount },
      },
    },
    async (req) => ({ oneTimePreKeyCount: await countOneTimePreKeys(ctx.db, req.auth.userId) }),
  );

  app.get(
    '/users/:id/keys',
    {
      // A claim uses up a one-time prekey: a HEAD (which runs the GET's handler) would spend one for nothing.
      exposeHeadRoute: false,
      preHandler: rateLimit(ctx, 'key-claims', 'key-claims-target'),
      schema: {
        operationId: 'claimKeyBundle',
        summary: 'Claim a user’s key bundle to start an encrypted session',
        description:
          'Their identity key, signed prekey and one of their one-time prekeys, which is handed out once, ever (null when none ' +
          'are left). 404 `keys.not_found` when they have published no keys. Rate-limited per claimer and per user claimed.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: keyBundle, ...problems('user.not_found', 'keys.not_found') },
      },
    },
    async (req) => claimKeyBundle(ctx, req.params.id),
  );
};
