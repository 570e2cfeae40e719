import * as jose from 'jose';
import type { ServiceAccount } from './credentials.js';

export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
/** The longest assertion Google accepts (and the usual token lifetime). */
const ASSERTION_SECONDS = 3600;
/** A token is fetched again this long before it expires: a send never carries one that runs out on the way. */
const EARLY_MS = 5 * 60_000;

/** The token endpoint refused or failed: `retryable` when trying later may help (429, 5xx, no answer). */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

interface Cached {
  token: Promise<string>;
  /** ms since the epoch; Infinity while the request is in flight. */
  refreshAt: number;
}

/**
 * OAuth2 access tokens for FCM from a service-account key (RFC 7523 JWT-bearer grant): an RS256
 * assertion signed with the key's private_key, `iss` the client_email, `aud` the token_uri, the
 * firebase.messaging scope, valid at most an hour. One token is shared by every send until
 * shortly before it expires; concurrent sends wait for the same request.
 */
export class FcmAccessTokens {
  private cached: Cached | undefined;
  private key: Promise<jose.CryptoKey> | undefined;

  constructor(
    private readonly account: ServiceAccount,
    private readonly timeoutMs: number,
    private readonly now = () => Date.now(),
  ) {}

  token(): Promise<string> {
    const c = this.cached;
    if (c && this.now() < c.refreshAt) return c.token;
    const fresh: Cached = { token: Promise.resolve(''), refreshAt: Infinity };
    fresh.token = this.fetchToken().then(({ token, expiresInMs }) => {
      fresh.refreshAt = this.now() + Math.max(expiresInMs - EARLY_MS, expiresInMs / 2);
      return token;
    });
    this.cached = fresh;
    fresh.token.catch(() => {
      if (this.cached === fresh) this.cached = undefined;
    });
    return fresh.token;
  }

  /** FCM answered 401 to this token: the next send asks for a new one (unless another send already did). */
  async invalidate(rejected: string): Promise<void> {
    const c = this.cached;
    if (c && (await c.token.catch(() => undefined)) === rejected && this.cached === c) this.cached = undefined;
  }

  /** The signed JWT-bearer assertion (exported for the unit spec). */
  async assertion(): Promise<string> {
    this.key ??= jose.importPKCS8(this.account.private_key, 'RS256');
    const iat = Math.floor(this.now() / 1000);
    return new jose.SignJWT({ scope: FCM_SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.account.private_key_id })
      .setIssuer(this.account.client_email)
      .setAudience(this.account.token_uri)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_SECONDS)
      .sign(await this.key);
  }

  private async fetchToken(): Promise<{ token: string; expiresInMs: number }> {
    const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: await this.assertion() });
    let res: Response;
    try {
      res = await fetch(this.account.token_uri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new TokenError(`FCM token endpoint: ${(err as Error).message}`, true);
    }
    const json = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (!res.ok || typeof json.access_token !== 'string') {
      const why = typeof json.error === 'string' ? json.error : `status ${res.status}`;
      throw new TokenError(`FCM token endpoint refused the service account: ${why}`, res.status === 429 || res.status >= 500);
    }
    const expiresInMs = (typeof json.expires_in === 'number' ? json.expires_in : ASSERTION_SECONDS) * 1000;
    return { token: json.access_token, expiresInMs };
  }
}
