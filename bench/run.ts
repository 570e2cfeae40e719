/**
 * Parley's benchmark harness: `npm run bench -- [flags]` (see --help). It starts the server
 * under test as a child process, drives it from load-generator processes with socket.io-client,
 * samples the server's CPU and RSS from /proc, prints a table and writes JSON to bench/results/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Api } from './api.js';
import { renderDocs } from './chart.js';
import { allPairsFigures, type Bench, type DbRun, type Options, type PairsFigures, type Results, type StorageFigures } from './context.js';
import { fileLimit, Sampler } from './proc.js';
import { formatProfile } from './profileSummary.js';
import { connectionsScenario } from './scenarios/connections.js';
import { fanoutScenario } from './scenarios/fanout.js';
import { groupsScenario } from './scenarios/groups.js';
import { nodesScenario } from './scenarios/nodes.js';
import { pairsScenario } from './scenarios/pairs.js';
import { pushScenario } from './scenarios/push.js';
import { stormScenario } from './scenarios/storm.js';
import { benchDir, postgresVersion, repoDir, startParley, startRelay, type DbSpec, type ServerHandle } from './server.js';
import { defaultLocalAddresses } from './sockets.js';
import { fmt, now } from './stats.js';
import { computeTargets } from './targets.js';
import { WorkerPool } from './workers.js';
import { PushService } from '../test/helpers/pushService.js';

const HELP = `Usage: npm run bench -- [flags]

  --quick                  small sizes and short runs (about a minute)
  --scenarios LIST         pairs,push,groups,fanout,connections,storm,nodes (default: all; nodes
                           only runs with --nodes N > 1)
  --db DB                  pglite or a PostgreSQL URL (an admin URL: a fresh database is created
                           per run and dropped after); repeatable. Pairs and push run on every
                           --db; the other scenarios on the first PostgreSQL one (else the first).
                           Default: pglite, plus $BENCH_DATABASE_URL when set. none: only the relay.
  --pairs N                direct pairs (2N clients, both sides send)          [100; quick 20]
  --window LIST            messages in flight per client, closed loop          [1,8; quick 4]
  --duration S             measured seconds per pairs run                      [10; quick 3]
  --warmup S               unmeasured seconds before each pairs run            [2; quick 1]
  --no-half-rate           skip the open-loop run at half the best rate
  --rate R                 the open-loop run at R messages/s instead of half the best rate (to
                           compare two servers at the same load)
  --no-receipts            skip the receipts-on pairs run (receivers send message:delivered and
                           message:read for every message, as a real client does)
  --groups N               groups scenario: N groups, all members online, everyone sending (W=1) [50; quick 5]
  --group-size N           members per group, sender included                  [20; quick 5]
  --push-pairs N           push: direct pairs; in every other one the receiver is offline with a
                           Web Push device (the bench's push service) and only the sender sends
                                                                               [--pairs: 100; quick 20]
  --push-window N          push: messages in flight per sender, closed loop    [first --window: 1; quick 4]
  --fanout-members N       group size, sender included                         [1000; quick 100]
  --fanout-messages N      measured messages                                   [20; quick 5]
  --fanout-broadcast       fan out in a broadcast group (only admins post; up to BROADCAST_MAX_MEMBERS,
                           so --fanout-members may pass GROUP_MAX_MEMBERS)
  --connections N          idle sockets (capped by the server's open-files limit) [20000; quick 600]
  --conn-users N           users those sockets sign in as (sockets share them) [5000; quick 200]
  --conn-steps N           steps the connections are made in (RSS read after each) [8; quick 3]
  --storm-clients N        clients in the reconnect storm                      [5000; quick 200]
  --storm-partners N       users who send to them while they are away          [50; quick 5]
  --storm-events N         missed events per client                            [20; quick 5]
  --storm-spread MS        spread the reconnects uniformly over MS ms (socket.io-client's own
                           first retry after a server restart falls in 500–1500 ms) [0: all at once]
  --sync-limit N           sync:request page size (server default when unset)
  --nodes N                nodes scenario: N Parley processes on one PostgreSQL database (the first
                           PostgreSQL --db) and Redis; the pairs load at the best window on one
                           node, then spread round-robin over all N                   [1: skipped]
  --redis URL              Redis for the nodes scenario                        [$BENCH_REDIS_URL]
  --workers N              load-generator processes                            [2]
  --register-parallel N    registrations in flight during setup                [16]
  --profile                CPU-profile the server during an extra pairs run and the storm (bench/results/*.cpuprofile)
  --docs                   render docs/benchmarks/*.svg and the results block of docs/benchmarks.md
  --wait-quiet S           before each measurement, wait up to S s for other processes to leave
                           the cores alone (their CPU is reported as "other" either way) [30; quick 5]
  --retries N              repeat a pairs run when other processes took > 25 % of a core
                           meanwhile; the least disturbed attempt is kept          [1; quick 0]
  --server-dir DIR         the Parley checkout to run (default: this one)
  --server-commit TEXT     what to call that checkout in the results (default: its git HEAD)
  --server-env K=V         extra environment for the server; repeatable
  --out FILE               JSON results (default: bench/results/<timestamp>.json)
`;

function parseOptions(argv: string[]): Options & { help: boolean; serverCommit?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean', short: 'h' },
      quick: { type: 'boolean' },
      scenarios: { type: 'string' },
      db: { type: 'string', multiple: true },
      pairs: { type: 'string' },
      window: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'no-half-rate': { type: 'boolean' },
      rate: { type: 'string' },
      'no-receipts': { type: 'boolean' },
      groups: { type: 'string' },
      'group-size': { type: 'string' },
      'push-pairs': { type: 'string' },
      'push-window': { type: 'string' },
      'fanout-members': { type: 'string' },
      'fanout-messages': { type: 'string' },
      'fanout-broadcast': { type: 'boolean' },
      connections: { type: 'string' },
      'conn-users': { type: 'string' },
      'conn-steps': { type: 'string' },
      'storm-clients': { type: 'string' },
      'storm-partners': { type: 'string' },
      'storm-events': { type: 'string' },
      'storm-spread': { type: 'string' },
      'sync-limit': { type: 'string' },
      nodes: { type: 'string' },
      redis: { type: 'string' },
      workers: { type: 'string' },
      'register-parallel': { type: 'string' },
      profile: { type: 'boolean' },
      docs: { type: 'boolean' },
      'wait-quiet': { type: 'string' },
      retries: { type: 'string' },
      'server-dir': { type: 'string' },
      'server-commit': { type: 'string' },
      'server-env': { type: 'string', multiple: true },
      out: { type: 'string' },
    },
  });
  const quick = Boolean(values.quick);
  const int = (v: string | undefined, full: number, q: number) => {
    if (v === undefined) return quick ? q : full;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${v}`);
    return n;
  };
  const all = ['pairs', 'push', 'groups', 'fanout', 'connections', 'storm', 'nodes'] as const;
  const scenarios = new Set((values.scenarios?.split(',') ?? all).map((s) => s.trim()));
  for (const s of scenarios) if (!(all as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}`);
  let dbs = values.db?.length ? values.db : ['pglite', ...(process.env.BENCH_DATABASE_URL ? [process.env.BENCH_DATABASE_URL] : [])];
  if (dbs.includes('none')) dbs = [];
  for (const d of dbs)
    if (d !== 'pglite' && !/^postgres(ql)?:\/\//.test(d)) throw new Error(`--db must be pglite or a postgres:// URL, not ${d}`);
  const serverEnv: Record<string, string> = {};
  for (const kv of values['server-env'] ?? []) {
    const i = kv.indexOf('=');
    if (i < 1) throw new Error(`--server-env wants K=V, not ${kv}`);
    serverEnv[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const pairs = int(values.pairs, 100, 20);
  const windows = (values.window ?? (quick ? '4' : '1,8')).split(',').map(Number);
  return {
    help: Boolean(values.help),
    quick,
    scenarios: scenarios as Options['scenarios'],
    dbs,
    pairs,
    windows,
    pushPairs: int(values['push-pairs'], pairs, pairs),
    pushWindow: int(values['push-window'], windows[0]!, windows[0]!),
    halfRate: !values['no-half-rate'],
    ...(values.rate === undefined ? {} : { openRate: int(values.rate, 0, 0) }),
    receipts: !values['no-receipts'],
    groups: int(values.groups, 50, 5),
    groupSize: int(values['group-size'], 20, 5),
    durationMs: int(values.duration, 10, 3) * 1000,
    warmupMs: int(values.warmup, 2, 1) * 1000,
    fanoutMembers: int(values['fanout-members'], 1000, 100),
    fanoutMessages: int(values['fanout-messages'], 20, 5),
    fanoutBroadcast: values['fanout-broadcast'] === true,
    connections: int(values.connections, 20_000, 600),
    connUsers: int(values['conn-users'], 5000, 200),
    connSteps: int(values['conn-steps'], 8, 3),
    stormClients: int(values['storm-clients'], 5000, 200),
    stormPartners: int(values['storm-partners'], 50, 5),
    stormEvents: int(values['storm-events'], 20, 5),
    stormSpreadMs: int(values['storm-spread'], 0, 0),
    syncLimit: values['sync-limit'] === undefined ? undefined : Number(values['sync-limit']),
    workers: int(values.workers, 2, 2),
    registerParallel: int(values['register-parallel'], 16, 16),
    localAddresses: defaultLocalAddresses,
    profile: Boolean(values.profile),
    docs: Boolean(values.docs),
    quietWaitMs: int(values['wait-quiet'], 30, 5) * 1000,
    retries: int(values.retries, 1, 0),
    serverDir: path.resolve(values['server-dir'] ?? repoDir),
    serverCommit: values['server-commit'],
    serverEnv,
    nodes: int(values.nodes, 1, 1),
    redisUrl: values.redis ?? process.env.BENCH_REDIS_URL,
    out: values.out,
  };
}

function machineInfo(): Record<string, string | number> {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = fs.readFileSync('/proc/meminfo', 'utf8');
  const limit = fileLimit();
  return {
    nproc: os.cpus().length,
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    cpuMHz: Number(/^cpu MHz\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? NaN),
    memoryGiB: Number((Number(/^MemTotal:\s+(\d+)/m.exec(meminfo)?.[1] ?? 0) / 1024 / 1024).toFixed(1)),
    kernel: os.release(),
    node: process.version,
    openFilesLimit: `${limit.soft} (hard ${limit.hard})`,
  };
}

function gitCommit(dir: string): string {
  try {
    const head = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', dir, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function pairsRows(figs: PairsFigures[]): string[][] {
  return figs.map((f) => [
    f.target,
    f.mode === 'closed' ? `W=${f.window}` : `${fmt(f.offeredRate)}/s`,
    fmt(f.deliveredPerSec),
    fmt(f.ackedPerSec),
    fmt(f.otherEventsPerSec),
    (f.ratioToCeiling === undefined ? '' : `${fmt(f.ratioToCeiling * 100)} %`) +
      (f.ratioToDurable === undefined ? '' : ` (durable ${fmt(f.ratioToDurable * 100)} %)`),
    fmt(f.latency.p50, 1),
    fmt(f.latency.p95, 1),
    fmt(f.latency.p99, 1),
    fmt(f.resources.serverCpuPct),
    fmt(f.resources.serverRssMiB),
    fmt(f.resources.postgresCpuPct),
    fmt(f.cpuPerMessageUs?.server),
    fmt(f.cpuPerMessageUs?.postgres),
    fmt(f.resources.loadgenCpuPct),
    fmt(f.resources.otherPct),
    f.errors ? String(f.errors) : '',
  ]);
}

/** Bytes under `dir`, walking it (du without a subprocess). */
function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  return total;
}

