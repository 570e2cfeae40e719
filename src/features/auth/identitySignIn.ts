import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { authIdentities, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import type { IdentityProfile } from './idTokenVerifier.js';
import { createUser, signIn } from './signIn.js';

/**
 * Signs in with a verified ID token's profile: the account linked to this `(provider, sub)`;
 * else the account with the same email when both sides verified it (the issuer's `email_verified`
 * and our `emailVerified`): the identity is linked to it. An account whose email Parley has not
 * verified is never linked here: its owner may not hold the email, so linking would hand it (and
 * whoever registered it) this identity; until that person verifies the email or links from inside
 * the account, 409 auth.account_exists with `linkHint`. An email the issuer has not verified is
 * only a claim: the new account gets no email (it would otherwise take the address from its real
 * owner), the identity row keeps it. A new account's issuer-verified email counts as verified.
 */
export async function signInWithIdentity(
  ctx: AppContext,
  profile: IdentityProfile,
  device: { deviceId?: string | undefined; deviceName?: string | undefined },
  linkHint: string,
) {
  const byIdentity = and(eq(authIdentities.provider, profile.provider), eq(authIdentities.subject, profile.subject));
  return signIn(ctx, { deviceId: device.deviceId, deviceName: device.deviceName }, 'identity', async (tx) => {
    const [linked] = await tx
      .select({ user: users })
      .from(authIdentities)
      .innerJoin(users, eq(users.id, authIdentities.userId))
      .where(byIdentity);
    if (linked) return { user: linked.user, created: false };

    const email = profile.emailVerified ? profile.email : null;
    if (email) {
      // One statement sees the account and its identity together: a concurrent first sign-in that
      // committed between the select above and this one is found here, not taken for someone else's.
      const [byEmail] = await tx
        .select({ user: users, linkedSubject: authIdentities.subject })
        .from(users)
        .leftJoin(authIdentities, and(eq(authIdentities.userId, users.id), byIdentity))
        .where(eq(users.email, email));
      if (byEmail?.linkedSubject) return { user: byEmail.user, created: false };
      if (byEmail?.user.emailVerifiedAt) {
        // The same person proved this email to both: link (a concurrent link of the same sub hits the primary key; signIn retries).
        await tx
          .insert(authIdentities)
          .values({ provider: profile.provider, subject: profile.subject, userId: byEmail.user.id, email: profile.email });
        return { user: byEmail.user, created: false };
      }
      if (byEmail) throw fail('auth.account_exists', linkHint);
    }
    const user = await createUser(tx, {
      name: profile.name,
      usernameFrom: profile.username,
      email,
      emailVerifiedAt: email ? new Date() : null,
      avatarUrl: profile.picture,
    });
    await tx.insert(authIdentities).values({ provider: profile.provider, subject: profile.subject, userId: user.id, email: profile.email });
    return { user, created: true };
  });
}

/**
 * Links an identity to the signed-in account (proof of both: its session and an ID token), so it
 * signs in to that account from then on. Linking it again is a no-op; an identity already linked
 * to another account → 409 auth.account_exists.
 */
export async function linkIdentity(ctx: AppContext, actorId: string, profile: IdentityProfile, label: string): Promise<void> {
  const inserted = await ctx.db
    .insert(authIdentities)
    .values({ provider: profile.provider, subject: profile.subject, userId: actorId, email: profile.email })
    .onConflictDoNothing()
    .returning({ userId: authIdentities.userId });
  if (inserted.length > 0) return;
  const [existing] = await ctx.db
    .select({ userId: authIdentities.userId })
    .from(authIdentities)
    .where(and(eq(authIdentities.provider, profile.provider), eq(authIdentities.subject, profile.subject)));
  if (existing && existing.userId !== actorId)
    throw fail('auth.account_exists', `this ${label} account is already linked to another account`);
}
