import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { applyAdminEmails } from '../admin/roles.js';
import { findUser, presentUser } from '../users/queries.js';
import { enqueueMail } from './outbox.js';
import { verifyEmailMail } from './templates.js';
import { consumeLinkToken, issueLinkToken } from './tokens.js';

/**
 * Mails the signed-in user a link that verifies their email: the token and the mail are written
 * in one transaction (the outbox sends it). An email already verified is sent nothing; an
 * account with no email is 409 auth.no_email.
 */
export async function requestEmailVerification(ctx: AppContext, actorId: string): Promise<void> {
  const user = await findUser(ctx.db, actorId);
  if (!user.email) throw fail('auth.no_email', 'this account has no email address to verify');
  if (user.emailVerifiedAt) return;
  const email = user.email;
  await ctx.db.transaction(async (tx) => {
    const token = await issueLinkToken(tx, user.id, 'verify_email', email, ctx.config.EMAIL_VERIFY_TTL_HOURS * 3_600_000);
    await enqueueMail(tx, verifyEmailMail(ctx.config, email, user.name, token));
  });
  ctx.mail.wake();
}

/**
 * Follows a verification link: the token is spent and the email it was sent to becomes
 * verified, provided it is still the account's email. Returns the own profile.
 */
export async function verifyEmail(ctx: AppContext, token: string) {
  const user = await ctx.db.transaction(async (tx) => {
    const { userId, email } = await consumeLinkToken(tx, token, 'verify_email');
    const [row] = await tx
      .update(users)
      .set({ emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    if (!row || row.email !== email) throw fail('auth.link_invalid', 'this link was sent to an email the account no longer has');
    // A verified email in ADMIN_EMAILS makes an admin now, not only at the next sign-in.
    await applyAdminEmails(tx, ctx.config, row.id);
    return row;
  });
  return { user: await presentUser(ctx, user, user.id) };
}
