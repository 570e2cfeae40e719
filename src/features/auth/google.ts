import { and, eq } from 'drizzle-orm';
import * as jose from 'jose';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import { authIdentities, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { plainText, stripBidiControls } from '../../lib/validation.js';
import { email as emailField } from './schemas.js';
import { createUser, signIn } from './signIn.js';

export const googleBody = z.object({
  idToken: z.string().min(1).max(8192),
  deviceId: plainText(128).pipe(z.string().min(1)).optional(),
  deviceName: plainText(100).optional(),
});

const claims = z.object({
  sub: z.string().min(1).max(255),
  email: emailField,
  // Google sends a boolean; some older tokens carry the string.
  email_verified: z.union([z.literal(true), z.literal('true')]),
  name: z.string().optional(),
  picture: z.string().max(2048).optional(),
});

export interface GoogleProfile {
  subject: string;
  email: string;
  name: string;
  picture: string | null;
}

/**
 * Checks a Google ID token: RS256 signature by a key of the JWKS at GOOGLE_JWKS_URL (fetched
 * and cached), issuer GOOGLE_ISSUER, audience GOOGLE_CLIENT_ID, expiry, and a verified email.
 */
export class GoogleVerifier {
  private readonly jwks: ReturnType<typeof jose.createRemoteJWKSet>;
  private readonly issuers: string[];

  constructor(
    private readonly clientId: string,
    issuer: string,
    jwksUrl: string,
  ) {
    this.jwks = jose.createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    this.issuers = issuer.split(',').map((i) => i.trim()).filter(Boolean);
  }

  static from(config: Config): GoogleVerifier | null {
    return config.GOOGLE_CLIENT_ID ? new GoogleVerifier(config.GOOGLE_CLIENT_ID, config.GOOGLE_ISSUER, config.GOOGLE_JWKS_URL) : null;
  }

  async verify(idToken: string): Promise<GoogleProfile> {
    let payload: jose.JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(idToken, this.jwks, {
        issuer: this.issuers,
        audience: this.clientId,
        algorithms: ['RS256'],
        clockTolerance: 5,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (err) {
      // The key set could not be fetched: our problem (or Google's), not a bad token.
      if (err instanceof jose.errors.JWKSTimeout || err instanceof jose.errors.JWKSInvalid || !(err instanceof jose.errors.JOSEError)) {
        throw fail('service.unavailable', 'Google sign-in keys could not be fetched; try again later');
      }
      throw fail('auth.google_invalid', err instanceof jose.errors.JWTExpired ? 'the Google ID token has expired' : 'the Google ID token is not valid');
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw fail('auth.google_invalid', 'the Google account has no verified email');
    const c = parsed.data;
    const picture = c.picture && /^https:\/\//.test(c.picture) && z.url().safeParse(c.picture).success ? c.picture : null;
    // Names are shown to others: no control or text-direction characters (as for a typed name).
    const name = stripBidiControls((c.name ?? '').replace(/[\p{Cc}\p{Cs}]/gu, '')).trim().slice(0, 100) || c.email.split('@')[0]!.slice(0, 100);
    return { subject: c.sub, email: c.email, name, picture };
  }
}

/** How to link Google to an account that already has this email: from inside it. */
const LINK_HINT =
  'an account with this email already exists. If it is yours, sign in to it (email or username and password), ' +
  'then link Google from there with POST /api/v1/auth/google/link {idToken}';

/**
 * Signs in with Google: the account linked to this Google `sub`; else, if no account has this
 * email, a new account (the Google picture, if https, becomes its avatar). An account that
 * already has the email is never linked here: Parley has not verified that its owner holds the
 * email, so linking would hand it (and whoever registered it) the Google identity. That person
 * links from inside the account instead (`linkGoogle`); until then 409 auth.account_exists.
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

    const [byEmail] = await tx.select({ id: users.id }).from(users).where(eq(users.email, profile.email));
    if (byEmail) throw fail('auth.account_exists', LINK_HINT);
    const user = await createUser(tx, { name: profile.name, email: profile.email, avatarUrl: profile.picture });
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
export async function linkGoogle(ctx: AppContext, userId: string, idToken: string): Promise<void> {
  const profile = await verifiedProfile(ctx, idToken);
  const inserted = await ctx.db
    .insert(authIdentities)
    .values({ provider: 'google', subject: profile.subject, userId, email: profile.email })
    .onConflictDoNothing()
    .returning({ userId: authIdentities.userId });
  if (inserted.length > 0) return;
  const [existing] = await ctx.db
    .select({ userId: authIdentities.userId })
    .from(authIdentities)
    .where(and(eq(authIdentities.provider, 'google'), eq(authIdentities.subject, profile.subject)));
  if (existing && existing.userId !== userId) throw fail('auth.account_exists', 'this Google account is already linked to another account');
}

async function verifiedProfile(ctx: AppContext, idToken: string): Promise<GoogleProfile> {
  if (!ctx.google) throw fail('auth.method_disabled', 'Google sign-in is not configured on this server (GOOGLE_CLIENT_ID)');
  return ctx.google.verify(idToken);
}