/** PGlite's folder after the pairs runs: the database and its WAL per 1,000 messages (counted in the database). */
async function pgliteStorage(dataDir: string, api: Api): Promise<StorageFigures | undefined> {
  const pglite = path.join(dataDir, 'pglite');
  const messages = await api.directMessageCount();
  if (!messages) return undefined;
  const walBytes = folderBytes(path.join(pglite, 'pg_wal'));
  const databaseBytes = folderBytes(pglite) - walBytes;
  return {
    messages,
    databaseBytes,
    walBytes,
    databasePer1000: (databaseBytes / messages) * 1000,
    walPer1000: (walBytes / messages) * 1000,
  };
}

function printReport(r: Results): void {
  const out: string[] = [];
  const pairsFigs = allPairsFigures(r);
  if (pairsFigs.length) {
    out.push(
      '\nPAIRS (messages/s; latency send → delivered in ms; CPU in % of one core)',
      table(
        [
          'target',
          'load',
          'delivered/s',
          'acked/s',
          'other ev/s',
          'vs ceiling',
          'p50',
          'p95',
          'p99',
          'srv CPU',
          'srv MiB',
          'pg CPU',
          'srv µs/msg',
          'pg µs/msg',
          'load CPU',
          'other CPU',
          'errors',
        ],
        pairsRows(pairsFigs),
      ),
    );
  }
  const pushes = r.runs.flatMap((x) => (x.push ? [x.push] : []));
  if (pushes.length) {
    out.push(
      '\nPUSH (half the receivers offline with a Web Push device; send → push arrival at the loopback push service, ms; ' +
        'online: the other half, send → delivered)',
      table(
        [
          'target',
          'load',
          'to offline/s',
          'pushed/sent',
          'pushes/s',
          'p50',
          'p95',
          'p99',
          'max',
          'online dlv/s',
          'online p50',
          'online p99',
          'srv CPU',
          'pg CPU',
          'load CPU',
          'other CPU',
          'missing',
        ],
        pushes.map((p) => [
          p.target,
          `${p.pairs} pairs W=${p.window}`,
          fmt(p.sentToOfflinePerSec),
          `${fmt(p.match.pushed)}/${fmt(p.match.sent)} (${fmt((p.match.pushed / p.match.sent) * 100, 1)} %)`,
          fmt(p.match.pushesPerSec),
          fmt(p.match.latency.p50, 1),
          fmt(p.match.latency.p95, 1),
          fmt(p.match.latency.p99, 1),
          fmt(p.match.latency.max, 1),
          fmt(p.online.deliveredPerSec),
          fmt(p.online.latency.p50, 1),
          fmt(p.online.latency.p99, 1),
          fmt(p.resources.serverCpuPct),
          fmt(p.resources.postgresCpuPct),
          fmt(p.resources.loadgenCpuPct),
          fmt(p.resources.otherPct),
          p.match.lastWithoutPush || p.rejected ? `${p.match.lastWithoutPush} last, ${p.rejected} refused` : '',
        ]),
      ),
    );
  }
  for (const run of r.runs) {
    const f = run.fanout;
    if (f && !f.skipped) {
      out.push(
        `\nFAN-OUT (${run.db}): ${f.members} members, ${f.messages} messages: last member after p50 ${fmt(f.lastMember!.p50, 1)} ms, ` +
          `p95 ${fmt(f.lastMember!.p95, 1)} ms, max ${fmt(f.lastMember!.max, 1)} ms; first member p50 ${fmt(percentile(f.firstMemberMs!, 0.5), 1)} ms` +
          `${f.missing ? `; ${f.missing} receipts missing` : ''}`,
      );
    } else if (f?.skipped) out.push(`\nFAN-OUT (${run.db}): skipped: ${f.skipped}`);
    const c = run.connections;
    if (c) {
      out.push(
        `\nCONNECTIONS (${run.db}): ${fmt(c.connected)} idle sockets (${c.users} users × ${c.socketsPerUser}), ${c.failed} failed; ` +
          `${fmt(c.bytesPerConnSlope / 1000, 1)} KB RSS per connection (slope), JS heap +${fmt(c.heapBytesPerConn / 1000, 1)} KB per connection; ` +
          `${fmt(c.connectsPerSec)} connects/s, connect p99 ${fmt(c.connectLatency.p99, 0)} ms` +
          (c.limitNote ? `\n  note: ${c.limitNote}` : ''),
      );
    }
    const s = run.storm;
    if (s) {
      out.push(
        `\nRECONNECT STORM (${run.db}): ${fmt(s.clients)} clients, ${s.eventsPerClient} missed events each: all in sync after ${fmt(s.allInSyncMs / 1000, 2)} s ` +
          `(p50 ${fmt(s.inSync.p50 / 1000, 2)} s, p99 ${fmt(s.inSync.p99 / 1000, 2)} s); connected p99 ${fmt(s.connected.p99 / 1000, 2)} s; ` +
          `${s.wrong} wrong counts, ${s.failed} failed, ${s.connectErrors} connect errors; server CPU ${fmt(s.resources.serverCpuPct)} %, PostgreSQL ${fmt(s.resources.postgresCpuPct)} %`,
      );
    }
    for (const f of run.failures ?? []) out.push(`\nFAILED (${run.db}, ${f.scenario}): ${f.error}`);
    if (run.pairs?.profile) out.push(`\nPROFILE (${run.db}, ${run.pairs.profile.path}):\n${formatProfile(run.pairs.profile)}`);
    if (s?.profile) out.push(`\nSTORM PROFILE (${run.db}, ${s.profile.path}):\n${formatProfile(s.profile)}`);
  }
  out.push(
    '\nTARGETS',
    table(
      ['target', 'db', 'wanted', 'measured', 'ratio', 'met'],
      r.targets.map((t) => [t.name, t.db, t.target, t.measured, t.ratio ?? '', t.ok === null ? 'n/a' : t.ok ? 'yes' : 'NO']),
    ),
  );
  console.log(out.join('\n'));
}

