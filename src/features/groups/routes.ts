import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams, plainText, uuid } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { conversationSchema, pageQuery } from '../conversations/schemas.js';
import { addMembers, changeRole, createGroup, joinGroup, removeMember, updateGroup } from './commands.js';
import { invite, myInvitations, respond } from './invitations.js';
import { groupDetails, listGroups } from './queries.js';
import {
  createGroupBody,
  groupResponse,
  invitationSchema,
  memberIdsBody,
  memberParams,
  memberSchema,
  roleBody,
  updateGroupBody,
} from './schemas.js';
import { groupSummarySchema } from './summary.js';

const tags = ['groups'];
const success = z.object({ success: z.literal(true) });
const pageFields = { nextCursor: z.string().nullable(), hasMore: z.boolean() };

export const groupRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));

  app.get(
    '/groups',
    {
      schema: {
        tags,
        ...secured,
        querystring: pageQuery.extend({ search: plainText(100).optional() }),
        response: { 200: z.object({ joined: z.array(conversationSchema), discover: z.array(groupSummarySchema), ...pageFields }) },
      },
    },
    async (req) => listGroups(ctx, req.auth.userId, { ...req.query, search: req.query.search || undefined }),
  );

  app.post('/groups', { schema: { tags, ...secured, body: createGroupBody, response: { 201: groupResponse } } }, async (req, reply) =>
    reply.status(201).send({ group: await createGroup(ctx, req.auth.userId, req.body) }),
  );

  app.get(
    '/groups/:id',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        response: {
          200: z.object({
            group: z.union([conversationSchema, groupSummarySchema]),
            members: z.array(memberSchema),
            memberCount: z.number().int(),
          }),
        },
      },
    },
    async (req) => groupDetails(ctx, req.auth.userId, req.params.id),
  );

  app.patch(
    '/groups/:id',
    { schema: { tags, ...secured, params: idParams, body: updateGroupBody, response: { 200: groupResponse } } },
    async (req) => ({ group: await updateGroup(ctx, req.auth.userId, req.params.id, req.body) }),
  );

  app.post(
    '/groups/:id/members',
    { schema: { tags, ...secured, params: idParams, body: memberIdsBody, response: { 200: success } } },
    async (req) => {
      await addMembers(ctx, req.auth.userId, req.params.id, req.body.userIds);
      return { success: true as const };
    },
  );

  app.delete(
    '/groups/:id/members/:userId',
    { schema: { tags, ...secured, params: memberParams, response: { 200: success } } },
    async (req) => {
      await removeMember(ctx, req.auth.userId, req.params.id, req.params.userId);
      return { success: true as const };
    },
  );

  app.patch(
    '/groups/:id/members/:userId',
    { schema: { tags, ...secured, params: memberParams, body: roleBody, response: { 200: success } } },
    async (req) => {
      await changeRole(ctx, req.auth.userId, req.params.id, req.params.userId, req.body.role);
      return { success: true as const };
    },
  );

  app.post(
    '/groups/:id/join',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        response: { 200: z.object({ success: z.literal(true), conversation: conversationSchema }) },
      },
    },
    async (req) => ({ success: true as const, conversation: await joinGroup(ctx, req.auth.userId, req.params.id) }),
  );

  app.post('/groups/:id/leave', { schema: { tags, ...secured, params: idParams, response: { 200: success } } }, async (req) => {
    await removeMember(ctx, req.auth.userId, req.params.id, req.auth.userId);
    return { success: true as const };
  });

  app.post(
    '/groups/:id/invitations',
    {
      schema: {
        tags,
        ...secured,
        params: idParams,
        body: z.object({ userId: uuid }).strict(),
        response: { 200: z.object({ invitation: invitationSchema }), 201: z.object({ invitation: invitationSchema }) },
      },
    },
    async (req, reply) => {
      const { invitation, created } = await invite(ctx, req.auth.userId, req.params.id, req.body.userId);
      return reply.status(created ? 201 : 200).send({ invitation });
    },
  );

  app.get(
    '/invitations',
    {
      schema: {
        tags,
        ...secured,
        querystring: pageQuery,
        response: { 200: z.object({ invitations: z.array(invitationSchema), ...pageFields }) },
      },
    },
    async (req) => myInvitations(ctx, req.auth.userId, req.query),
  );

  app.post(
    '/invitations/:id/accept',
    { schema: { tags, ...secured, params: idParams, response: { 200: z.object({ conversation: conversationSchema }) } } },
    async (req) => ({ conversation: (await respond(ctx, req.auth.userId, req.params.id, true))! }),
  );

  app.post('/invitations/:id/decline', { schema: { tags, ...secured, params: idParams, response: { 200: success } } }, async (req) => {
    await respond(ctx, req.auth.userId, req.params.id, false);
    return { success: true as const };
  });
};
