import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { pageQuery } from '../conversations/schemas.js';
import { rateLimit } from '../limits/rateLimits.js';
import { success } from '../messages/schemas.js';
import { addMembers, changeRole, createGroup, joinGroup, removeMember, updateGroup } from './commands.js';
import { invite, myInvitations, respondToInvitation } from './invitations.js';
import { DETAILS_MEMBERS, groupDetails, memberPage } from './memberList.js';
import { listGroups } from './queries.js';
import {
  acceptedResponse,
  createGroupBody,
  groupDetailsResponse,
  groupList,
  groupListQuery,
  groupResponse,
  invitationList,
  invitationResponse,
  inviteBody,
  joinedResponse,
  memberIdsBody,
  memberPageResponse,
  memberParams,
  roleBody,
  updateGroupBody,
} from './schemas.js';

const tags = ['groups'];
/** What 404 and 403 mean on every route of one group. */
const access =
  'A group that does not exist and a private one you are not in are both 404 `group.not_found`; ' +
  'in a public group you are not in, member-only actions are 403 `forbidden`.';
/** The codes of a route that acts on one group as a member (membership.ts: lockGroup, requireMember). */
const asMember = ['group.not_found', 'forbidden'] as const;
/** …and as an admin (requireAdmin). */
const asAdmin = [...asMember, 'group.not_admin'] as const;

/** Every group route needs the bearer token. */
export const groupRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticate(ctx));
  await app.register(groupCrudRoutes, { ctx });
  await app.register(memberListRoutes, { ctx });
  await app.register(memberRoutes, { ctx });
  await app.register(joinAndLeaveRoutes, { ctx });
  await app.register(invitationRoutes, { ctx });
};

/** Listing, creating, reading and editing groups. */
const groupCrudRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/groups',
    {
      schema: {
        operationId: 'listGroups',
        summary: 'List your groups and public groups to join',
        description:
          '`joined`: your groups, in conversation-list order; `discover`: public groups you are not in, newest activity ' +
          'first. Both page together (`limit` each) with one cursor; `search` filters both by name or description.',
        tags,
        ...secured,
        querystring: groupListQuery,
        response: { 200: groupList },
      },
    },
    async (req) => listGroups(ctx, req.auth.userId, { ...req.query, search: req.query.search || undefined }),
  );

  app.post(
    '/groups',
    {
      preHandler: rateLimit(ctx, 'groups'),
      schema: {
        operationId: 'createGroup',
        summary: 'Create a group',
        description:
          'Creates a group with you as its owner and `memberIds` as members (each must exist, with no block between you ' +
          "either way). Private by default. `postPermission: 'admins'` makes a broadcast group: only owners and admins post " +
          '(others get 403 `message.post_forbidden`), members react and read, and it holds up to BROADCAST_MAX_MEMBERS ' +
          "members (else GROUP_MAX_MEMBERS). Someone whose privacy allows group adds from contacts only (`groupAdds: 'contacts'`) " +
          'and who shares no conversation with you refuses it all: 403 `group.add_forbidden`, each such user in `errors`; ' +
          'invite them instead. Rate-limited per user (RATE_LIMIT_GROUPS_PER_USER).',
        tags,
        ...secured,
        body: createGroupBody,
        response: { 201: groupResponse, ...problems('user.not_found', 'user.blocked', 'group.full', 'group.add_forbidden') },
      },
    },
    async (req, reply) => reply.status(201).send({ group: await createGroup(ctx, req.auth.userId, req.body) }),
  );

  app.get(
    '/groups/:id',
    {
      schema: {
        operationId: 'getGroup',
        summary: 'Get a group and its members',
        description:
          `A group with its first ${DETAILS_MEMBERS} members (owner, then admins, then members, by joining time; the rest ` +
          'through GET /groups/:id/members from `membersNextCursor`): for its members, and for anyone when it is public. ' +
          'A group that does not exist and a private one you are not in are both 404.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: groupDetailsResponse, ...problems('group.not_found') },
      },
    },
    async (req) => groupDetails(ctx, req.auth.userId, req.params.id),
  );

  app.patch(
    '/groups/:id',
    {
      schema: {
        operationId: 'updateGroup',
        summary: 'Change a group',
        description:
          'Owner and admins change its name, icon, description, visibility, history visibility, `mentionAll`, `pinPermission`, ' +
          "`postPermission` ('admins' makes a broadcast group; back to 'members' only within GROUP_MAX_MEMBERS, else 409 " +
          '`group.full`) or ' +
          '`messageRetentionDays` (days messages are kept; null: the server default); a rename and a retention change are ' +
          `recorded as system messages and members hear \`conversation:updated\`. ${access}`,
        tags,
        ...secured,
        params: idParams,
        body: updateGroupBody,
        response: { 200: groupResponse, ...problems(...asAdmin, 'group.full') },
      },
    },
    async (req) => ({ group: await updateGroup(ctx, req.auth.userId, req.params.id, req.body) }),
  );
};

/** A big group's members, a page at a time. */
const memberListRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/groups/:id/members',
    {
      schema: {
        operationId: 'listGroupMembers',
        summary: "A page of a group's members",
        description:
          'Members in the order of GET /groups/:id (owner, then admins, then members, by joining time), a page at a time: ' +
          'for big groups (a broadcast group has up to BROADCAST_MAX_MEMBERS). Who may see it as for GET /groups/:id.',
        tags,
        ...secured,
        params: idParams,
        querystring: pageQuery,
        response: { 200: memberPageResponse, ...problems('group.not_found') },
      },
    },
    async (req) => memberPage(ctx, req.auth.userId, req.params.id, req.query),
  );
};

