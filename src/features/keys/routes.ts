import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { claimKeyBundle } from './claimKeys.js';
import { countOneTimePreKeys, publishKeys } from './publishKeys.js';
import { keyBundle, keyCount, publishKeysBody } from './schemas.js';

const tags = ['keys'];

/** The end-to-end encryption key directory (Signal-style prekeys). The server never sees message plaintext of encrypted messages. */
export const keyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.put('/users/me/keys', { schema: { tags, ...secured, body: publishKeysBody, response: { 200: keyCount } } }, async (req) =>
    publishKeys(ctx, req.auth.userId, req.body),
  );

  app.get('/users/me/keys/count', { schema: { tags, ...secured, response: { 200: keyCount } } }, async (req) => ({
    oneTimePreKeyCount: await countOneTimePreKeys(ctx.db, req.auth.userId),
  }));

  app.get('/users/:id/keys', { schema: { tags, ...secured, params: idParams, response: { 200: keyBundle } } }, async (req) =>
    claimKeyBundle(ctx, req.params.id),
  );
};
