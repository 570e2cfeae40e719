import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { buildApp, type ParleyApp } from '../../src/app.js';
import type { JobDeps } from '../../src/boot/jobs.js';
import { loadConfig } from '../../src/config.js';
import { users } from '../../src/db/schema.js';
import { avatarColorFor, initialsOf } from '../../src/features/users/profile.js';
import { newId } from '../../src/lib/ids.js';
import { checkAck, checkServerEvent } from './contract.js';

export interface TestUser {
  id: string;
  token: string;
  refreshToken: string;
  email: string;
  username: string;
  password: string;
  name: string;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A real Parley on port 0: PGlite by default, a fresh PostgreSQL database per server when the
 * project runs with PARLEY_TEST_DB=postgres. Talk to it only through `fetch` and socket.io-client.
 */
export class TestServer {
  app!: ParleyApp;
  url = '';
  private sockets: Socket[] = [];
  private env: Record<string, string>;
  /** Handed to buildApp (a test's DNS table for link previews). */
  private deps: JobDeps = {};

  private constructor(
    readonly dataDir: string,
    env: Record<string, string>,
    private readonly dropDatabase?: () => Promise<void>,
  ) {
    this.env = env;
  }

  static async start(extraEnv: Record<string, string> = {}, opts: { persistent?: boolean; deps?: JobDeps } = {}): Promise<TestServer> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      EMITTER_POLL_MS: '200',
      // Every test registers its users from 127.0.0.1; the limit tests set their own limits.
      RATE_LIMIT_REGISTER_PER_IP: '100000/1h',
      ...extraEnv,
    };
    let drop: (() => Promise<void>) | undefined;
    if (process.env.PARLEY_TEST_DB === 'postgres' && process.env.TEST_REDIS_URL && !('REDIS_URL' in extraEnv)) {
      // The PostgreSQL project runs with Redis too, as a deployment of many nodes would.
      env.REDIS_URL = process.env.TEST_REDIS_URL;
      env.REDIS_KEY_PREFIX = `parley-test:${crypto.randomBytes(6).toString('hex')}:`;
    }
    if (process.env.PARLEY_TEST_DB === 'postgres' && !('DATABASE_URL' in extraEnv)) {
      // extraEnv.DATABASE_URL: another node on an existing server's database (which that server drops).
      const admin = process.env.TEST_DATABASE_URL!;
      const name = `parley_t_${crypto.randomBytes(6).toString('hex')}`;
      await withClient(admin, (c) => c.query(`create database ${name}`));
      const u = new URL(admin);
      u.pathname = `/${name}`;
      env.DATABASE_URL = u.toString();
      drop = () => withClient(admin, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {});
    } else if (!opts.persistent) {
      env.PGLITE_PATH = 'memory://';
    }
    const server = new TestServer(dataDir, env, drop);
    server.deps = opts.deps ?? {};
    await server.boot();
    return server;
  }

  private async boot(port = 0): Promise<void> {
    this.app = await buildApp(loadConfig(this.env), this.deps);
    const address = await this.app.http.listen({ port, host: '127.0.0.1' });
    this.url = address;
  }

  /**
   * Stops the server and starts it again on the same data: a new port, or the same one (`samePort`: clients reconnect to it).
   */
  async restart(opts: { samePort?: boolean } = {}): Promise<void> {
    const port = opts.samePort ? Number(new URL(this.url).port) : 0;
    this.closeSockets();
    await this.app.close();
    await this.boot(port);
  }

  /**
   * Stops the server, runs `fn` with the environment that names its database (DATA_DIR, PGLITE_PATH,
   * DATABASE_URL: for a CLI on the same data, which PGlite lets only one process open), then starts it again.
   */
  async whileStopped<T>(fn: (env: Record<string, string>) => Promise<T>): Promise<T> {
    this.closeSockets();
    await this.app.close();
    try {
      return await fn({ ...this.env });
    } finally {
      await this.boot();
    }
  }

  async close(): Promise<void> {
    this.closeSockets();
    await this.app.close();
    await this.dropDatabase?.();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  private closeSockets(): void {
    for (const s of this.sockets) s.disconnect();
    this.sockets = [];
  }

  async api<T = any>(
    method: string,
    urlPath: string,
    opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}/api/v1${urlPath}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async register(name = 'Test User', extra: Record<string, unknown> = {}): Promise<TestUser> {
    const tag = crypto.randomBytes(5).toString('hex');
    const email = `u${tag}@example.test`;
    const password = `pw-${tag}-secret`;
    const res = await this.api('POST', '/auth/register', { body: { email, password, name, ...extra } });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
    const b = res.body;
    return { id: b.user.id, token: b.accessToken, refreshToken: b.refreshToken, email, username: b.user.username, password, name };
  }

  /**
   * `count` users written straight to the database (no password, no session): for tests that need
   * a crowd to add to a group, not 500 registrations' worth of password hashing. Returns their ids.
   */
  async seedUsers(count: number, name: string): Promise<string[]> {
    const tag = crypto.randomBytes(4).toString('hex');
    const rows = Array.from({ length: count }, (_, i) => {
      const id = newId();
      return { id, name: `${name} ${i}`, username: `seed_${tag}_${i}`, initials: initialsOf(name), avatarColor: avatarColorFor(id) };
    });
    for (let i = 0; i < rows.length; i += 200) await this.app.ctx.db.insert(users).values(rows.slice(i, i + 200));
    return rows.map((r) => r.id);
  }

  /** Registers one user per name, at once; typed as a tuple so callers can destructure. */
  registerAll<N extends string[]>(...names: N): Promise<{ [K in keyof N]: TestUser }> {
    return Promise.all(names.map((n) => this.register(n))) as Promise<{ [K in keyof N]: TestUser }>;
  }

  /**
   * A connected socket.io-client for this token (waits for the connection and the room joins).
   * `listen` attaches handlers before connecting, so no early event is missed.
   */
  async socket(token: string, listen?: (s: Socket) => void, auth: { echo?: boolean } = {}): Promise<Socket> {
    const s = connect(this.url, {
      auth: { token, ...auth },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    this.sockets.push(s);
    s.onAny((event: string, payload: unknown) => checkServerEvent(event, payload));
    listen?.(s);
    s.connect();
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', (err) => reject(err));
    });
    // Rooms are joined right after the handshake; a round trip through the server orders us after it.
    await emit(s, 'presence:query', { userIds: ['00000000-0000-7000-8000-000000000000'] });
    return s;
  }

  /** Connects and expects the handshake to fail; resolves with the connect_error. */
  async socketError(auth: Record<string, unknown>): Promise<Error & { data?: { code: string } }> {
    const s = connect(this.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    this.sockets.push(s);
    return new Promise((resolve, reject) => {
      s.once('connect', () => reject(new Error('connected but should not have')));
      s.once('connect_error', (err) => resolve(err as Error & { data?: { code: string } }));
    });
  }

  /** Opens (or finds) the direct conversation of a and b; returns its id. */
  async directChat(a: TestUser, b: TestUser): Promise<string> {
    const res = await this.api('POST', '/conversations', { token: a.token, body: { userId: b.id } });
    if (res.status !== 201 && res.status !== 200) throw new Error(`open chat failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.conversation.id;
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Emits with an ack and resolves with the ack's value. */
export function emit<T = any>(s: Socket, event: string, payload?: unknown, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ack for ${event}`)), timeoutMs);
    const done = (r: T) => {
      clearTimeout(t);
      checkAck(event, r);
      resolve(r);
    };
    if (payload === undefined) s.emit(event, done);
    else s.emit(event, payload, done);
  });
}