/** Members and roles. */
const memberRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/groups/:id/members',
    {
      preHandler: rateLimit(ctx, 'group-member-adds'),
      schema: {
        operationId: 'addGroupMembers',
        summary: 'Add members to a group',
        description:
          'Owner and admins add users (each must exist, with no block between you either way); those already in are ' +
          'skipped, so repeating is harmless. Users who allow group adds from contacts only, when you share no conversation, ' +
          'refuse it all: 403 `group.add_forbidden` with each of them in `errors` (invite them instead). Rate-limited per ' +
          `user (RATE_LIMIT_GROUP_MEMBER_ADDS_PER_USER). ${access}`,
        tags,
        ...secured,
        params: idParams,
        body: memberIdsBody,
        response: { 200: success, ...problems(...asAdmin, 'user.not_found', 'user.blocked', 'group.full', 'group.add_forbidden') },
      },
    },
    async (req) => {
      await addMembers(ctx, req.auth.userId, req.params.id, req.body.userIds);
      return { success: true as const };
    },
  );

  app.delete(
    '/groups/:id/members/:userId',
    {
      schema: {
        operationId: 'removeGroupMember',
        summary: 'Remove a member from a group',
        description:
          'Admins remove members; only the owner removes an admin; nobody removes the owner. Your own id leaves the group. ' +
          `A \`userId\` who is not a member is 404 \`user.not_found\`. ${access}`,
        tags,
        ...secured,
        params: memberParams,
        response: { 200: success, ...problems(...asAdmin, 'user.not_found', 'group.owner_protected') },
      },
    },
    async (req) => {
      await removeMember(ctx, req.auth.userId, req.params.id, req.params.userId);
      return { success: true as const };
    },
  );

  app.patch(
    '/groups/:id/members/:userId',
    {
      schema: {
        operationId: 'changeGroupMemberRole',
        summary: "Change a member's role",
        description:
          'Owner and admins make members admins; the owner demotes admins, who may also step down; nobody changes the ' +
          `owner's role. A \`userId\` who is not a member is 404 \`user.not_found\`. ${access}`,
        tags,
        ...secured,
        params: memberParams,
        body: roleBody,
        response: { 200: success, ...problems(...asAdmin, 'user.not_found', 'group.owner_protected') },
      },
    },
    async (req) => {
      await changeRole(ctx, req.auth.userId, req.params.id, req.params.userId, req.body.role);
      return { success: true as const };
    },
  );
};

/** Joining a public group, leaving any. */
const joinAndLeaveRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/groups/:id/join',
    {
      schema: {
        operationId: 'joinGroup',
        summary: 'Join a public group',
        description:
          'Joins a public group and returns it as your conversation; a member joining again gets the same answer. ' +
          'A group that does not exist and a private one you are not in are both 404 (private groups are joined by invitation).',
        tags,
        ...secured,
        params: idParams,
        response: { 200: joinedResponse, ...problems('group.not_found', 'group.full') },
      },
    },
    async (req) => ({ success: true as const, conversation: await joinGroup(ctx, req.auth.userId, req.params.id) }),
  );

  app.post(
    '/groups/:id/leave',
    {
      schema: {
        operationId: 'leaveGroup',
        summary: 'Leave a group',
        description: `Leaves the group; an owner who leaves hands it to the longest-standing admin, else member. ${access}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems(...asMember) },
      },
    },
    async (req) => {
      await removeMember(ctx, req.auth.userId, req.params.id, req.auth.userId);
      return { success: true as const };
    },
  );
};

/** Invitations to a group: sent, listed, accepted or declined. */
const invitationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/groups/:id/invitations',
    {
      schema: {
        operationId: 'inviteToGroup',
        summary: 'Invite a user to a group',
        description:
          'Members invite to public groups, admins to private ones; the invitee hears `invitation:new`. One pending ' +
          `invitation per person and group: 201 when this request created it, 200 with the pending one. ${access}`,
        tags,
        ...secured,
        params: idParams,
        body: inviteBody,
        response: {
          200: invitationResponse,
          201: invitationResponse,
          ...problems(...asAdmin, 'user.not_found', 'user.blocked', 'group.already_member'),
        },
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
        operationId: 'listInvitations',
        summary: 'List your pending invitations',
        description: 'Invitations to groups waiting for your answer, newest first, a page at a time.',
        tags,
        ...secured,
        querystring: pageQuery,
        response: { 200: invitationList },
      },
    },
    async (req) => myInvitations(ctx, req.auth.userId, req.query),
  );

  app.post(
    '/invitations/:id/accept',
    {
      schema: {
        operationId: 'acceptInvitation',
        summary: 'Accept an invitation',
        description:
          'Joins the group (private ones included) and returns it as your conversation, if the group still allows it: ' +
          'else, as for one that is not yours or already answered, 404 `invitation.not_found`.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: acceptedResponse, ...problems('invitation.not_found', 'group.full') },
      },
    },
    async (req) => ({ conversation: (await respondToInvitation(ctx, req.auth.userId, req.params.id, true))! }),
  );

  app.post(
    '/invitations/:id/decline',
    {
      schema: {
        operationId: 'declineInvitation',
        summary: 'Decline an invitation',
        description: 'Closes a pending invitation of yours; one that is not yours or already answered is 404.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('invitation.not_found') },
      },
    },
    async (req) => {
      await respondToInvitation(ctx, req.auth.userId, req.params.id, false);
      return { success: true as const };
    },
  );
};
