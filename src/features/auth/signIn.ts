import type { AppContext } from '../../context.js';
import type { Executor, Tx } from '../../db/connect.js';
import { users } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { uniqueViolation } from '../../lib/pgErrors.js';
import { avatarColorFor, generateUsername, initialsOf } from '../users/profile.js';
import { presentUser, type UserRow } from '../users/queries.js';
import { clientTokens, startSession } from './sessions.js';

/** A new account (phone or Google sign-in): username, initials and colour made up as for a registration. */
export async function createUser(
  ex: Executor,
  fields: {
    name: string;
    /** What the username is made from (default: the name). */
    usernameFrom?: string | null;
    email?: string | null;
    emailVerifiedAt?: Date | null;
    phoneNumber?: string | null;
    phoneVerifiedAt?: Date | null;
    avatarUrl?: string | null;
  },
): Promise<UserRow> {
  const id = newId();
  const [user] = await ex
    .insert(users)
    .values({
      id,
      name: fields.name,
      username: await generateUsername(ex, fields.usernameFrom || fields.name),
      initials: initialsOf(fields.name),
      avatarColor: avatarColorFor(id),
      email: fields.email ?? null,
      emailVerifiedAt: fields.emailVerifiedAt ?? null,
      phoneNumber: fields.phoneNumber ?? null,
      phoneVerifiedAt: fields.phoneVerifiedAt ?? null,
      avatarUrl: fields.avatarUrl ?? null,
    })
    .returning();
  return user!;
}

/**
 * Finds or creates the account and starts a session for the device, in one transaction.
 * A unique index hit by a concurrent sign-in (the same person on two devices, or the same
 * generated username) rolls it back and it runs again, then finds what the other one made.
 */
export async function signIn(
  ctx: AppContext,
  device: { deviceId?: string; deviceName?: string },
  method: 'otp' | 'identity',
  findOrCreate: (tx: Tx) => Promise<{ user: UserRow; created: boolean }>,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { user, created, tokens } = await ctx.db.transaction(async (tx) => {
        const found = await findOrCreate(tx);
        const tokens = await startSession(tx, ctx, { userId: found.user.id, ...device, method });
        return { ...found, tokens };
      });
      // The same device signing in again ends its previous session, sockets included.
      for (const id of tokens.replaced) ctx.sessions.disconnect(id);
      return { user: await presentUser(ctx, user, user.id), ...clientTokens(tokens), created };
    } catch (err) {
      if (uniqueViolation(err) !== undefined && attempt < 5) continue;
      throw err;
    }
  }
}
