import { userSchema } from '@parley/protocol';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { rateLimit } from '../limits/rateLimits.js';
import { findUser, presentUser } from '../users/queries.js';
import { authenticate, secured } from './authenticate.js';
import { googleBody, linkGoogle, linkGoogleBody, signInWithGoogle } from './google.js';
import { login } from './login.js';
import { requestOtp, requestOtpBody, verifyOtp, verifyOtpBody } from './otp.js';
import { refresh } from './refresh.js';
import { register } from './register.js';
import { authResponse, loginBody, otpSentResponse, refreshBody, registerBody, sessionSchema, signInResponse, success } from './schemas.js';
import { revokeSession } from './sessions.js';
import { signInWithToken, tokenSignInBody } from './tokenSignIn.js';
import { listSessions, revokeOwnSession } from './userSessions.js';

const tags = ['auth'];
const sameDevice = 'Signing in again with the same `deviceId` ends that device’s previous session.';

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(methodRoutes, { ctx });
  await app.register(passwordRoutes, { ctx });
  await app.register(phoneAndGoogleRoutes, { ctx });
  await app.register(issuerRoutes, { ctx });
  await app.register(sessionRoutes, { ctx });
};

/** Which ways to sign in this server offers, for a sign-in screen to show only those. */
const methodRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/auth/methods',
    {
      schema: {
        operationId: 'listSignInMethods',
        summary: 'The ways to sign in this server offers',
        description:
          'Public. `password` is always on. `phone` (POST /auth/request-otp) is set when codes can be sent: `sms` through ' +
          'SMS_WEBHOOK_URL, or `log` outside production without it (the code is written to the server log); else null. ' +
          '`google` carries the OAuth client ID when GOOGLE_CLIENT_ID is set, else null.',
        tags,
        response: {
          200: z.object({
            password: z.literal(true),
            phone: z.object({ delivery: z.enum(['sms', 'log']) }).nullable(),
            google: z
              .object({ clientId: z.string().meta({ example: '1234-abc.apps.googleusercontent.com' }) })
              .nullable()
              .meta({ description: 'Set when Google sign-in (POST /auth/google) is configured.' }),
          }),
        },
      },
    },
    async () => {
      const google = ctx.issuers.get('google');
      return {
        password: true as const,
        phone: ctx.otpSender ? { delivery: ctx.otpSender.kind === 'webhook' ? ('sms' as const) : ('log' as const) } : null,
        google: google ? { clientId: google.clientId } : null,
      };
    },
  );
};

/** Email-or-username and password accounts, and token refresh. */
const passwordRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/register',
    {
      preHandler: rateLimit(ctx, 'register'),
      schema: {
        operationId: 'register',
        summary: 'Create an account with email and password',
        description:
          'Creates the account and signs it in on the device, returning its first token pair. The password must not be ' +
          'easy to guess (400 `validation.failed` says why); a registered email or a taken username is 409.',
        tags,
        body: registerBody,
        response: { 201: authResponse, ...problems('user.email_taken', 'user.username_taken') },
      },
    },
    async (req, reply) => reply.status(201).send(await register(ctx, req.body)),
  );

  app.post(
    '/auth/login',
    {
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'signIn',
        summary: 'Sign in with email or username and password',
        description:
          '`login` is the email or the username. A wrong login or password is the same 401 either way; too many wrong ' +
          `passwords for one account are refused with 429 for a while. ${sameDevice}`,
        tags,
        body: loginBody,
        response: { 200: authResponse, ...problems('auth.invalid_credentials', 'auth.suspended') },
      },
    },
    async (req) => login(ctx, req.body),
  );

  app.post(
    '/auth/refresh-token',
    {
      schema: {
        operationId: 'refreshSession',
        summary: 'Trade a refresh token for a new token pair',
        description:
          'A refresh token works once. Presenting one already used ends its whole session (401 `auth.refresh_reused`), ' +
          'since one of the two holders is not the device it was issued to.',
        tags,
        body: refreshBody,
        response: { 200: authResponse, ...problems('auth.refresh_invalid', 'auth.refresh_reused', 'auth.suspended') },
      },
    },
    async (req) => refresh(ctx, req.body.refreshToken),
  );
};

