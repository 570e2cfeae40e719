import { z } from 'zod';
import { plainText, uuid } from '../../lib/validation.js';
import { conversationSchema } from '../conversations/schemas.js';
import { userSchema } from '../users/schemas.js';
import { groupSummarySchema } from './summary.js';

const name = plainText(100).pipe(z.string().min(1, 'must not be empty'));
const icon = plainText(16).nullable();
const iconBg = plainText(100).nullable();
const about = plainText(1000).nullable();
const visibility = z.enum(['public', 'private']);

export const createGroupBody = z
  .object({
    name,
    icon: icon.optional(),
    iconBg: iconBg.optional(),
    about: about.optional(),
    visibility: visibility.default('private'),
    memberIds: z.array(uuid).max(1000).default([]),
  })
  .strict();

export const updateGroupBody = z
  .object({ name: name.optional(), icon: icon.optional(), iconBg: iconBg.optional(), about: about.optional(), visibility: visibility.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

export const memberIdsBody = z.object({ userIds: z.array(uuid).min(1).max(1000) }).strict();
export const roleBody = z.object({ role: z.enum(['admin', 'member']) }).strict();
export const memberParams = z.object({ id: uuid, userId: uuid });

export const memberSchema = z.object({ user: userSchema, role: z.enum(['owner', 'admin', 'member']), joinedAt: z.string() });

export const invitationSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  group: groupSummarySchema,
  inviter: userSchema,
  status: z.enum(['pending', 'accepted', 'declined']),
  createdAt: z.string(),
});

export const groupResponse = z.object({ group: conversationSchema });
