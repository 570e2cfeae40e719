import { z } from 'zod';
import { limitParam } from '../../lib/validation.js';
import { messageSchema } from '../messages/schemas.js';
import { userSchema } from '../users/schemas.js';

export const conversationSchema = z.object({
  id: z.uuid(),
  type: z.enum(['direct', 'group']),
  name: z.string().nullable(),
  icon: z.string().nullable(),
  iconBg: z.string().nullable(),
  about: z.string().nullable(),
  visibility: z.enum(['public', 'private']).nullable(),
  /** Groups: whether members read the messages from before they joined ('shared') or not ('joined'); null for direct chats. */
  historyVisibility: z.enum(['joined', 'shared']).nullable(),
  lastSeq: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  otherUser: userSchema.nullable(),
  lastMessage: messageSchema.nullable(),
  unreadCount: z.number().int(),
  lastReadSeq: z.number().int(),
  isMuted: z.boolean(),
  isArchived: z.boolean(),
  isPinned: z.boolean(),
  role: z.enum(['owner', 'admin', 'member']).nullable(),
});

/** `?limit=&cursor=` of the lists (conversations, groups, invitations): the cursor is the `nextCursor` of the page before. */
export const pageQuery = z.object({ limit: limitParam, cursor: z.string().max(500).optional() });

const seqParam = z.coerce.number().int().min(0).max(2_147_483_647);

export const historyQuery = z
  .object({
    limit: limitParam,
    before: seqParam.optional(),
    after: seqParam.optional(),
    cursor: seqParam.optional(),
  })
  .refine((q) => q.after === undefined || (q.before === undefined && q.cursor === undefined), {
    message: 'use either after or before/cursor',
    path: ['after'],
  });
