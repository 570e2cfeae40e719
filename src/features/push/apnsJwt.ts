import type crypto from 'node:crypto';
import * as jose from 'jose';

/**
 * How long one provider token is used. Apple refuses tokens older than an hour
 * (ExpiredProviderToken) and answers TooManyProviderTokenUpdates to a provider that makes new
 * ones more often than every 20 minutes: 50 minutes sits between the two.
 */
export const APNS_JWT_REUSE_MS = 50 * 60_000;

interface Signed {
  jwt: Promise<string>;
  madeAt: number;
}

/**
 * The APNs provider authentication token: an ES256 JWT, header `kid` = the key ID, claims `iss` =
 * the team ID and `iat`, shared by every request until it is APNS_JWT_REUSE_MS old.
 */
export class ApnsProviderToken {
  private signed: Signed | undefined;

  constructor(
    private readonly creds: { key: crypto.KeyObject; keyId: string; teamId: string },
    private readonly now = () => Date.now(),
  ) {}

  current(): Promise<string> {
    if (this.signed && this.now() - this.signed.madeAt < APNS_JWT_REUSE_MS) return this.signed.jwt;
    return this.make();
  }

  /** APNs answered ExpiredProviderToken to `rejected` (a clock that drifted): a new one, unless another request made it already. */
  async renew(rejected: string): Promise<string> {
    const s = this.signed;
    if (s && (await s.jwt.catch(() => rejected)) !== rejected && this.signed === s) return s.jwt;
    return this.make();
  }

  private make(): Promise<string> {
    const madeAt = this.now();
    const jwt = new jose.SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: this.creds.keyId })
      .setIssuer(this.creds.teamId)
      .setIssuedAt(Math.floor(madeAt / 1000))
      .sign(this.creds.key);
    const signed = { jwt, madeAt };
    this.signed = signed;
    jwt.catch(() => {
      if (this.signed === signed) this.signed = undefined;
    });
    return jwt;
  }
}
