import type { User } from '@parley/protocol';
import { ParleyError } from './errors.js';
import { Persisted } from './persisted.js';
import type { ClientStorage } from './storage/types.js';

/** What sign-in, sign-up and refresh answer with. */
export interface AuthResult {
  user: User;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface SavedSession {
  userId: string;
  accessToken: string;
  refreshToken: string;
  /** Local clock, ms: when the access token expires (from expiresIn, so a skewed clock does not matter). */
  expiresAt: number;
  issuedAt: number;
}

export interface SessionOptions {
  storage: ClientStorage;
  /** POST without a token (sign-in routes and refresh): resolves with the JSON body or throws ParleyError. */
  post(path: string, body: unknown): Promise<unknown>;
  /** Called when the session ends by itself (the refresh token was refused: revoked, reused or expired). */
  onEnded(reason: ParleyError): void;
}

// Refused refreshes end the session; anything else (network, 503) is retried by the caller.
const ENDS_SESSION = new Set(['auth.refresh_invalid', 'auth.refresh_reused', 'auth.session_revoked', 'auth.unauthorized']);
const LOCK = 'parley-session-refresh';

/**
 * The signed-in session: tokens persisted in storage, the access token refreshed before it
 * expires and when the server says it has. One refresh at a time, in this page and, where the
 * Web Locks API exists, across every tab of the origin (a refresh token is good once: two tabs
 * trading the same one would end the session).
 */
export class Session {
  private saved: SavedSession | undefined;
  private refreshing: Promise<string | undefined> | undefined;
  private readonly persisted: Persisted<SavedSession>;

  constructor(private readonly opts: SessionOptions) {
    this.persisted = new Persisted(opts.storage, 'session');
  }

  get current(): SavedSession | undefined {
    return this.saved;
  }

  async restore(): Promise<SavedSession | undefined> {
    return (this.saved = await this.persisted.load());
  }

  async adopt(tokens: { accessToken: string; refreshToken: string; expiresIn?: number }): Promise<SavedSession> {
    const claims = decodeClaims(tokens.accessToken);
    const now = Date.now();
    const lifetimeMs = tokens.expiresIn !== undefined ? tokens.expiresIn * 1000 : (claims.exp - claims.iat) * 1000;
    this.saved = {
      userId: claims.sub,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      issuedAt: now,
      expiresAt: now + lifetimeMs,
    };
    await this.persisted.save(this.saved);
    return this.saved;
  }

  /** Resolves once no refresh is in flight (so a client closing does not leave a half-traded refresh token behind). */
  async idle(): Promise<void> {
    await this.refreshing?.catch(() => {});
  }

  async clear(): Promise<void> {
    this.saved = undefined;
    await this.persisted.save(undefined);
  }

  /** A usable access token (refreshed first when little of its life is left), or undefined when signed out. */
  async accessToken(): Promise<string | undefined> {
    const s = this.saved;
    if (!s) return undefined;
    const margin = Math.min(60_000, (s.expiresAt - s.issuedAt) / 4);
    return s.expiresAt - Date.now() > margin ? s.accessToken : this.refresh(s.accessToken);
  }

  /** The server refused `stale` as expired: a newer token if there is one, else one refresh shared by every caller. */
  refreshed(stale: string): Promise<string | undefined> {
    if (this.saved && this.saved.accessToken !== stale) return Promise.resolve(this.saved.accessToken);
    return this.refresh(stale);
  }

  private refresh(stale: string): Promise<string | undefined> {
    const run = (waited: boolean) => this.refreshUnderLock(stale, waited);
    return (this.refreshing ??= withLock(LOCK, run).finally(() => (this.refreshing = undefined)));
  }

  private async refreshUnderLock(stale: string, waited: boolean): Promise<string | undefined> {
    // Another tab may have refreshed while this one waited for the lock: use its tokens.
    const stored = await (waited ? this.rotatedElsewhere() : this.persisted.load());
    if (stored && stored.accessToken !== stale && stored.expiresAt > Date.now()) return (this.saved = stored).accessToken;
    const refreshToken = stored?.refreshToken ?? this.saved?.refreshToken;
    if (!refreshToken) return undefined;
    try {
      const result = (await this.opts.post('/auth/refresh-token', { refreshToken })) as AuthResult;
      return (await this.adopt(result)).accessToken;
    } catch (err) {
      if (err instanceof ParleyError && ENDS_SESSION.has(err.code)) {
        await this.clear();
        this.opts.onEnded(err);
        return undefined;
      }
      throw err;
    }
  }

  /**
   * The stored session once the refresh this tab waited for shows in storage. localStorage reaches
   * other tabs a moment after the write, which can be after the lock was handed on: reading at once
   * could find the used refresh token, and trading it again would end the session. Gives up after a
   * second (that tab's refresh failed: nothing new is coming).
   */
  private async rotatedElsewhere(): Promise<SavedSession | undefined> {
    const mine = this.saved?.refreshToken;
    for (const end = Date.now() + 1_000; ; await new Promise((r) => setTimeout(r, 20))) {
      const stored = await this.persisted.load();
      if (!stored || stored.refreshToken !== mine || Date.now() > end) return stored;
    }
  }
}

interface LockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** Runs `run` holding the lock across the origin's tabs where Web Locks exist; `waited`: another tab held it first. */
async function withLock<T>(name: string, run: (waited: boolean) => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return run(false);
  const free = await locks.request(name, { ifAvailable: true }, async (lock) => (lock ? { value: await run(false) } : undefined));
  return free ? free.value : locks.request(name, () => run(true));
}

/** The claims of a JWT (not verified: the server does that; the client only reads its subject and lifetime). */
export function decodeClaims(token: string): { sub: string; exp: number; iat: number } {
  const part = token.split('.')[1];
  if (!part) throw new ParleyError({ code: 'auth.unauthorized', status: 401, detail: 'not a JWT access token' });
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as { sub: string; exp: number; iat?: number };
  return { sub: claims.sub, exp: claims.exp, iat: claims.iat ?? claims.exp - 900 };
}
