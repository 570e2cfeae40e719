import { plainText } from '@parley/protocol';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { authIdentities, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import type { GoogleProfile } from './googleVerifier.js';
import { createUser, signIn } from './signIn.js';

export const googleBody = z.object({
  idToken: z.string().min(1).max(8192),
  deviceId: plainText(128).pipe(z.string().min(1)).optional(),
  deviceName: plainText(100).optional(),
});

/** How to link Google to an account that already has this email: from inside it. */
const LINK_HINT =
  'an account with this email already exists and has not verified it. If it is yours, sign in to it (email or username ' +
  'and password), then verify the email (POST /api/v1/auth/email/verification) or link Google from there with POST /api/v1/auth/google/link {idToken}';

/**
 * Signs in with Google: the account linked to this Google `sub`; else the account with this
 * email when both sides verified it (Google's `email_verified`, which every accepted token
 * carries, and our `emailVerified`): then Google is linked to it; else, if no account has this
 * email, a new account (verified email; the Google picture, if https, becomes its avatar). An
 * account whose email Parley has not verified is never linked here: its owner may not hold the
 * email, so linking would hand it (and whoever registered it) the Google identity. That person
 * verifies the email or links from inside the account (`linkGoogle`); until then 409 auth.account_exists.
 */
export async function signInWithGoogle(ctx: AppContext, input: z.output<typeof googleBody>) {
  const profile = await verifiedProfile(ctx, input.idToken);
  return signIn(ctx, { deviceId: input.deviceId, deviceName: input.deviceName }, async (tx) => {
    const [linked] = await tx
      .select({ user: users })
      .from(authIdentities)
      .innerJoin(users, eq(users.id, authIdentities.userId))
      .where(and(eq(authIdentities.provider, 'google'), eq(authIdentities.subject, profile.subject)));
    if (linked) return { user: linked.user, created: false };

    // One statement sees the account and its identity together: a concurrent first sign-in that
    // committed between the select above and this one is found here, not taken for someone else's.
    const [byEmail] = await tx
      .select({ user: users, linkedSubject: authIdentities.subject })
      .from(users)
      .leftJoin(
        authIdentities,
        and(eq(authIdentities.userId, users.id), eq(authIdentities.provider, 'google'), eq(authIdentities.subject, profile.subject)),
      )
      .where(eq(users.email, profile.email));
    if (byEmail?.linkedSubject) return { user: byEmail.user, created: false };
    if (byEmail?.user.emailVerifiedAt) {
      // The same person proved this email to both: link (a concurrent link of the same sub hits the primary key; signIn retries).
      await tx
        .insert(authIdentities)
        .values({ provider: 'google', subject: profile.subject, userId: byEmail.user.id, email: profile.email });
      return { user: byEmail.user, created: false };
    }
    if (byEmail) throw fail('auth.account_exists', LINK_HINT);
    const user = await createUser(tx, {
      name: profile.name,
      email: profile.email,
      emailVerifiedAt: new Date(),
      avatarUrl: profile.picture,
    });
    await tx.insert(authIdentities).values({ provider: 'google', subject: profile.subject, userId: user.id, email: profile.email });
    return { user, created: true };
  });
}

export const linkGoogleBody = z.object({ idToken: googleBody.shape.idToken });

/**
 * Links a Google account to the signed-in account (proof of both: its session and a Google ID
 * token), so Google signs in to it from then on. Linking it again is a no-op; a Google account
 * already linked to another account → 409 auth.account_exists.
 */
export async function linkGoogle(ctx: AppContext, actorId: string, idToken: string): Promise<void> {
  const profile = await verifiedProfile(ctx, idToken);
  const inserted = await ctx.db
    .insert(authIdentities)
    .values({ provider: 'google', subject: profile.subject, userId: actorId, email: profile.email })
    .onConflictDoNothing()
    .returning({ userId: authIdentities.userId });
  if (inserted.length > 0) return;
  const [existing] = await ctx.db
    .select({ userId: authIdentities.userId })
    .from(authIdentities)
    .where(and(eq(authIdentities.provider, 'google'), eq(authIdentities.subject, profile.subject)));
  if (existing && existing.userId !== actorId)
    throw fail('auth.account_exists', 'this Google account is already linked to another account');
}

async function verifiedProfile(ctx: AppContext, idToken: string): Promise<GoogleProfile> {
  if (!ctx.google) throw fail('auth.method_disabled', 'Google sign-in is not configured on this server (GOOGLE_CLIENT_ID)');
  return ctx.google.verify(idToken);
}
