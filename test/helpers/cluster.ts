import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A Redis server of the test's own, so restarting it disturbs no other test. */
export class OwnRedis {
  proc: ChildProcess | undefined;
  private constructor(readonly port: number) {}
  static async start(): Promise<OwnRedis> {
    const r = new OwnRedis(await freePort());
    await r.up();
    return r;
  }
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async up(): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitFor(() => canConnect(this.port), 10_000, 'redis');
  }
  async down(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  }
}

/** The newest installed PostgreSQL's bin folder (Debian layout), if there is one. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin') : undefined;
}

const asPostgres = (command: string) =>
  new Promise<string>((resolve, reject) => {
    // PostgreSQL refuses to run as root; the tests may run as root.
    const [cmd, args] = process.getuid?.() === 0 ? ['su', ['postgres', '-s', '/bin/sh', '-c', command]] : ['/bin/sh', ['-c', command]];
    execFile(cmd, args, { timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${command}: ${stderr || err.message}`)) : resolve(stdout),
    );
  });

/**
 * A PostgreSQL cluster of the test's own (initdb into a temp folder, trust auth on 127.0.0.1,
 * a free port), so restarting it disturbs no other test. Needs the server binaries (`postgresBin`).
 */
export class OwnPostgres {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const bin = postgresBin();
    if (!bin) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-pg-'));
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
    const pgPort = await freePort();
    const own = new OwnPostgres(bin, dir, pgPort);
    await asPostgres(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust --no-sync -E UTF8 >/dev/null`);
    await own.ctl('start');
    return own;
  }

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** `pg_ctl start|stop|restart`; stop and restart with `-m fast`: sessions are terminated (57P01), as a failover does. */
  async ctl(action: 'start' | 'stop' | 'restart'): Promise<void> {
    const opts = `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dir} -c fsync=off -c max_connections=200`;
    const mode = action === 'start' ? '' : '-m fast';
    await asPostgres(`${this.bin}/pg_ctl -D ${this.dir}/data -l ${this.dir}/log -w -t 60 ${mode} -o "${opts}" ${action}`);
  }

  async destroy(): Promise<void> {
    await this.ctl('stop').catch(() => {});
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

/** One Parley process (`node --import tsx src/main.ts`), as a deployment runs it. */
export class Node {
  proc!: ChildProcess;
  output = '';
  private constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string>): Promise<Node> {
    const n = new Node(await freePort(), env);
    await n.up();
    return n;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-'));
    this.proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc.stdout!.on('data', (d) => (this.output += d));
    this.proc.stderr!.on('data', (d) => (this.output += d));
    await waitFor(async () => (await fetch(`${this.url}/api/v1/health/ready`)).ok, 60_000, `node on ${this.port}: ${this.output}`);
  }

  /** The process has exited (or was killed) since it started. */
  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null;
  }

  /** SIGSTOP / SIGCONT: the process freezes (a long GC pause, a stalled VM) and wakes again. */
  freeze(): void {
    this.proc.kill('SIGSTOP');
  }

  thaw(): void {
    this.proc.kill('SIGCONT');
  }

  /** kill -9: no shutdown, no goodbye. */
  async crash(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill('SIGTERM');
    });
  }

  async api(
    method: string,
    urlPath: string,
    opts: { token?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}/api/v1${urlPath}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  async register(name: string): Promise<{ id: string; token: string }> {
    const tag = crypto.randomBytes(5).toString('hex');
    const r = await this.api('POST', '/auth/register', { body: { email: `n${tag}@example.test`, password: `pw-${tag}-long`, name } });
    if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
    return { id: r.body.user.id, token: r.body.accessToken };
  }

  socket(token: string, listen?: (s: Socket) => void, opts: { reconnection?: boolean } = {}): Promise<Socket> {
    const s = connect(this.url, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      reconnection: opts.reconnection ?? false,
    });
    listen?.(s);
    s.connect();
    return new Promise((resolve, reject) => {
      s.once('connect', () => {
        // A round trip orders us after the room joins.
        s.emit('presence:query', { userIds: ['00000000-0000-7000-8000-000000000000'] }, () => resolve(s));
      });
      s.once('connect_error', reject);
    });
  }
}

/** A fresh PostgreSQL database for a cluster, dropped afterwards. */
export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parley_cluster_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