/** `--server-env` with `url` added to OUTBOUND_ALLOWED_URLS (a comma-separated list of prefixes). */
function withOutboundAllowed(env: Record<string, string>, url: string): Record<string, string> {
  const mine = env.OUTBOUND_ALLOWED_URLS;
  return { ...env, OUTBOUND_ALLOWED_URLS: mine ? `${mine},${url}` : url };
}

const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? NaN;
};

/** The nodes scenario, recorded in the PostgreSQL run (at that run's best window, else the largest --window). */
async function runNodes(
  bench: Bench,
  results: Results,
  pgSpec: Extract<DbSpec, { kind: 'postgres' }> | undefined,
  env: Record<string, string>,
  save: () => void,
): Promise<void> {
  const { opts } = bench;
  let run = results.runs.find((x) => x.db === 'postgres');
  if (!run) {
    run = { db: 'postgres', setup: { users: 0, registerPerSec: NaN }, serverLogLines: 0, serverLogTail: [] };
    results.runs.push(run);
  }
  const skipped = !pgSpec ? 'no PostgreSQL --db' : !opts.redisUrl ? 'no --redis URL (or $BENCH_REDIS_URL)' : undefined;
  if (skipped || !pgSpec || !opts.redisUrl) {
    run.nodes = { nodes: opts.nodes, skipped };
    bench.log(`nodes: skipped: ${skipped}`);
    return;
  }
  const window = run.pairs?.best?.window ?? Math.max(...opts.windows);
  bench.log(`nodes: ${opts.nodes} Parley processes on one PostgreSQL database and Redis, W=${window}`);
  try {
    run.nodes = await nodesScenario(bench, pgSpec, opts.redisUrl, env, window);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    bench.log(`nodes FAILED: ${message}`);
    (run.failures ??= []).push({ scenario: 'nodes', error: message.slice(0, 2000) });
    await bench.pool.all('close', () => ({ group: 'pairs' })).catch(() => undefined);
  }
  save();
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return;
  }
  const startedAt = new Date();
  const t0 = now();
  const log = (line: string) => console.log(`[${((now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  fs.mkdirSync(path.join(benchDir, 'results'), { recursive: true });

  const dbSpecs: DbSpec[] = opts.dbs.map((d) => (d === 'pglite' ? { kind: 'pglite' } : { kind: 'postgres', adminUrl: d }));
  const machine = machineInfo();
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(opts.serverDir, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
      version: string;
    };
    machine.pglite = pkg.version;
  } catch {
    // no PGlite there
  }
  const pgSpec = dbSpecs.find((d): d is Extract<DbSpec, { kind: 'postgres' }> => d.kind === 'postgres');
  if (pgSpec) machine.postgres = await postgresVersion(pgSpec.adminUrl);
  const mainDb = pgSpec ?? dbSpecs[0];

  const pool = await WorkerPool.start(opts.workers);
  // The push scenario's Web Push service; the server must be allowed to call it (plain http on loopback).
  const pushService = opts.scenarios.has('push') ? await PushService.start({ clock: now }) : undefined;
  const serverEnv = pushService ? withOutboundAllowed(opts.serverEnv, `${pushService.origin}/`) : opts.serverEnv;
  let server: ServerHandle | undefined;
  const otherNodes: ServerHandle[] = [];
  const sampler = new Sampler({
    server: () => [...(server ? [server.pid] : []), ...otherNodes.map((n) => n.pid)],
    loadgen: () => [process.pid, ...pool.pids()],
  }).start();
  const bench: Bench = {
    opts,
    pool,
    sampler,
    otherNodes,
    get server() {
      return server;
    },
    set server(s) {
      server = s;
    },
    log,
    async quiet(what: string) {
      const other = await sampler.waitQuiet(opts.quietWaitMs);
      if (other >= 15) log(`  warning: other processes use ${Math.round(other)} % of a core before ${what}; figures will be disturbed`);
    },
  };
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    sampler.stop();
    await Promise.all([server, ...otherNodes].map((s) => s?.stop().catch(() => undefined)));
    await pool.close();
    await pushService?.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the server and the load workers, dropping the bench database`);
      void shutdown().then(() => process.exit(130));
    });
  }

  const results: Results = {
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine,
    serverCommit: opts.serverCommit ?? gitCommit(opts.serverDir),
    options: { ...opts, scenarios: [...opts.scenarios] },
    runs: [],
    targets: [],
  };
  const file = opts.out ?? path.join(benchDir, 'results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const save = () => {
    results.finishedAt = new Date().toISOString();
    results.targets = computeTargets(results);
    fs.writeFileSync(file, JSON.stringify(results, null, 1));
  };
  log(
    `machine: ${machine.nproc} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}${machine.postgres ? `, ${machine.postgres}` : ''}`,
  );
  log(`server: ${opts.serverDir} at ${results.serverCommit}; ${opts.workers} load workers`);

  try {
    if (opts.scenarios.has('pairs')) {
      log('ceiling: bare Socket.IO relay');
      server = await startRelay();
      results.ceiling = await pairsScenario(bench, 'relay', 'relay', undefined);
      save();
      await server.stop();
      server = undefined;
      if (pgSpec) {
        log('durable reference: the relay storing every message in PostgreSQL (group commit)');
        server = await startRelay(pgSpec.adminUrl);
        sampler.database = server.database;
        results.durableCeiling = await pairsScenario(bench, 'durable relay', 'relay', undefined);
        save();
        await server.stop();
        server = undefined;
      }
    }
    for (const db of dbSpecs) {
      const isMain = db === mainDb;
      const label = db.kind;
      const wanted = [...opts.scenarios].filter((s) => s !== 'nodes' && (s === 'pairs' || s === 'push' || isMain));
      if (!wanted.length) continue;
      log(`${label}: starting Parley`);
      server = await startParley({ serverDir: opts.serverDir, db, env: serverEnv });
      sampler.database = server.database;
      const api = new Api(server.url);
      const run: DbRun = { db: label, setup: { users: 0, registerPerSec: NaN }, serverLogLines: 0, serverLogTail: [] };
      results.runs.push(run);
      // Register everyone this server will need at once, so the rate is measured on a big batch.
      const need = Math.max(
        wanted.includes('pairs') ? 2 * opts.pairs : 0,
        wanted.includes('push') ? 2 * opts.pushPairs : 0,
        wanted.includes('groups') ? opts.groups * opts.groupSize : 0,
        wanted.includes('fanout') ? opts.fanoutMembers : 0,
        wanted.includes('connections') ? Math.min(opts.connections, opts.connUsers) : 0,
        wanted.includes('storm') ? opts.stormClients + opts.stormPartners : 0,
      );
      const regStart = now();
      log(`${label}: registering ${need} users through POST /auth/register (${opts.registerParallel} in flight)`);
      await api.ensureUsers(need, opts.registerParallel, (d, t) => log(`  registered ${d}/${t}`));
      run.setup = { users: need, registerPerSec: need / ((now() - regStart) / 1000) };
      save();
      log(`${label}: ${need} users in ${((now() - regStart) / 1000).toFixed(1)} s (${Math.round(run.setup.registerPerSec)}/s)`);
      await sampler.settle({ maxMs: 5_000 });
      // A scenario that fails is recorded and the next one still runs; the JSON is rewritten after each.
      const attempt = async (name: (typeof wanted)[number], fn: () => Promise<void>) => {
        if (!wanted.includes(name)) return;
        log(`${label}: ${name}`);
        try {
          await fn();
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          log(`${label}: ${name} FAILED: ${message}`);
          (run.failures ??= []).push({ scenario: name, error: message.slice(0, 2000) });
          // Whatever the scenario left open must not weigh on the next one.
          for (const g of ['pairs', 'fan', 'fanSender', 'conn', 'storm', 'stormPartners'])
            await pool.all('close', () => ({ group: g })).catch(() => undefined);
        }
        save();
      };
      await attempt('pairs', async () => {
        run.pairs = await pairsScenario(bench, label, 'parley', api, results.ceiling);
        if (label === 'postgres' && results.durableCeiling)
          for (const f of run.pairs.runs) {
            const ref = results.durableCeiling.runs.find((r) => r.mode === 'closed' && r.window === f.window);
            if (ref && f.mode === 'closed') f.ratioToDurable = f.deliveredPerSec / ref.deliveredPerSec;
          }
        if (db.kind === 'pglite' && server?.dataDir) run.storage = await pgliteStorage(server.dataDir, api);
      });
      await attempt('groups', async () => {
        run.groups = await groupsScenario(bench, api);
      });
      await attempt('push', async () => {
        run.push = await pushScenario(bench, label, api, pushService!);
      });
      await attempt('connections', async () => {
        run.connections = await connectionsScenario(bench, api);
      });
      await attempt('storm', async () => {
        run.storm = await stormScenario(bench, api);
      });
      // Last: its members' streams hold the whole group's joins (10,000 with --fanout-broadcast), which the storm's
      // clients (the same first users) would otherwise page through before the storm even starts.
      await attempt('fanout', async () => {
        run.fanout = await fanoutScenario(bench, api);
      });
      run.serverLogLines = server.logLines;
      run.serverLogTail = server.logTail.slice(-10);
      if (server.logLines) log(`${label}: the server logged ${server.logLines} lines at warn or above; last: ${server.logTail.at(-1)}`);
      await server.stop();
      server = undefined;
    }
    if (opts.scenarios.has('nodes') && opts.nodes > 1) await runNodes(bench, results, pgSpec, serverEnv, save);
  } catch (err) {
    results.failure = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`\nthe run stopped: ${results.failure}`);
  } finally {
    await shutdown();
  }

  save();
  printReport(results);
  console.log(`\nresults: ${path.relative(process.cwd(), file)} (${((now() - t0) / 1000).toFixed(0)} s)`);
  if (results.failure) process.exitCode = 1;
  if (opts.docs) {
    const written = renderDocs(results);
    console.log(`docs: ${written.map((w) => path.relative(process.cwd(), w)).join(', ')}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
