import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sleep } from './stats.js';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoDir = path.resolve(benchDir, '..');

export type DbSpec = { kind: 'pglite' } | { kind: 'postgres'; adminUrl: string };

export const dbLabel = (db: DbSpec) => (db.kind === 'pglite' ? 'pglite' : 'postgres');

/**
 * Runs `node <args>` through bash to lift the soft open-files limit to the hard one first (one
 * descriptor per socket; `exec` keeps the pid). Raising the hard limit needs privileges the
 * harness does not assume: the connections scenario caps N at what the server can hold.
 */
export function nodeWithFdLimit(args: string[]): [string, string[]] {
  return ['bash', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, ...args]];
}

/** A server child process (Parley or the relay) that the harness measures. */
export interface ServerHandle {
  kind: 'parley' | 'relay';
  label: string;
  url: string;
  pid: number;
  /** The PostgreSQL database created for this run (or joined), if any, and its URL. */
  database?: string;
  databaseUrl?: string;
  /** Parley's DATA_DIR (PGlite keeps its database in `pglite/` there). */
  dataDir?: string;
  /** Lines the server wrote (warnings and errors at LOG_LEVEL=warn). */
  logLines: number;
  logTail: string[];
  /** Asks the preloaded hook (bench/serverHook.ts) for something; Parley only. */
  hook<T = Record<string, unknown>>(type: string, payload?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function postgresVersion(adminUrl: string): Promise<string> {
  return withPg(adminUrl, async (c) => {
    const r = await c.query<{ v: string; sc: string }>(`select version() as v, current_setting('synchronous_commit') as sc`);
    return `${r.rows[0]!.v.split(' on ')[0]} (synchronous_commit=${r.rows[0]!.sc})`;
  });
}

function wireChild(child: ChildProcess, tail: string[], counter: { lines: number }): void {
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      counter.lines++;
      tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
}

function hookCaller(child: ChildProcess) {
  let nextId = 1;
  const waiting = new Map<number, (r: Record<string, unknown>) => void>();
  child.on('message', (m: unknown) => {
    const r = m as { id?: number };
    if (typeof r.id === 'number') waiting.get(r.id)?.(r);
  });
  return <T>(type: string, payload: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`server hook: no answer to ${type}`));
      }, timeoutMs);
      waiting.set(id, (r) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (r.ok) resolve(r as T);
        else reject(new Error(`server hook: ${String(r.error)}`));
      });
      child.send({ id, type, ...payload });
    });
}

async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(t);
}

/**
 * Starts Parley as a child process (`node --import tsx src/main.ts` in `serverDir`) on a free
 * port, with a temporary DATA_DIR and, for PostgreSQL, a fresh database that `stop` drops; with
 * `join`, another node on that server's database instead (its `stop` leaves the database).
 */
export async function startParley(opts: {
  serverDir: string;
  db: DbSpec;
  env?: Record<string, string>;
  join?: ServerHandle;
}): Promise<ServerHandle> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
  let dropDb: (() => Promise<void>) | undefined;
  let database: string | undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.tmpdir(),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    RATE_LIMITS: 'off',
    // Setup tokens must outlive a full run.
    ACCESS_TOKEN_TTL_SECONDS: '86400',
  };
  if (opts.join?.databaseUrl) {
    database = opts.join.database;
    env.DATABASE_URL = opts.join.databaseUrl;
  } else if (opts.db.kind === 'postgres') {
    const name = `parley_bench_${crypto.randomBytes(5).toString('hex')}`;
    database = name;
    await withPg(opts.db.adminUrl, (c) => c.query(`create database ${name}`));
    const u = new URL(opts.db.adminUrl);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    const adminUrl = opts.db.adminUrl;
    dropDb = () => withPg(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
  }
  Object.assign(env, opts.env);

  const hook = pathToImport(path.join(benchDir, 'serverHook.ts'));
  const args = ['--expose-gc', '--conditions=source', '--import', 'tsx', '--import', hook, 'src/main.ts'];
  const [cmd, argv] = nodeWithFdLimit(args);
  const child = spawn(cmd, argv, { cwd: opts.serverDir, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const tail: string[] = [];
  const counter = { lines: 0 };
  wireChild(child, tail, counter);
  const url = `http://127.0.0.1:${port}`;
  let stopping = false;
  const cleanup = async () => {
    stopping = true;
    await stopChild(child);
    await dropDb?.().catch((err) => console.error(`could not drop the bench database: ${String(err)}`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitReady(`${url}/api/v1/health/ready`, child, tail);
  } catch (err) {
    await cleanup();
    throw err;
  }
  const label = dbLabel(opts.db);
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`\nthe Parley server (${label}) exited unexpectedly (${code ?? signal}); its last lines:\n${tail.join('\n')}\n`);
  });
  return {
    kind: 'parley',
    label,
    url,
    pid: child.pid!,
    database,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    get logLines() {
      return counter.lines;
    },
    logTail: tail,
    hook: hookCaller(child),
    stop: cleanup,
  };
}

/** Starts the bare relay (bench/relay.ts) as a child process; with `durableAdminUrl`, the durable relay on a fresh database. */
export async function startRelay(durableAdminUrl?: string): Promise<ServerHandle> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOST: '127.0.0.1', PORT: '0' };
  let database: string | undefined;
  if (durableAdminUrl) {
    database = `parley_bench_relay_${crypto.randomBytes(5).toString('hex')}`;
    await withPg(durableAdminUrl, (c) => c.query(`create database ${database}`));
    const u = new URL(durableAdminUrl);
    u.pathname = `/${database}`;
    env.DURABLE_URL = u.toString();
  }
  const dropDb = async () => {
    if (durableAdminUrl && database)
      await withPg(durableAdminUrl, (c) => c.query(`drop database if exists ${database} with (force)`)).catch(() => undefined);
  };
  const [cmd, argv] = nodeWithFdLimit(['--conditions=source', '--import', 'tsx', path.join(benchDir, 'relay.ts')]);
  const child = spawn(cmd, argv, {
    cwd: repoDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const tail: string[] = [];
  const counter = { lines: 0 };
  wireChild(child, tail, counter);
  const port = await new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`relay did not start:\n${tail.join('\n')}`)), 30_000);
    child.on('message', (m: unknown) => {
      const r = m as { ready?: boolean; port?: number };
      if (r.ready) {
        clearTimeout(t);
        resolve(r.port!);
      }
    });
    child.once('exit', (code) => reject(new Error(`relay exited (${code}):\n${tail.join('\n')}`)));
  });
  return {
    kind: 'relay',
    label: durableAdminUrl ? 'durable relay' : 'relay',
    database,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    get logLines() {
      return counter.lines;
    },
    logTail: tail,
    hook: () => Promise.reject(new Error('the relay has no hook')),
    stop: () => stopChild(child, 5_000).then(dropDb),
  };
}

async function waitReady(url: string, child: ChildProcess, tail: string[], timeoutMs = 90_000): Promise<void> {
  const start = Date.now();
  // Set by the exit listener; declared wide so the loop below does not narrow it to null.
  let exited = null as number | null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() - start < timeoutMs) {
    if (exited !== null) throw new Error(`the server exited (${exited}) before it was ready:\n${tail.join('\n')}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the server was not ready after ${timeoutMs} ms:\n${tail.join('\n')}`);
}

/** `--import` wants a URL or a relative specifier; an absolute path works as a file URL. */
function pathToImport(p: string): string {
  return new URL(`file://${p}`).href;
}
