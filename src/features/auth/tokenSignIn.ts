import { plainText } from '@parley/protocol';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import { signInWithIdentity } from './identitySignIn.js';

export const tokenSignInBody = z.object({
  /** The issuer's `name` in AUTH_ISSUERS. */
  issuer: z.string().min(1).max(40),
  token: z.string().min(1).max(16_384),
  deviceId: plainText(128).pipe(z.string().min(1)).optional(),
  deviceName: plainText(100).optional(),
});

/**
 * Signs in with an ID token from a configured issuer (AUTH_ISSUERS, or `google`): the account
 * linked to its `(issuer, sub)`, else a new one; see signInWithIdentity for how emails are treated.
 */
export async function signInWithToken(ctx: AppContext, input: z.output<typeof tokenSignInBody>) {
  const verifier = ctx.issuers.get(input.issuer);
  if (!verifier)
    throw fail('auth.unknown_issuer', `no issuer named ${JSON.stringify(input.issuer)} is configured on this server (AUTH_ISSUERS)`);
  const profile = await verifier.verify(input.token);
  return signInWithIdentity(
    ctx,
    profile,
    input,
    'an account with this email already exists. If it is yours, sign in to it (email or username and password) instead',
  );
}
