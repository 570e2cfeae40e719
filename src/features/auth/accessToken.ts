import * as jose from 'jose';
import { fail } from '../../lib/errors.js';
import type { SigningKeys } from './keys.js';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  deviceId: string;
  expiresAt: number;
}

export class AccessTokens {
  constructor(
    private readonly keys: SigningKeys,
    private readonly issuer: string,
    readonly ttlSeconds: number,
  ) {}

  sign(c: { userId: string; sessionId: string; deviceId: string }): Promise<string> {
    return new jose.SignJWT({ sid: c.sessionId, did: c.deviceId })
      .setProtectedHeader({ alg: this.keys.alg, kid: this.keys.kid, typ: 'JWT' })
      .setSubject(c.userId)
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.keys.privateKey);
  }

  /**
   * Verifies signature, algorithm, issuer and expiry, and that exp, sub and sid are there (a token
   * without exp would never expire); throws auth.token_expired / auth.token_invalid.
   */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jose.jwtVerify(token, this.keys.publicKey, {
        issuer: this.issuer,
        algorithms: [this.keys.alg],
        requiredClaims: ['exp', 'sub', 'sid'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw fail('auth.token_invalid');
      return {
        userId: payload.sub,
        sessionId: payload.sid,
        deviceId: typeof payload.did === 'string' ? payload.did : '',
        expiresAt: payload.exp ?? 0,
      };
    } catch (err) {
      if (err instanceof jose.errors.JWTExpired) throw fail('auth.token_expired');
      throw fail('auth.token_invalid');
    }
  }

  jwks(): { keys: jose.JWK[] } {
    return { keys: [this.keys.publicJwk] };
  }
}
