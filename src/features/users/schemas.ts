import { plainText, userSchema } from '@parley/protocol';
import { z } from 'zod';
import { limitParam } from '../../lib/validation.js';

export const userResponse = z.object({ user: userSchema });
export const usersResponse = z.object({ users: z.array(userSchema) });
export const success = z.object({ success: z.literal(true) });

// No listing of every account: a search term is required (and searches are rate-limited per user).
export const userSearchQuery = z.object({
  search: plainText(100)
    .pipe(z.string().min(2, 'must be at least 2 characters'))
    .meta({ description: 'Part of a name or username, at least 2 characters.', example: 'ali' }),
  limit: limitParam,
  cursor: z.string().max(200).optional().meta({ description: 'The `nextCursor` of the previous page.' }),
});

export const userSearchPage = z.object({
  users: z.array(userSchema),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
});

export const contactSyncResponse = z.object({
  users: z.array(userSchema),
  matches: z.array(
    z.object({
      input: z.string().meta({ description: 'The number as sent.', example: '+1 (415) 555-0123' }),
      phoneNumber: z.string().meta({ description: 'The number in E.164.', example: '+14155550123' }),
      userId: z.uuid(),
    }),
  ),
});
