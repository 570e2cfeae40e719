import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { verifyPhone, verifyPhoneBody } from '../auth/otp.js';
import { rateLimit } from '../limits/rateLimits.js';
import { blockedUsers, blockUser, unblockUser } from './blocks.js';
import { contactSyncBody, syncContacts } from './contacts.js';
import { deleteAccount, deleteAccountBody } from './deleteAccount.js';
import { exportUserData, sendArchive } from './export.js';
import { ownProfile } from './ownProfile.js';
import { privacyRoutes } from './privacyRoutes.js';
import { findUser, presentUser, presentUsers } from './queries.js';
import { contactSyncResponse, success, userResponse, userSearchPage, userSearchQuery, usersResponse } from './schemas.js';
import { searchUsers } from './search.js';
import { updateProfile, updateProfileBody } from './updateProfile.js';

const tags = ['users'];

/** Every user route needs the bearer token. */
export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));
  await app.register(profileRoutes, { ctx });
  await app.register(privacyRoutes, { ctx });
  await app.register(exportRoutes, { ctx });
  await app.register(findPeopleRoutes, { ctx });
  await app.register(blockRoutes, { ctx });
};

/** Your own profile. */
const profileRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/users/me',
    {
      schema: {
        operationId: 'getOwnProfile',
        summary: 'Get your own profile',
        description:
          'Your profile, with the fields only you see: email, phone number and whether they are verified, and your media ' +
          'storage: `storageUsed` and `storageQuota` in bytes (null: no quota).',
        tags,
        ...secured,
        response: { 200: userResponse },
      },
    },
    async (req) => ({ user: await ownProfile(ctx, await findUser(ctx.db, req.auth.userId)) }),
  );

  app.patch(
    '/users/me',
    {
      schema: {
        operationId: 'updateProfile',
        summary: 'Update your profile',
        description:
          'Changes only the fields given; `null` clears `bio` or `phoneNumber`. A new phone number is unverified (it neither ' +
          'signs in nor matches contacts) until proven with POST /users/me/phone/verify. A taken username is 409.',
        tags,
        ...secured,
        body: updateProfileBody,
        response: { 200: userResponse, ...problems('user.username_taken') },
      },
    },
    async (req) => ({ user: await ownProfile(ctx, await updateProfile(ctx, req.auth.userId, req.body)) }),
  );

  app.delete(
    '/users/me',
    {
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'deleteAccount',
        summary: 'Delete your account',
        description:
          'Erases your account (GDPR Art. 17). An account with a password sends it as `password`; one without (phone or ' +
          'Google sign-in) must have signed in within the last 10 minutes; otherwise 403 `auth.reauth_required`. Your ' +
          'messages become deleted tombstones for everyone, you leave every group (ownership passes on), and your sessions ' +
          '(sockets closed), push devices, keys, sign-in identities, blocks, reactions, media and profile are gone; your ' +
          'username is free again. Your user id stays, on an anonymous "Deleted account" that direct chats still show.',
        tags,
        ...secured,
        body: deleteAccountBody,
        response: { 204: { description: 'The account is deleted.' }, ...problems('auth.reauth_required') },
      },
    },
    async (req, reply) => {
      await deleteAccount(ctx, req.auth.userId, req.auth.sessionId, req.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/users/me/phone/verify',
    {
      preHandler: rateLimit(ctx, 'login'),
      schema: {
        operationId: 'verifyPhoneNumber',
        summary: 'Prove your phone number with an SMS code',
        description:
          'With a code from POST /auth/request-otp, the number becomes your verified one: phone sign-in reaches this account ' +
          'and contact sync finds you. A number another account has verified is 409 `user.phone_taken`.',
        tags,
        ...secured,
        body: verifyPhoneBody,
        response: { 200: userResponse, ...problems('otp.invalid', 'otp.expired', 'otp.locked', 'user.phone_taken') },
      },
    },
    async (req) => ({ user: await presentUser(ctx, await verifyPhone(ctx, req.auth.userId, req.body), req.auth.userId) }),
  );
};

