/**
 * Two users, 1,000 messages each way, and the server killed with SIGKILL (kill -9) and restarted
 * twice in the middle. Written from packages/client/README.md alone: the SDK's public API, plus
 * node:child_process to run Parley. Passes when both sides delivered exactly the same 2,000
 * messages through `on('message')`, seq 1..2000 in order, each text once, in the order it was sent.
 *
 *   npm run example:restarts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createParleyClient, createRestClient, unwrap, type Message, type ParleyClient } from '@parley/client';
import { fileStorage } from '@parley/client/node';

const PER_SIDE = 1000;
const TOTAL = 2 * PER_SIDE;
/** The server is killed when this many sends (of both sides together) have been acked. */
const KILL_AT = [Math.round(TOTAL * 0.3), Math.round(TOTAL * 0.65)];
const DEADLINE_MS = 5 * 60_000;
const REPO = fileURLToPath(new URL('..', import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, ms = DEADLINE_MS): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Parley as a child process: the same port and DATA_DIR on every start, so its PGlite data outlives a kill -9. */
class ParleyProcess {
  output = '';
  private proc: ChildProcess | undefined;

  constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private get running(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async start(): Promise<number> {
    const started = Date.now();
    const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
        // 2,000 sends in a few seconds is far over the default per-user message budget (600 a minute).
        RATE_LIMITS: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    proc.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const rest = createRestClient({ url: this.url });
    const ready = () =>
      rest.GET('/health/ready').then(
        (r) => r.response.ok,
        () => false,
      );
    for (const end = Date.now() + 60_000; !(await ready()); await sleep(100)) {
      if (!this.running) throw new Error(`the server exited at start:\n${this.output}`);
      if (Date.now() > end) throw new Error(`the server was not ready within 60 s:\n${this.output}`);
    }
    return Date.now() - started;
  }

  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const proc = this.proc;
    if (!proc || !this.running) return;
    await new Promise((resolve) => {
      proc.once('exit', resolve);
      proc.kill(signal);
    });
  }
}

interface Side {
  name: string;
  client: ParleyClient;
  /** What `on('message')` delivered, in delivery order. */
  delivered: Message[];
  /** The texts this side sent, in the order sent. */
  texts: string[];
  acked: number;
  refused: unknown[];
}

async function signUp(url: string, dir: string, name: string): Promise<Side> {
  const client = createParleyClient({ url, storage: fileStorage(path.join(dir, `${name}.json`)) });
  const tag = crypto.randomUUID();
  await client.register({ email: `${name.toLowerCase()}-${tag.slice(0, 8)}@example.com`, password: `pw ${tag}`, name });
  const side: Side = { name, client, delivered: [], texts: [], acked: 0, refused: [] };
  client.on('message', (m) => side.delivered.push(m));
  return side;
}

/** Queues every send at once (none awaited): the outbox keeps them and sends them in order. */
function sendAll(side: Side, conversationId: string): void {
  for (let i = 0; i < PER_SIDE; i++) {
    const text = `${side.name} #${i}`;
    side.texts.push(text);
    void side.client.send(conversationId, { text }).then(
      () => side.acked++,
      (err: unknown) => side.refused.push(err),
    );
  }
}

/** What is wrong with what one side delivered (nothing when it is right). */
function problemsOf(side: Side, senders: Side[]): string[] {
  const problems: string[] = [];
  const got = side.delivered;
  const ids = new Set(got.map((m) => m.id));
  if (got.length !== TOTAL || ids.size !== TOTAL) problems.push(`${got.length} delivered, ${ids.size} distinct ids (want ${TOTAL})`);
  const wrongSeq = got.findIndex((m, i) => m.seq !== i + 1);
  if (wrongSeq >= 0) problems.push(`delivery ${wrongSeq + 1} has seq ${got[wrongSeq]!.seq}`);
  for (const sender of senders) {
    const texts = got.filter((m) => m.senderId === sender.client.userId).map((m) => m.text);
    const same = texts.length === sender.texts.length && texts.every((t, i) => t === sender.texts[i]);
    if (!same) problems.push(`${sender.name}'s texts: ${texts.length} delivered, not each once in the order sent`);
  }
  return problems.map((p) => `${side.name}: ${p}`);
}

/** The server's own history of the chat, oldest first (REST, 100 a page). */
async function history(client: ParleyClient, conversationId: string): Promise<Message[]> {
  const all: Message[] = [];
  for (let before: number | undefined; ;) {
    const page = await client.messages.list(conversationId, { limit: 100, ...(before === undefined ? {} : { before }) });
    all.unshift(...page.messages);
    if (!page.hasMore || page.messages.length === 0) return all;
    before = page.messages[0]!.seq;
  }
}

async function run(server: ParleyProcess, dir: string): Promise<string[]> {
  const [a, b] = [await signUp(server.url, dir, 'Ada'), await signUp(server.url, dir, 'Bo')];
  const chat = unwrap(await a.client.rest.POST('/conversations', { body: { userId: b.client.userId! } })).conversation.id;
  a.client.connect();
  b.client.connect();
  const started = Date.now();
  sendAll(a, chat);
  sendAll(b, chat);
  for (const [i, at] of KILL_AT.entries()) {
    await until(() => a.acked + b.acked >= at, `${at} acks`);
    const killed = Date.now();
    await server.stop('SIGKILL');
    const acked = a.acked + b.acked;
    const startMs = await server.start();
    await until(() => a.acked + b.acked > acked, 'the first ack after the restart');
    const resumedS = ((Date.now() - killed) / 1000).toFixed(1);
    console.log(
      `kill -9 #${i + 1} after ${acked} acks: server back up in ${(startMs / 1000).toFixed(1)} s, acks again after ${resumedS} s`,
    );
  }
  const done = () => [a, b].every((s) => s.client.status.pending === 0 && s.delivered.length >= TOTAL);
  await until(() => done() || a.refused.length + b.refused.length > 0, 'both outboxes to empty and 2,000 deliveries each side');
  const elapsed = (Date.now() - started) / 1000;
  console.log(`${TOTAL} messages in ${elapsed.toFixed(1)} s: ${Math.round(TOTAL / elapsed)} msgs/s (through two kill -9 restarts)`);
  const refused = [...a.refused, ...b.refused].map((e) => `refused: ${String(e)}`);
  const stored = await history(a.client, chat);
  const sameAsServer = [a, b].every((s) => s.delivered.length === stored.length && s.delivered.every((m, i) => m.id === stored[i]!.id));
  const mismatch = sameAsServer ? [] : [`the deliveries differ from the server's history (${stored.length} messages)`];
  await Promise.all([a.client.close(), b.client.close()]);
  return [...refused, ...problemsOf(a, [a, b]), ...problemsOf(b, [a, b]), ...mismatch];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-restarts-'));
  const server = new ParleyProcess(await freePort(), dir);
  let problems: string[];
  try {
    await server.start();
    problems = await run(server, dir);
  } catch (err) {
    problems = [String(err)];
  } finally {
    await server.stop('SIGTERM');
  }
  if (problems.length > 0 && server.output) console.error(`server output:\n${server.output.slice(-4000)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(problems.length === 0 ? 'OK' : `FAIL\n  ${problems.join('\n  ')}`);
  process.exit(problems.length === 0 ? 0 : 1);
}

await main();
