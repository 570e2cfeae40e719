import { hash, verify } from '@node-rs/argon2';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import { sessions, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { audit, sessionsRevoked } from '../admin/audit.js';
import { forgetSessionDevices } from '../push/sessionDevices.js';
import { assertStrongPassword } from '../auth/passwordStrength.js';
import { refund, spend } from '../limits/rateLimits.js';
import { findUser } from '../users/queries.js';
import { enqueueMail } from './outbox.js';
import { resetPasswordMail } from './templates.js';
import { consumeLinkToken, issueLinkToken } from './tokens.js';

/**
 * Mails a password-reset link to the account with this email, if there is one. The route runs this
 * after its 202 is sent (ctx.mail.runDetached), the same answer for every email at the same moment,
 * so the answer tells nothing (no account enumeration) and none of this work can show in it.
 */
export async function forgotPassword(ctx: AppContext, email: string): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  if (!user) return;
  await ctx.db.transaction(async (tx) => {
    const token = await issueLinkToken(tx, user.id, 'reset_password', email, ctx.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
    await enqueueMail(tx, resetPasswordMail(ctx.config, email, user.name, token));
  });
  ctx.mail.wake();
}

/** Ends the user's live sessions (all, or all but one) in the transaction; returns their ids for the socket close after commit. */
async function revokeSessions(tx: Tx, userId: string, reason: string, except?: string): Promise<string[]> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : undefined))
    .returning({ id: sessions.id });
  const ids = ended.map((s) => s.id);
  await forgetSessionDevices(tx, ids);
  await audit(tx, ...sessionsRevoked(userId, ids, reason, userId));
  return ids;
}

/**
 * Sets a new password with a reset link: the token is spent, and every session of the account
 * ends (tokens refused at once, sockets closed), since whoever had the old password may hold one.
 * Following the link proves the email too, so it becomes verified.
 */
export async function resetPassword(ctx: AppContext, token: string, password: string): Promise<void> {
  // Hash before the transaction: 50 ms of CPU should not hold a connection. A password too easy
  // to guess for this account (checked inside, where the token names it) rolls the spend back.
  const passwordHash = await hash(password);
  const ended = await ctx.db.transaction(async (tx) => {
    const { userId, email } = await consumeLinkToken(tx, token, 'reset_password');
    const user = await findUser(tx, userId);
    assertStrongPassword(password, user);
    await tx
      .update(users)
      .set({
        passwordHash,
        updatedAt: new Date(),
        ...(user.email === email && !user.emailVerifiedAt ? { emailVerifiedAt: new Date() } : {}),
      })
      .where(eq(users.id, userId));
    await audit(tx, { actorId: userId, action: 'password.reset', targetType: 'user', targetId: userId });
    return revokeSessions(tx, userId, 'password_reset');
  });
  for (const id of ended) ctx.sessions.disconnect(id);
}

/**
 * Changes the password of the signed-in user, who proves the current one (403 auth.wrong_password;
 * wrong tries count against RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT as at sign-in). Every other
 * session ends; this one goes on.
 */
export async function changePassword(
  ctx: AppContext,
  actorId: string,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUser(ctx.db, actorId);
  await spend(ctx, 'login-failures', user.id);
  const ok = user.passwordHash ? await verify(user.passwordHash, input.currentPassword).catch(() => false) : false;
  if (!ok) throw fail('auth.wrong_password', 'the current password is wrong');
  await refund(ctx, 'login-failures', user.id);
  assertStrongPassword(input.newPassword, user);
  const passwordHash = await hash(input.newPassword);
  const ended = await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actorId));
    await audit(tx, { actorId, action: 'password.changed', targetType: 'user', targetId: actorId });
    return revokeSessions(tx, actorId, 'password_changed', sessionId);
  });
  for (const id of ended) ctx.sessions.disconnect(id);
}