/** Your data, to take elsewhere. */
const exportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/users/me/export',
    {
      preHandler: rateLimit(ctx, 'exports'),
      schema: {
        operationId: 'exportOwnData',
        summary: 'Download your data as a zip',
        description:
          'A zip archive of your data (GDPR Art. 20), streamed as it is read: `profile.json`, `conversations.json` (every ' +
          'conversation you are a member of, with your role and settings), `messages/<conversationId>.json` (the messages you ' +
          'sent, oldest first, deleted ones left out), `media/` (every file you uploaded) with `media.json` describing them, ' +
          'and a `README.txt`.',
        tags,
        ...secured,
        response: {
          200: {
            description: 'The archive.',
            headers: { 'Content-Disposition': { type: 'string', description: '`attachment; filename="parley-export-<date>.zip"`.' } },
            content: { 'application/zip': { schema: z.file().meta({ description: 'A zip archive.' }) } },
          },
        },
      },
    },
    async (req, reply) => sendArchive(reply, await exportUserData(ctx, req.auth.userId)),
  );
};

/** Search, contacts, other people's profiles. */
const findPeopleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/users',
    {
      preHandler: rateLimit(ctx, 'user-search'),
      schema: {
        operationId: 'searchUsers',
        summary: 'Search people by name or username',
        description:
          'People whose name or username contains `search`, by username, a page at a time: pass the `nextCursor` of a page ' +
          'as `cursor` for the next. Never you, nor anyone who blocked you. Searches are rate-limited per user.',
        tags,
        ...secured,
        querystring: userSearchQuery,
        response: { 200: userSearchPage },
      },
    },
    async (req) => searchUsers(ctx, req.auth.userId, req.query),
  );

  app.post(
    '/users/contacts/sync',
    {
      preHandler: rateLimit(ctx, 'contact-sync'),
      schema: {
        operationId: 'syncContacts',
        summary: 'Find which of your contacts use Parley',
        description:
          'Each number is read as E.164 (national ones with `defaultCountryCode`; what cannot be read is skipped). Only ' +
          'numbers their owners verified match, never you nor anyone who blocked you; `matches` maps each number sent to its user.',
        tags,
        ...secured,
        body: contactSyncBody,
        response: { 200: contactSyncResponse },
      },
    },
    async (req) => syncContacts(ctx, req.auth.userId, req.body),
  );

  app.get(
    '/users/:id',
    {
      schema: {
        operationId: 'getUser',
        summary: 'Get a user’s profile',
        description:
          'Their public profile. Online state and last-seen time only when you share a conversation and no block stands ' +
          'between you; otherwise offline with no last-seen time.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: userResponse, ...problems('user.not_found') },
      },
    },
    async (req) => ({ user: await presentUser(ctx, await findUser(ctx.db, req.params.id), req.auth.userId) }),
  );
};

/** Blocking is private to the blocker: the blocked user is not told. */
const blockRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/users/:id/block',
    {
      schema: {
        operationId: 'blockUser',
        summary: 'Block a user',
        description:
          'No direct messages either way, no presence, and you vanish from their searches and contact syncs. They are not ' +
          'told. Blocking again is harmless; yourself is 422.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('user.not_found', 'user.block_self') },
      },
    },
    async (req) => {
      await blockUser(ctx, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );

  app.delete(
    '/users/:id/block',
    {
      schema: {
        operationId: 'unblockUser',
        summary: 'Unblock a user',
        description: 'Removes your block on the user, if there is one (so repeating is harmless).',
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('user.not_found') },
      },
    },
    async (req) => {
      await unblockUser(ctx, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );

  app.get(
    '/users/me/blocks',
    {
      schema: {
        operationId: 'listBlockedUsers',
        summary: 'List the users you blocked',
        description: 'Everyone you have blocked, oldest block first.',
        tags,
        ...secured,
        response: { 200: usersResponse },
      },
    },
    async (req) => ({ users: await presentUsers(ctx, await blockedUsers(ctx.db, req.auth.userId), req.auth.userId) }),
  );
};
