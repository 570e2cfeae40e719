import { z } from 'zod';
import { displayName, plainText, uuid } from '../../lib/validation.js';
import { conversationSchema } from '../conversations/schemas.js';
import { userSchema } from '../users/schemas.js';
import { emojiIcon, iconBackground } from './icons.js';
import { groupSummarySchema } from './summary.js';

/** Most user ids one request may add (POST /groups, POST /groups/:id/members); GROUP_MAX_MEMBERS still applies. */
export const MAX_IDS_PER_REQUEST = 256;

const name = displayName(100);
const icon = emojiIcon.nullable();
const iconBg = iconBackground.nullable();
const about = plainText(1000).nullable();
const visibility = z.enum(['public', 'private']);
export const historyVisibility = z.enum(['joined', 'shared']);

export const createGroupBody = z
  .object({
    name,
    icon: icon.optional(),
    iconBg: iconBg.optional(),
    about: about.optional(),
    visibility: visibility.default('private'),
    historyVisibility: historyVisibility.default('joined'),
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
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

export const memberIdsBody = z.object({ userIds: z.array(uuid).min(1).max(MAX_IDS_PER_REQUEST) }).strict();
export const roleBody = z.object({ role: z.enum(['admin', 'member']) }).strict();
export const memberParams = z.object({ id: uuid, userId: uuid });

export const memberSchema = z.object({ user: userSchema, role: z.enum(['owner', 'admin', 'member']), joinedAt: z.string() });

export const invitationSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  group: groupSummarySchema,
  inviter: userSchema,
  status: z.enum(['pending', 'accepted', 'declined', 'revoked']),
  createdAt: z.string(),
});

export const groupResponse = z.object({ group: conversationSchema });
