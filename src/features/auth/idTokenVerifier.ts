import * as jose from 'jose';
import { z } from 'zod';
import type { AuthIssuerConfig } from '../../config.js';
import { fail } from '../../lib/errors.js';
import { stripBidiControls } from '../../lib/validation.js';
import { email as emailField } from './schemas.js';

/** Which claim carries each profile field; the defaults are the OpenID Connect standard claims. */
export interface ClaimNames {
  name: string;
  email: string;
  emailVerified: string;
  username: string;
  avatarUrl: string;
}

export const standardClaims: ClaimNames = {
  name: 'name',
  email: 'email',
  emailVerified: 'email_verified',
  username: 'preferred_username',
  avatarUrl: 'picture',
};

/** Who an ID token says its holder is. `email` is only a claim unless `emailVerified`. */
export interface IdentityProfile {
  /** The issuer's `name` in AUTH_ISSUERS ('google' for the preset): with `subject`, the key of the identity. */
  provider: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string;
  username: string | null;
  picture: string | null;
}

export interface IdTokenVerifierOptions {
  /** The key its identities are stored under, and how POST /auth/token names it. */
  name: string;
  /** How messages name it ("Google", "the issuer acme"). */
  label: string;
  issuers: string[];
  audience: string | string[];
  jwksUrl: string;
  claims?: Partial<ClaimNames>;
  algorithms?: string[];
  /** How long after a key set fetch an unknown `kid` waits for the next one. */
  cooldownMs?: number;
  /** Tokens without a verified email are refused (Google: every account has one). */
  requireVerifiedEmail?: boolean;
  invalidCode?: 'auth.google_invalid' | 'auth.id_token_invalid';
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/**
 * Checks an ID token from one issuer: a signature by a key of its JWKS (fetched, cached, and
 * fetched again when a token names a `kid` the cache does not hold, so key rotation just works),
 * the issuer, the audience and the expiry; then reads the profile through the claim mapping.
 */
export class IdTokenVerifier {
  readonly name: string;
  private readonly jwks: ReturnType<typeof jose.createRemoteJWKSet>;
  private readonly claims: ClaimNames;
  private readonly invalidCode: 'auth.google_invalid' | 'auth.id_token_invalid';

  /** The client id a browser asks this issuer for tokens with (the first audience). */
  readonly clientId: string;

  constructor(private readonly opts: IdTokenVerifierOptions) {
    this.name = opts.name;
    this.clientId = Array.isArray(opts.audience) ? opts.audience[0]! : opts.audience;
    this.claims = { ...standardClaims, ...opts.claims };
    this.invalidCode = opts.invalidCode ?? 'auth.id_token_invalid';
    this.jwks = jose.createRemoteJWKSet(new URL(opts.jwksUrl), {
      timeoutDuration: 5000,
      cooldownDuration: opts.cooldownMs ?? 30_000,
      cacheMaxAge: 600_000,
    });
  }

  /** An AUTH_ISSUERS entry; `google` takes its issuer and key set from the Google defaults when they are left out. */
  static fromConfig(entry: AuthIssuerConfig, google: { issuer: string; jwksUrl: string }, cooldownMs?: number): IdTokenVerifier {
    const isGoogle = entry.name === 'google';
    return new IdTokenVerifier({
      name: entry.name,
      label: isGoogle ? 'Google' : `the issuer ${entry.name}`,
      issuers: splitList(entry.issuer ?? google.issuer),
      audience: entry.audience,
      jwksUrl: entry.jwksUrl ?? google.jwksUrl,
      claims: entry.claims,
      cooldownMs,
      ...(isGoogle ? { algorithms: ['RS256'], requireVerifiedEmail: true, invalidCode: 'auth.google_invalid' as const } : {}),
    });
  }

  async verify(token: string): Promise<IdentityProfile> {
    const { label } = this.opts;
    let payload: jose.JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, this.jwks, {
        issuer: this.opts.issuers,
        audience: this.opts.audience,
        algorithms: this.opts.algorithms ?? ASYMMETRIC,
        clockTolerance: 5,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (err) {
      // The key set could not be fetched: the issuer's problem (or ours), not a bad token.
      if (err instanceof jose.errors.JWKSTimeout || err instanceof jose.errors.JWKSInvalid || !(err instanceof jose.errors.JOSEError)) {
        throw fail('service.unavailable', `the sign-in keys of ${label} could not be fetched; try again later`);
      }
      throw fail(
        this.invalidCode,
        err instanceof jose.errors.JWTExpired ? `the ${label} ID token has expired` : `the ${label} ID token is not valid`,
      );
    }
    const subject = z.string().min(1).max(255).safeParse(payload.sub);
    if (!subject.success) throw fail(this.invalidCode, `the ${label} ID token has no usable sub`);

    const claim = (field: keyof ClaimNames) => payload[this.claims[field]];
    const parsedEmail = emailField.safeParse(claim('email'));
    const email = parsedEmail.success ? parsedEmail.data : null;
    const verifiedClaim = claim('emailVerified');
    const emailVerified = email !== null && (verifiedClaim === true || verifiedClaim === 'true');
    if (this.opts.requireVerifiedEmail && !emailVerified) throw fail(this.invalidCode, `the ${label} account has no verified email`);

    const picture = httpsUrl(claim('avatarUrl'));
    const username = typeof claim('username') === 'string' ? cleanText(claim('username') as string, 30) : '';
    const name =
      (typeof claim('name') === 'string' ? cleanText(claim('name') as string, 100) : '') ||
      username ||
      email?.split('@')[0]!.slice(0, 100) ||
      'User';
    return { provider: this.name, subject: subject.data, email, emailVerified, name, username: username || null, picture };
  }
}

/** Every verifier the configuration turns on, by name: AUTH_ISSUERS, plus `google` when GOOGLE_CLIENT_ID is set. */
export function issuersFrom(config: {
  AUTH_ISSUERS: AuthIssuerConfig[];
  GOOGLE_CLIENT_ID?: string | undefined;
  GOOGLE_ISSUER: string;
  GOOGLE_JWKS_URL: string;
  AUTH_JWKS_COOLDOWN_SECONDS: number;
}): Map<string, IdTokenVerifier> {
  const google = { issuer: config.GOOGLE_ISSUER, jwksUrl: config.GOOGLE_JWKS_URL };
  const entries = [...config.AUTH_ISSUERS];
  if (config.GOOGLE_CLIENT_ID) entries.push({ name: 'google', audience: config.GOOGLE_CLIENT_ID });
  return new Map(entries.map((e) => [e.name, IdTokenVerifier.fromConfig(e, google, config.AUTH_JWKS_COOLDOWN_SECONDS * 1000)]));
}

function splitList(v: string): string[] {
  return v
    .split(',')
    .map((i) => i.trim())
    .filter(Boolean);
}

/** Names are shown to others: no control or text-direction characters (as for a typed name). */
function cleanText(v: string, max: number): string {
  return stripBidiControls(v.replace(/[\p{Cc}\p{Cs}]/gu, ''))
    .trim()
    .slice(0, max);
}

function httpsUrl(v: unknown): string | null {
  return typeof v === 'string' && v.length <= 2048 && /^https:\/\//.test(v) && z.url().safeParse(v).success ? v : null;
}
