import { plainText } from '@parley/protocol';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import type { IdentityProfile } from './idTokenVerifier.js';
import { linkIdentity, signInWithIdentity } from './identitySignIn.js';

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
 * Signs in with Google, the `google` issuer preset (the same path as POST /auth/token): the
 * account linked to this Google `sub`; else, if no account has this email, a new account (the
 * Google picture, if https, becomes its avatar). An account that already has the email is never
 * linked here (409 auth.account_exists); its owner links from inside it (`linkGoogle`).
 */
export async function signInWithGoogle(ctx: AppContext, input: z.output<typeof googleBody>) {
  return signInWithIdentity(ctx, await verifiedProfile(ctx, input.idToken), input, LINK_HINT);
}

export const linkGoogleBody = z.object({ idToken: googleBody.shape.idToken });

/** Links a Google account to the signed-in account; see linkIdentity. */
export async function linkGoogle(ctx: AppContext, actorId: string, idToken: string): Promise<void> {
  await linkIdentity(ctx, actorId, await verifiedProfile(ctx, idToken), 'Google');
}

async function verifiedProfile(ctx: AppContext, idToken: string): Promise<IdentityProfile> {
  const google = ctx.issuers.get('google');
  if (!google) throw fail('auth.method_disabled', 'Google sign-in is not configured on this server (GOOGLE_CLIENT_ID)');
  return google.verify(idToken);
}
