import * as jose from 'jose';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { fail } from '../../lib/errors.js';
import { stripBidiControls } from '../../lib/validation.js';
import { email as emailField } from './schemas.js';

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
    this.issuers = issuer
      .split(',')
      .map((i) => i.trim())
      .filter(Boolean);
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
      throw fail(
        'auth.google_invalid',
        err instanceof jose.errors.JWTExpired ? 'the Google ID token has expired' : 'the Google ID token is not valid',
      );
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw fail('auth.google_invalid', 'the Google account has no verified email');
    const idClaims = parsed.data;
    const picture =
      idClaims.picture && /^https:\/\//.test(idClaims.picture) && z.url().safeParse(idClaims.picture).success ? idClaims.picture : null;
    // Names are shown to others: no control or text-direction characters (as for a typed name).
    const name =
      stripBidiControls((idClaims.name ?? '').replace(/[\p{Cc}\p{Cs}]/gu, ''))
        .trim()
        .slice(0, 100) || idClaims.email.split('@')[0]!.slice(0, 100);
    return { subject: idClaims.sub, email: idClaims.email, name, picture };
  }
}
