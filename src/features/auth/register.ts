import { hash } from '@node-rs/argon2';
import type { z } from 'zod';
import { or, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { uniqueViolation } from '../../lib/pgErrors.js';
import { avatarColorFor, generateUsername, initialsOf } from '../users/profile.js';
import { presentUser } from '../users/queries.js';
import { assertStrongPassword } from './passwordStrength.js';
import type { registerBody } from './schemas.js';
import { clientTokens, startSession } from './sessions.js';

export async function register(ctx: AppContext, input: z.output<typeof registerBody>) {
  assertStrongPassword(input.password, input);
  // Hash outside the transaction: 50 ms of CPU should not hold a connection.
  const passwordHash = await hash(input.password);
  // A generated username can be taken by a concurrent registration between the check and the
  // insert (neither sees the other's uncommitted row): then try again with a fresh one.
  for (let attempt = 1; ; attempt++) {
    try {
      const { user, tokens } = await ctx.db.transaction(async (tx) => {
        const clash = await tx
          .select({ email: users.email, username: users.username })
          .from(users)
          .where(input.username ? or(eq(users.email, input.email), eq(users.username, input.username)) : eq(users.email, input.email));
        if (clash.some((c) => c.email === input.email)) throw fail('user.email_taken', 'that email is already registered');
        if (clash.length > 0) throw fail('user.username_taken', 'that username is taken');
        const id = newId();
        const [user] = await tx
          .insert(users)
          .values({
            id,
            email: input.email,
            name: input.name,
            username: input.username ?? (await generateUsername(tx, input.name)),
            initials: initialsOf(input.name),
            avatarColor: avatarColorFor(id),
            passwordHash,
          })
          .returning();
        const tokens = await startSession(tx, ctx, {
          userId: id,
          deviceId: input.deviceId,
          deviceName: input.deviceName,
          method: 'register',
        });
        return { user: user!, tokens };
      });
      return { user: await presentUser(ctx, user, user.id), ...clientTokens(tokens) };
    } catch (err) {
      const index = uniqueViolation(err);
      if (index === 'users_email_key') throw fail('user.email_taken', 'that email is already registered');
      if (index === 'users_username_key' && !input.username && attempt < 5) continue;
      if (index === 'users_username_key') throw fail('user.username_taken', 'that username is taken');
      throw err;
    }
  }
}
