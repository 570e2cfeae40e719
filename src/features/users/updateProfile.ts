import { plainText } from '@parley/protocol';
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { uniqueViolation } from '../../lib/pgErrors.js';
import { E164_RE } from '../../lib/phone.js';
import { personName, username } from '../auth/schemas.js';
import { initialsOf } from './profile.js';
import type { UserRow } from './queries.js';

const e164 = z.string().trim().regex(E164_RE, 'must be an E.164 phone number like +14155550123');

export const updateProfileBody = z
  .object({
    name: personName.optional(),
    username: username.optional(),
    bio: plainText(500).nullable().optional(),
    phoneNumber: e164.nullable().optional(),
  })
  .strict();

export async function updateProfile(ctx: AppContext, actorId: string, input: z.output<typeof updateProfileBody>): Promise<UserRow> {
  try {
    return await ctx.db.transaction(async (tx) => {
      // Phone numbers are not checked against other accounts: that would tell anyone who owns a
      // number. Only a verified number is unique (POST /users/me/phone/verify, OTP sign-in).
      if (input.username) {
        const [clash] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(ne(users.id, actorId), eq(users.username, input.username)));
        if (clash) throw fail('user.username_taken', 'that username is taken');
      }
      const [row] = await tx
        .update(users)
        .set({
          ...(input.name !== undefined ? { name: input.name, initials: initialsOf(input.name) } : {}),
          ...(input.username !== undefined ? { username: input.username } : {}),
          ...(input.bio !== undefined ? { bio: input.bio || null } : {}),
          // A typed-in number is unverified (no sign-in, no contact matching) until proven by OTP.
          ...(input.phoneNumber !== undefined
            ? {
                phoneNumber: input.phoneNumber,
                phoneVerifiedAt: sql`case when ${users.phoneNumber} is not distinct from ${input.phoneNumber} then ${users.phoneVerifiedAt} end`,
              }
            : {}),
          updatedAt: new Date(),
        })
        .where(eq(users.id, actorId))
        .returning();
      if (!row) throw fail('user.not_found');
      return row;
    });
  } catch (err) {
    const index = uniqueViolation(err);
    if (index === 'users_username_key') throw fail('user.username_taken', 'that username is taken');
    throw err;
  }
}
