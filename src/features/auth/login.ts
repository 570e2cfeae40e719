import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { AppError, fail } from '../../lib/errors.js';
import { refund, spend } from '../limits/rateLimits.js';
import { audit } from '../admin/audit.js';
import { presentUser } from '../users/queries.js';
import type { loginBody } from './schemas.js';
import { clientTokens, startSession } from './sessions.js';

// Verifying against a throwaway hash when the user does not exist keeps timing from revealing who does.
const decoy = hash('parley-decoy-password');

export async function login(ctx: AppContext, input: z.output<typeof loginBody>) {
  const column = input.login.includes('@') ? users.email : users.username;
  const [user] = await ctx.db.select().from(users).where(eq(column, input.login));
  // Password guessing against one account: every try counts until it turns out right (then it is
  // taken back), so RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT wrong passwords lock it for the window.
  const account = user?.id ?? input.login;
  await spend(ctx, 'login-failures', account);
  const ok = await verify(user?.passwordHash ?? (await decoy), input.password).catch(() => false);
  if (!user || !user.passwordHash || !ok) {
    // Only an existing account's failures are recorded: logging every guessed login would store what strangers typed.
    if (user) await recordFailedSignIn(ctx, user.id, 'wrong_password');
    throw fail('auth.invalid_credentials', 'wrong login or password');
  }
  await refund(ctx, 'login-failures', account);
  const tokens = await ctx.db
    .transaction((tx) =>
      startSession(tx, ctx, { userId: user.id, deviceId: input.deviceId, deviceName: input.deviceName, method: 'password' }),
    )
    .catch(async (err: unknown) => {
      if (err instanceof AppError && err.code === 'auth.suspended') {
        await recordFailedSignIn(ctx, user.id, 'suspended');
      }
      throw err;
    });
  // The same device signing in again ends its previous session, sockets included.
  for (const id of tokens.replaced) ctx.sessions.disconnect(id);
  return { user: await presentUser(ctx, user, user.id), ...clientTokens(tokens) };
}

/** A failed password sign-in of an existing account, in the audit log. */
function recordFailedSignIn(ctx: AppContext, userId: string, reason: 'wrong_password' | 'suspended'): Promise<void> {
  return audit(ctx.db, {
    actorId: null,
    action: 'auth.sign_in_failed',
    targetType: 'user',
    targetId: userId,
    details: { method: 'password', reason },
  });
}
