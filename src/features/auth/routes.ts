import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { sessions } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { idParams } from '../../lib/validation.js';
import { findUser, presentUser } from '../users/queries.js';
import { userSchema } from '../users/schemas.js';
import { authenticate, secured } from './authenticate.js';
import { googleBody, linkGoogle, linkGoogleBody, signInWithGoogle } from './google.js';
import { login } from './login.js';
import { requestOtp, requestOtpBody, verifyOtp, verifyOtpBody } from './otp.js';
import { register } from './register.js';
import { authResponse, loginBody, refreshBody, registerBody, sessionSchema } from './schemas.js';
import { revokeSession, rotateRefreshToken } from './sessions.js';

const tags = ['auth'];
const success = z.object({ success: z.literal(true) });
const signInResponse = authResponse.extend({ created: z.boolean() });

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const auth = authenticate(ctx);

  app.post('/auth/register', { schema: { tags, body: registerBody, response: { 201: authResponse } } }, async (req, reply) =>
    reply.status(201).send(await register(ctx, req.body)),
  );

  app.post('/auth/login', { schema: { tags, body: loginBody, response: { 200: authResponse } } }, async (req) => login(ctx, req.body));

  app.post(
    '/auth/request-otp',
    { schema: { tags, body: requestOtpBody, response: { 200: z.object({ sent: z.literal(true), retryAfter: z.number().int() }) } } },
    async (req) => requestOtp(ctx, req.body.phoneNumber),
  );

  app.post('/auth/verify-otp', { schema: { tags, body: verifyOtpBody, response: { 200: signInResponse } } }, async (req) =>
    verifyOtp(ctx, req.body),
  );

  app.post('/auth/google', { schema: { tags, body: googleBody, response: { 200: signInResponse } } }, async (req) =>
    signInWithGoogle(ctx, req.body),
  );

  app.post(
    '/auth/google/link',
    { onRequest: auth, schema: { tags, ...secured, body: linkGoogleBody, response: { 200: success } } },
    async (req) => {
      await linkGoogle(ctx, req.auth.userId, req.body.idToken);
      return { success: true as const };
    },
  );

  app.post('/auth/refresh-token', { schema: { tags, body: refreshBody, response: { 200: authResponse } } }, async (req) => {
    const pair = await rotateRefreshToken(ctx, req.body.refreshToken);
    const user = await presentUser(ctx, await findUser(ctx.db, pair.userId), pair.userId);
    return { user, accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresIn: pair.expiresIn };
  });

  app.post('/auth/logout', { onRequest: auth, schema: { tags, ...secured, response: { 200: success } } }, async (req) => {
    await revokeSession(ctx, req.auth.sessionId);
    return { success: true as const };
  });

  app.get(
    '/auth/me',
    { onRequest: auth, schema: { tags, ...secured, response: { 200: z.object({ user: userSchema }) } } },
    async (req) => ({
      user: await presentUser(ctx, await findUser(ctx.db, req.auth.userId), req.auth.userId),
    }),
  );

  app.get(
    '/auth/sessions',
    { onRequest: auth, schema: { tags, ...secured, response: { 200: z.object({ sessions: z.array(sessionSchema) }) } } },
    async (req) => {
      const list = await ctx.db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, req.auth.userId), isNull(sessions.revokedAt)))
        .orderBy(desc(sessions.lastUsedAt));
      return {
        sessions: list.map((s) => ({
          id: s.id,
          deviceId: s.deviceId,
          deviceName: s.deviceName,
          createdAt: s.createdAt.toISOString(),
          lastUsedAt: s.lastUsedAt.toISOString(),
          current: s.id === req.auth.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/auth/sessions/:id',
    { onRequest: auth, schema: { tags, ...secured, params: idParams, response: { 200: success } } },
    async (req) => {
      const [s] = await ctx.db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.id, req.params.id), eq(sessions.userId, req.auth.userId), isNull(sessions.revokedAt)));
      if (!s) throw fail('session.not_found');
      await revokeSession(ctx, s.id);
      return { success: true as const };
    },
  );
};
