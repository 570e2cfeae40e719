import { userSchema } from '@parley/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { email, password, success } from '../auth/schemas.js';
import { rateLimit } from '../limits/rateLimits.js';
import { requestEmailVerification, verifyEmail } from './emailVerification.js';
import { changePassword, forgotPassword, resetPassword } from './passwords.js';

const tags = ['auth'];
const linkToken = z.string().min(1).max(256).meta({ description: 'The `token` of the mailed link.' });

export const verifyEmailBody = z.object({ token: linkToken });
export const forgotPasswordBody = z.object({ email });
export const resetPasswordBody = z.object({ token: linkToken, password });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(128), newPassword: password });

/** Email verification and passwords (docs/accounts.md): the links mailed through the outbox. */
export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(emailRoutes, { ctx });
  await app.register(passwordRoutes, { ctx });
};

/** Verifying the account's email. */
const emailRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/email/verification',
    {
      onRequest: authenticate(ctx),
      preHandler: rateLimit(ctx, 'verify-mail'),
      schema: {
        operationId: 'requestEmailVerification',
        summary: 'Mail yourself a link that verifies your email',
        description:
          'Mails `${PUBLIC_URL}/#/verify-email?token=…` to your email; the token works once, within EMAIL_VERIFY_TTL_HOURS, ' +
          'and only the newest one mailed. An email already verified is sent nothing; an account without an email is 409 `auth.no_email`.',
        tags,
        ...secured,
        response: { 202: success, ...problems('auth.no_email') },
      },
    },
    async (req, reply) => {
      await requestEmailVerification(ctx, req.auth.userId);
      return reply.status(202).send({ success: true as const });
    },
  );

  app.post(
    '/auth/email/verify',
    {
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'verifyEmail',
        summary: 'Verify your email with the token of the mailed link',
        description:
          'Spends the token and returns your profile with `emailVerified: true`. A token used already, replaced by a newer ' +
          'one or unknown is 400 `auth.link_invalid`; an expired one 410 `auth.link_expired`. No session is needed.',
        tags,
        body: verifyEmailBody,
        response: { 200: z.object({ user: userSchema }), ...problems('auth.link_invalid', 'auth.link_expired') },
      },
    },
    async (req) => verifyEmail(ctx, req.body.token),
  );
};

/** Forgot, reset and change password. */
const passwordRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/password/forgot',
    {
      preHandler: rateLimit(ctx, 'login', 'reset-mail'),
      schema: {
        operationId: 'forgotPassword',
        summary: 'Mail a password-reset link',
        description:
          'Mails `${PUBLIC_URL}/#/reset-password?token=…` to the account with this email, if there is one. The answer is ' +
          '202 whatever the email, sent before the email is looked up, so it tells nobody whether an account has it (a failure after it is ' +
          'logged, not answered). The token works once, within PASSWORD_RESET_TTL_MINUTES.',
        tags,
        body: forgotPasswordBody,
        response: { 202: success },
      },
    },
    async (req, reply) => {
      // Answered before the email is even looked up, so the answer cannot tell (by its content or its time) whether an
      // account has it: the lookup and the mail start once the response is out ('close': sent, or the client left).
      const { email } = req.body;
      reply.raw.once('close', () => ctx.mail.runDetached(() => forgotPassword(ctx, email)));
      return reply.status(202).send({ success: true as const });
    },
  );

  app.post(
    '/auth/password/reset',
    {
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'resetPassword',
        summary: 'Set a new password with the token of a reset link',
        description:
          'Spends the token, sets the password (it must not be easy to guess: 400 `validation.failed`) and ends every session ' +
          'of the account: their tokens stop working and their sockets close. Sign in again with the new password.',
        tags,
        body: resetPasswordBody,
        response: { 200: success, ...problems('auth.link_invalid', 'auth.link_expired') },
      },
    },
    async (req) => {
      await resetPassword(ctx, req.body.token, req.body.password);
      return { success: true as const };
    },
  );

  app.post(
    '/auth/password/change',
    {
      onRequest: authenticate(ctx),
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'changePassword',
        summary: 'Change your password',
        description:
          'Checks `currentPassword` (403 `auth.wrong_password`; wrong tries count as wrong sign-ins do), sets `newPassword` ' +
          '(400 `validation.failed` when easy to guess) and ends every other session; this one goes on.',
        tags,
        ...secured,
        body: changePasswordBody,
        response: { 200: success, ...problems('auth.wrong_password') },
      },
    },
    async (req) => {
      await changePassword(ctx, req.auth.userId, req.auth.sessionId, req.body);
      return { success: true as const };
    },
  );
};
