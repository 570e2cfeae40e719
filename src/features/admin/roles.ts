import { and, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Executor } from '../../db/connect.js';
import { users } from '../../db/schema.js';
import { audit } from './audit.js';
import { findByEmail } from './findByEmail.js';

export type Role = 'user' | 'admin';

/** The accounts whose VERIFIED email is in ADMIN_EMAILS and are not admins yet (one of them, with `userId`). */
const adminEmailMatch = (config: Pick<Config, 'ADMIN_EMAILS'>, userId?: string) =>
  and(
    ne(users.role, 'admin'),
    isNotNull(users.emailVerifiedAt),
    isNull(users.deletedAt),
    inArray(sql`lower(${users.email})`, config.ADMIN_EMAILS),
    userId ? eq(users.id, userId) : undefined,
  );

/**
 * Makes admins of the accounts whose verified email ADMIN_EMAILS names (all of them, or the one
 * given): at boot, and at every sign-up, sign-in and email verification, in that transaction. An
 * email that is not verified proves nothing (anyone may register any address), so it stays a user.
 */
export async function applyAdminEmails(ex: Executor, config: Pick<Config, 'ADMIN_EMAILS'>, userId?: string): Promise<void> {
  if (config.ADMIN_EMAILS.length === 0) return;
  const promoted = await ex
    .update(users)
    .set({ role: 'admin', updatedAt: new Date() })
    .where(adminEmailMatch(config, userId))
    .returning({ id: users.id });
  await audit(
    ex,
    ...promoted.map((u) => ({
      actorId: null,
      action: 'user.role_changed' as const,
      targetType: 'user' as const,
      targetId: u.id,
      details: { from: 'user', to: 'admin', source: 'ADMIN_EMAILS' },
    })),
  );
}

/** Sets the role of the account with this email (the CLI's promote and demote); a no-op when it has it already. */
export async function setRoleByEmail(
  ex: Executor,
  email: string,
  role: Role,
  source: string,
): Promise<{ userId: string; changed: boolean }> {
  const user = await findByEmail(ex, email);
  if (user.role === role) return { userId: user.id, changed: false };
  await ex.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, user.id));
  await audit(ex, {
    actorId: null,
    action: 'user.role_changed',
    targetType: 'user',
    targetId: user.id,
    details: { from: user.role, to: role, source },
  });
  return { userId: user.id, changed: true };
}