/** Resolves with the next `event` on `s` that matches, or rejects after `timeoutMs`. */
export function next<T = any>(s: Socket, event: string, match: (p: T) => boolean = () => true, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const handler = (p: T) => {
      if (!match(p)) return;
      clearTimeout(t);
      s.off(event, handler);
      resolve(p);
    };
    const t = setTimeout(() => {
      s.off(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    s.on(event, handler);
  });
}

/** Collects every `event` on `s` from now on. */
export function collect<T = any>(s: Socket, event: string): T[] {
  const seen: T[] = [];
  s.on(event, (p: T) => seen.push(p));
  return seen;
}

/** Resolves once nothing more is expected: lets in-flight emits arrive (for asserting absence). */
/** Every stored event `user` can sync from the start, over a socket opened for it. */
export async function syncEvents(server: TestServer, user: TestUser): Promise<any[]> {
  const s = await server.socket(user.token);
  const ack = await emit(s, 'sync:request', { cursor: 0 });
  if (!ack.ok) throw new Error(`sync:request failed: ${JSON.stringify(ack)}`);
  s.disconnect();
  return ack.events;
}

/** Resolves with the disconnect reason, or rejects if the socket is still connected after `ms`. */
export const disconnected = (s: Socket, ms = 3000) =>
  new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('socket still connected')), ms);
    s.once('disconnect', (reason) => {
      clearTimeout(t);
      resolve(reason);
    });
  });

export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
