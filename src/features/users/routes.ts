import { and, asc, gt, ilike, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { decodeCursor, encodeCursor, likePattern } from '../../lib/pagination.js';
import { idParams, limitParam, plainText } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { verifyPhone, verifyPhoneBody } from '../auth/otp.js';
import { blockedUsers, blockUser, unblockUser } from './blocks.js';
import { contactSyncBody, syncContacts } from './contacts.js';
import { USERNAME_RE } from './profile.js';
import { findUser, presentUser, presentUsers } from './queries.js';
import { userSchema } from './schemas.js';
import { updateProfile, updateProfileBody } from './updateProfile.js';

const tags = ['users'];
const userResponse = z.object({ user: userSchema });
const success = z.object({ success: z.literal(true) });

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.get(
    '/users',
    {
      schema: {
        tags,
        ...secured,
        // No listing of every account: a search term is required (and searches are rate-limited per user).
        querystring: z.object({
          search: plainText(100).pipe(z.string().min(2, 'must be at least 2 characters')),
          limit: limitParam,
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: z.object({ users: z.array(userSchema), nextCursor: z.string().nullable(), hasMore: z.boolean() }) },
      },
    },
    async (req) => {
      const { search, limit } = req.query;
      // A username, as issued: anything else (a NUL byte would fail in PostgreSQL) is not our cursor.
      const after = decodeCursor(req.query.cursor, z.string().regex(USERNAME_RE));
      const where: (SQL | undefined)[] = [
        ne(users.id, req.auth.userId),
        notExists(sql`(select 1 from blocks b where b.blocker_id = ${users.id} and b.blocked_id = ${req.auth.userId})`),
      ];
      where.push(or(ilike(users.name, likePattern(search)), ilike(users.username, likePattern(search))));
      if (after !== undefined) where.push(gt(users.username, after));
      const found = await ctx.db
        .select()
        .from(users)
        .where(and(...where))
        .orderBy(asc(users.username))
        .limit(limit + 1);
      const hasMore = found.length > limit;
      const page = found.slice(0, limit);
      return {
        users: await presentUsers(ctx, page, req.auth.userId),
        nextCursor: hasMore ? encodeCursor(page.at(-1)!.username) : null,
        hasMore,
      };
    },
  );

  app.get('/users/me', { schema: { tags, ...secured, response: { 200: userResponse } } }, async (req) => ({
    user: await presentUser(ctx, await findUser(ctx.db, req.auth.userId), req.auth.userId),
  }));

  app.patch('/users/me', { schema: { tags, ...secured, body: updateProfileBody, response: { 200: userResponse } } }, async (req) => ({
    user: await presentUser(ctx, await updateProfile(ctx, req.auth.userId, req.body), req.auth.userId),
  }));

  app.post(
    '/users/me/phone/verify',
    { schema: { tags, ...secured, body: verifyPhoneBody, response: { 200: userResponse } } },
    async (req) => ({ user: await presentUser(ctx, await verifyPhone(ctx, req.auth.userId, req.body), req.auth.userId) }),
  );

  app.post(
    '/users/contacts/sync',
    {
      schema: {
        tags,
        ...secured,
        body: contactSyncBody,
        response: {
          200: z.object({
            users: z.array(userSchema),
            matches: z.array(z.object({ input: z.string(), phoneNumber: z.string(), userId: z.uuid() })),
          }),
        },
      },
    },
    async (req) => syncContacts(ctx, req.auth.userId, req.body),
  );

  app.get('/users/:id', { schema: { tags, ...secured, params: idParams, response: { 200: userResponse } } }, async (req) => ({
    user: await presentUser(ctx, await findUser(ctx.db, req.params.id), req.auth.userId),
  }));

  app.post('/users/:id/block', { schema: { tags, ...secured, params: idParams, response: { 200: success } } }, async (req) => {
    await blockUser(ctx, req.auth.userId, req.params.id);
    return { success: true as const };
  });

  app.delete('/users/:id/block', { schema: { tags, ...secured, params: idParams, response: { 200: success } } }, async (req) => {
    await unblockUser(ctx, req.auth.userId, req.params.id);
    return { success: true as const };
  });

  app.get(
    '/users/me/blocks',
    { schema: { tags, ...secured, response: { 200: z.object({ users: z.array(userSchema) }) } } },
    async (req) => ({ users: await presentUsers(ctx, await blockedUsers(ctx.db, req.auth.userId), req.auth.userId) }),
  );
};
