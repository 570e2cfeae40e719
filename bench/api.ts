import crypto from 'node:crypto';
import { mapLimit, now } from './stats.js';

/** A registered user the load generator can connect as. */
export interface BenchUser {
  id: string;
  token: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  get code(): string | undefined {
    return (this.body as { code?: string } | undefined)?.code;
  }
}

/** Talks to Parley's REST API for setup: users, direct chats, groups. */
export class Api {
  readonly users: BenchUser[] = [];
  private readonly tag = crypto.randomBytes(3).toString('hex');
  /** Registrations per second over the last `ensureUsers` that registered anyone. */
  lastRegisterRate = NaN;

  constructor(readonly baseUrl: string) {}

  async call<T = any>(method: string, urlPath: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/api/v1${urlPath}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      const why = (err as Error).name === 'TimeoutError' ? 'no answer from the server in 60 s' : String((err as Error).cause ?? err);
      throw new Error(`${method} ${urlPath}: ${why}`, { cause: err });
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    return { status: res.status, body: parsed as T };
  }

  /**
   * Makes sure at least `n` users exist, registering the missing ones through
   * POST /auth/register with at most `parallel` requests in flight (each hashes a password).
   */
  async ensureUsers(n: number, parallel = 16, onProgress?: (done: number, total: number) => void): Promise<BenchUser[]> {
    const missing = n - this.users.length;
    if (missing <= 0) return this.users.slice(0, n);
    const first = this.users.length;
    const start = now();
    let done = 0;
    const fresh = await mapLimit(
      Array.from({ length: missing }, (_, i) => first + i),
      parallel,
      async (i) => {
        const username = `b${this.tag}${i}`;
        const res = await this.call('POST', '/auth/register', {
          email: `${username}@bench.test`,
          password: `bench-${this.tag}-password`,
          name: `Bench User ${i}`,
          username,
        });
        if (res.status !== 201) throw new ApiError(res.status, res.body, 'register');
        if (++done % 500 === 0) onProgress?.(done, missing);
        return { id: res.body.user.id as string, token: res.body.accessToken as string };
      },
    );
    this.users.push(...fresh);
    this.lastRegisterRate = missing / ((now() - start) / 1000);
    return this.users.slice(0, n);
  }

  /** Opens (or finds) the direct chat of each pair; returns the conversation ids in order. */
  async directChats(pairs: readonly [BenchUser, BenchUser][], parallel = 16): Promise<string[]> {
    return mapLimit(pairs, parallel, async ([a, b]) => {
      const res = await this.call('POST', '/conversations', { userId: b.id }, a.token);
      if (res.status !== 201 && res.status !== 200) throw new ApiError(res.status, res.body, 'POST /conversations');
      return res.body.conversation.id as string;
    });
  }

  /**
   * Creates a group of `owner` plus `members` (POST /groups {name, memberIds}, as in
   * ../shared/API.md). Falls back to POST /groups/:id/members in chunks when the create call
   * refuses that many memberIds. Returns `skipped` when the server has no groups (404).
   */
  /** `settings`: more of the group's fields (e.g. `postPermission: 'admins'` for a broadcast group). */
  async createGroup(
    owner: BenchUser,
    members: readonly BenchUser[],
    settings: Record<string, unknown> = {},
  ): Promise<{ id: string } | { skipped: string }> {
    const name = `Bench group ${crypto.randomBytes(3).toString('hex')}`;
    const all = members.map((m) => m.id);
    let res = await this.call('POST', '/groups', { name, memberIds: all, ...settings }, owner.token);
    if (res.status === 404)
      return {
        skipped: `POST /api/v1/groups answered 404 (${(res.body as { code?: string })?.code ?? 'no code'}): this build has no groups yet`,
      };
    let rest: string[] = [];
    if (res.status === 400 || res.status === 422 || res.status === 413) {
      // Too many memberIds for one call: create with a first chunk and add the rest.
      res = await this.call('POST', '/groups', { name, memberIds: all.slice(0, 50), ...settings }, owner.token);
      rest = all.slice(50);
    }
    if (res.status !== 201 && res.status !== 200) throw new ApiError(res.status, res.body, 'POST /groups');
    const group = (res.body.group ?? res.body.conversation ?? res.body) as { id: string };
    for (let i = 0; i < rest.length; i += 50) {
      const add = await this.call('POST', `/groups/${group.id}/members`, { userIds: rest.slice(i, i + 50) }, owner.token);
      if (add.status === 404 && i === 0)
        return { skipped: `POST /groups/:id/members answered 404: cannot grow a group past ${50 + 1} members` };
      if (add.status >= 300) throw new ApiError(add.status, add.body, 'POST /groups/:id/members');
    }
    return { id: group.id };
  }

  /**
   * Messages in the direct chats of the users so far: the sum of each chat's last seq (seqs are
   * gap-free from 1), read once per chat from the first user of each pair (GET /conversations).
   */
  async directMessageCount(parallel = 16): Promise<number> {
    const seen = new Map<string, number>();
    await mapLimit(
      this.users.filter((_, i) => i % 2 === 0),
      parallel,
      async (u) => {
        const res = await this.call<{ conversations: { id: string; type: string; lastMessage?: { seq: number } | null }[] }>(
          'GET',
          '/conversations?limit=100',
          undefined,
          u.token,
        );
        for (const c of res.body.conversations ?? []) if (c.type === 'direct') seen.set(c.id, c.lastMessage?.seq ?? 0);
      },
    );
    return [...seen.values()].reduce((a, b) => a + b, 0);
  }
}