/** Sign-in with an ID token from any configured OpenID Connect issuer (AUTH_ISSUERS), which creates the account when there is none. */
const issuerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/token',
    {
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'signInWithIdToken',
        summary: 'Sign in with an ID token from a configured OpenID Connect issuer',
        description:
          'For the issuers in AUTH_ISSUERS (and `google`): signs in to the account linked to the token’s `(issuer, sub)`, or ' +
          'creates one (`created: true`). An email the issuer marks verified becomes the new account’s email; an account ' +
          'that already has it is not linked here (409 `auth.account_exists`). An unknown issuer name is 400 ' +
          '`auth.unknown_issuer`; a token that is expired, for another audience or badly signed is 401 `auth.id_token_invalid`. ' +
          sameDevice,
        tags,
        body: tokenSignInBody,
        response: {
          200: signInResponse,
          ...problems('auth.unknown_issuer', 'auth.id_token_invalid', 'auth.google_invalid', 'auth.account_exists', 'auth.suspended'),
        },
      },
    },
    async (req) => signInWithToken(ctx, req.body),
  );
};

/** Sign-in with a phone code or a Google ID token, which create the account when there is none. */
const phoneAndGoogleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/request-otp',
    {
      preHandler: rateLimit(ctx, 'otp', 'otp-phone'),
      schema: {
        operationId: 'requestSignInCode',
        summary: 'Send a 6-digit sign-in code by SMS',
        description:
          'Sends a code for POST /auth/verify-otp or POST /users/me/phone/verify. One code per number per cooldown ' +
          '(429 with Retry-After inside it); 503 `auth.method_disabled` when the server has no SMS sender configured.',
        tags,
        body: requestOtpBody,
        response: { 200: otpSentResponse, ...problems('auth.method_disabled', 'otp.send_failed') },
      },
    },
    async (req) => requestOtp(ctx, req.body.phoneNumber),
  );

  app.post(
    '/auth/verify-otp',
    {
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'signInWithPhone',
        summary: 'Sign in with a phone number and its SMS code',
        description:
          'Signs in to the account that verified this number, or creates one with `name` (`created: true`). Each code ' +
          `works once and allows a few tries, then is locked (403 \`otp.locked\`): request a new one. ${sameDevice}`,
        tags,
        body: verifyOtpBody,
        response: { 200: signInResponse, ...problems('otp.invalid', 'otp.expired', 'otp.locked', 'auth.suspended') },
      },
    },
    async (req) => verifyOtp(ctx, req.body),
  );

  app.post(
    '/auth/google',
    {
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'signInWithGoogle',
        summary: 'Sign in with a Google ID token',
        description:
          'Signs in to the account linked to this Google account, or creates one when no account has its email. An account ' +
          'that already has the email is not linked here (409 `auth.account_exists`): sign in to it and use POST /auth/google/link.',
        tags,
        body: googleBody,
        response: {
          200: signInResponse,
          ...problems('auth.google_invalid', 'auth.account_exists', 'auth.method_disabled', 'auth.suspended'),
        },
      },
    },
    async (req) => signInWithGoogle(ctx, req.body),
  );

  app.post(
    '/auth/google/link',
    {
      onRequest: authenticate(ctx),
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'linkGoogleAccount',
        summary: 'Link a Google account to your account',
        description:
          'From then on, signing in with that Google account reaches this one. Linking it again is a no-op; a Google ' +
          'account already linked to another account is 409 `auth.account_exists`.',
        tags,
        ...secured,
        body: linkGoogleBody,
        response: { 200: success, ...problems('auth.google_invalid', 'auth.account_exists', 'auth.method_disabled') },
      },
    },
    async (req) => {
      await linkGoogle(ctx, req.auth.userId, req.body.idToken);
      return { success: true as const };
    },
  );
};

/** The signed-in user's own session and devices. */
const sessionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.post(
    '/auth/logout',
    {
      schema: {
        operationId: 'signOut',
        summary: 'Sign out this session',
        description: 'Ends the session of the access token: its tokens stop working at once and its sockets are closed.',
        tags,
        ...secured,
        response: { 200: success },
      },
    },
    async (req) => {
      await revokeSession(ctx, req.auth.sessionId, req.auth.userId);
      return { success: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        operationId: 'getCurrentUser',
        summary: 'Get the signed-in user',
        description: 'Your own profile, with the fields only you see (email, phone number), as GET /users/me.',
        tags,
        ...secured,
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (req) => ({ user: await presentUser(ctx, await findUser(ctx.db, req.auth.userId), req.auth.userId) }),
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        operationId: 'listSessions',
        summary: 'List your signed-in devices',
        description: 'Your live sessions, most recently used first; `current` marks the one making this request.',
        tags,
        ...secured,
        response: { 200: z.object({ sessions: z.array(sessionSchema) }) },
      },
    },
    async (req) => ({ sessions: await listSessions(ctx, req.auth.userId, req.auth.sessionId) }),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        operationId: 'revokeSession',
        summary: 'Sign out one of your devices',
        description:
          'Ends one of your own sessions: its tokens stop working and its sockets close. A session that is not yours, ' +
          'or already ended, is 404 `session.not_found`.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('session.not_found') },
      },
    },
    async (req) => {
      await revokeOwnSession(ctx, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );
};
