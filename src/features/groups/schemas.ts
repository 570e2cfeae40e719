import { conversationSchema, displayName, groupSummarySchema, invitationSchema, memberSchema, plainText, uuid } from '@parley/protocol';
import { z } from 'zod';
import { pageFields, pageQuery } from '../conversations/schemas.js';
import { emojiIcon, iconBackground } from './icons.js';

/** Most user ids one request may add (POST /groups, POST /groups/:id/members); GROUP_MAX_MEMBERS still applies. */
export const MAX_IDS_PER_REQUEST = 256;

const name = displayName(100);
const icon = emojiIcon.nullable();
const iconBg = iconBackground.nullable();
const about = plainText(1000).nullable();
const visibility = z.enum(['public', 'private']);
export const historyVisibility = z.enum(['joined', 'shared']);
const mentionAll = z
  .enum(['admins', 'members'])
  .meta({ description: 'Who may mention everyone (`mentions.all`): owners and admins, or any member.' });

const pinPermission = z
  .enum(['admins', 'members'])
  .meta({ description: 'Who may pin and unpin messages: owners and admins, or any member.' });
const postPermission = z.enum(['admins', 'members']).meta({
  description:
    "Who may post: owners and admins only ('admins': a broadcast group, up to BROADCAST_MAX_MEMBERS members, whose members " +
    'react and read), or every member (up to GROUP_MAX_MEMBERS).',
});

const messageRetentionDays = z.number().int().min(1).max(36_500).nullable().meta({
  description:
    "Days a message is kept before it is purged; null: the server's default (MESSAGE_RETENTION_DAYS). Longer or shorter than it.",
  example: 90,
});

export const createGroupBody = z
  .object({
    name,
    icon: icon.optional(),
    iconBg: iconBg.optional(),
    about: about.optional(),
    visibility: visibility.default('private'),
    historyVisibility: historyVisibility.default('joined'),
    mentionAll: mentionAll.default('admins'),
    pinPermission: pinPermission.default('admins'),
    postPermission: postPermission.default('members'),
    memberIds: z.array(uuid).max(MAX_IDS_PER_REQUEST).default([]),
  })
  .strict();

export const updateGroupBody = z
  .object({
    name: name.optional(),
    icon: icon.optional(),
    iconBg: iconBg.optional(),
    about: about.optional(),
    visibility: visibility.optional(),
    historyVisibility: historyVisibility.optional(),
    mentionAll: mentionAll.optional(),
    pinPermission: pinPermission.optional(),
    postPermission: postPermission.optional(),
    messageRetentionDays: messageRetentionDays.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

export const memberIdsBody = z.object({ userIds: z.array(uuid).min(1).max(MAX_IDS_PER_REQUEST) }).strict();
export const roleBody = z.object({ role: z.enum(['admin', 'member']) }).strict();
export const memberParams = z.object({ id: uuid, userId: uuid });

export const groupResponse = z.object({ group: conversationSchema });

export const groupListQuery = pageQuery.extend({
  search: plainText(100).optional().meta({ description: 'Only groups whose name or description contains this.', example: 'tech' }),
});
export const groupList = z.object({
  joined: z.array(conversationSchema).meta({ description: 'Groups you are in.' }),
  discover: z.array(groupSummarySchema).meta({ description: 'Public groups you are not in.' }),
  ...pageFields,
});

export const groupDetailsResponse = z.object({
  group: z.union([conversationSchema, groupSummarySchema]).meta({
    description: 'Your view of the group (a Conversation) when you are a member, else its public summary.',
  }),
  members: z.array(memberSchema),
  memberCount: z.number().int().meta({ example: 12 }),
  membersNextCursor: z.string().nullable().meta({
    description: 'More members than `members` lists: the `cursor` for GET /groups/:id/members; null when that is all of them.',
  }),
});

export const memberPageResponse = z.object({ members: z.array(memberSchema), ...pageFields });

export const joinedResponse = z.object({ success: z.literal(true), conversation: conversationSchema });
export const acceptedResponse = z.object({ conversation: conversationSchema });
export const inviteBody = z.object({ userId: uuid.meta({ description: 'Who to invite.' }) }).strict();
export const invitationResponse = z.object({ invitation: invitationSchema });
export const invitationList = z.object({ invitations: z.array(invitationSchema), ...pageFields });
