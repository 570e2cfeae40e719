import { plainText } from '@parley/protocol';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { authIdentities, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { uniqueViolation } from '../../lib/pgErrors.js';
import { email, personName, username } from '../auth/schemas.js';
import { createUser } from '../auth/signIn.js';
import { initialsOf } from '../users/profile.js';
import { presentUser, type UserRow } from '../users/queries.js';

/** Provisioned users are identities of this provider, keyed by the app's external id (no AUTH_ISSUERS name can be it). */
export const SERVER_PROVIDER = '@server';

export const externalIdParams = z.object({ externalId: plainText(255).pipe(z.string().min(1)) });

export const provisionUserBody = z
  .object({
    name: personName,
    username: username.optional(),
    email: email.optional(),
    avatarUrl: z
      .url()
      .max(2048)
      .regex(/^https:\/\//, 'must be an https URL')
      .optional(),
  })
  .strict();

/** The user the app's backend provisioned under this external id, if any. */
export async function findProvisioned(ex: Executor, externalId: string): Promise<UserRow | undefined> {
  const [row] = await ex
    .select({ user: users })
    .from(authIdentities)
    .innerJoin(users, eq(users.id, authIdentities.userId))
    .where(and(eq(authIdentities.provider, SERVER_PROVIDER), eq(authIdentities.subject, externalId)));
  return row?.user;
}

/**
 * Creates or updates the user of this external id (idempotent: the same body gives the same
 * user). The app's backend vouches for the email. A username or email another account holds → 409.
 */
export async function provisionUser(ctx: AppContext, externalId: string, input: z.output<typeof provisionUserBody>) {
  for (let attempt = 1; ; attempt++) {
    try {
      const user = await ctx.db.transaction(async (tx) => {
        const existing = await findProvisioned(tx, externalId);
        if (!existing) {
          let created = await createUser(tx, { name: input.name, email: input.email ?? null, avatarUrl: input.avatarUrl ?? null });
          if (input.username && created.username !== input.username) {
            const [renamed] = await tx.update(users).set({ username: input.username }).where(eq(users.id, created.id)).returning();
            created = renamed!;
          }
          await tx
            .insert(authIdentities)
            .values({ provider: SERVER_PROVIDER, subject: externalId, userId: created.id, email: input.email });
          return created;
        }
        const [row] = await tx
          .update(users)
          .set({
            name: input.name,
            initials: initialsOf(input.name),
            ...(input.username !== undefined ? { username: input.username } : {}),
            ...(input.email !== undefined ? { email: input.email } : {}),
            ...(input.avatarUrl !== undefined ? { avatarUrl: input.avatarUrl } : {}),
            updatedAt: new Date(),
          })
          .where(eq(users.id, existing.id))
          .returning();
        return row!;
      });
      return { user: await presentUser(ctx, user, user.id) };
    } catch (err) {
      const index = uniqueViolation(err);
      // A concurrent PUT of the same external id (or one that generated the same username) committed
      // first: run again, and find (and update) what it made. A clash that stays is the caller's.
      if (index !== undefined && attempt < 3) continue;
      if (index === 'users_username_key') throw fail('user.username_taken', 'that username is taken');
      if (index === 'users_email_key') throw fail('user.email_taken', 'another account has that email');
      throw err;
    }
  }
}
