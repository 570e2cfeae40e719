import type { Api } from '../api.js';
import { resources, type Bench, type ConnectionsSection } from '../context.js';
import { fileLimit, rssKiB, tcpCounters } from '../proc.js';
import { Histogram, now, perConnection } from '../stats.js';
import { split } from '../workers.js';

/** File descriptors the server needs besides client sockets (database, listener, stdio, epoll…). */
const SERVER_FD_HEADROOM = 200;
/** Per load worker: sockets it may hold under the same open-files limit. */
const WORKER_FD_HEADROOM = 500;

/**
 * N idle authenticated sockets, connected in steps. After each step the server is left to go
 * quiet, garbage-collected (through bench/serverHook.ts) and its RSS read from /proc; the
 * bytes per connection are the slope of RSS over the steps (`perConnection`).
 */
export async function connectionsScenario(bench: Bench, api: Api): Promise<ConnectionsSection> {
  const { opts, pool } = bench;
  const server = bench.server!;
  // One descriptor per socket on the server, which runs with its soft limit lifted to the hard one.
  const limit = fileLimit(server.pid);
  const workerLimit = Math.min(...pool.pids().map((pid) => fileLimit(pid).soft));
  let target = opts.connections;
  let limitNote: string | undefined;
  const serverMax = limit.soft - SERVER_FD_HEADROOM;
  if (target > serverMax) {
    limitNote = `the server's open-files limit is ${limit.soft} (hard limit ${limit.hard}; raising it needs privileges): ${target} requested, ${serverMax} measured`;
    target = serverMax;
    bench.log(`  ${limitNote}`);
  }
  const perWorker = Math.ceil(target / pool.size);
  if (perWorker > workerLimit - WORKER_FD_HEADROOM) {
    throw new Error(`${perWorker} sockets per load worker exceed its open-files limit ${workerLimit}: use more --workers`);
  }
  const users = await api.ensureUsers(Math.min(target, opts.connUsers), opts.registerParallel);
  const socketsPerUser = Math.ceil(target / users.length);
  const tokens = Array.from({ length: target }, (_, i) => users[i % users.length]!.token);

  const memory = async (gc: boolean) => {
    const r = await server.hook<{ memory: NodeJS.MemoryUsage }>('memory', { gc });
    return r.memory;
  };
  await bench.sampler.settle({ maxMs: 5_000 });
  await bench.quiet('connections');
  const before = rssKiB(server.pid) ?? 0;
  const m0 = await memory(true);
  const points: ConnectionsSection['points'] = [
    {
      connected: 0,
      rssKiB: rssKiB(server.pid) ?? 0,
      rssBeforeGcKiB: before,
      heapUsedKiB: m0.heapUsed / 1024,
      externalKiB: m0.external / 1024,
    },
  ];
  const hist = new Histogram();
  const errors: Record<string, number> = {};
  let connected = 0;
  let failed = 0;
  let connectMs = 0;
  const steps = Math.max(1, opts.connSteps);
  const tcp0 = tcpCounters();
  const from = now();
  for (let s = 0; s < steps; s++) {
    const slice = tokens.slice(Math.floor((s * target) / steps), Math.floor(((s + 1) * target) / steps));
    const parts = split(slice, pool.size);
    const t = now();
    const results = await pool.all<{ connected: number; failed: number; errors: Record<string, number>; connectLatency: any }>(
      'open',
      (i) =>
        parts[i]!.length
          ? {
              group: 'conn',
              url: server.url,
              clients: parts[i]!.map((token) => ({ token })),
              concurrency: 64,
              localAddresses: opts.localAddresses,
            }
          : undefined,
    );
    connectMs += now() - t;
    for (const r of results) {
      connected += r.connected;
      failed += r.failed;
      hist.merge(r.connectLatency);
      for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
    }
    // Idle means idle: let the room joins and presence writes finish before reading memory.
    await bench.sampler.settle({ maxMs: 15_000 });
    const rssBefore = rssKiB(server.pid) ?? 0;
    const m = await memory(true);
    await new Promise((r) => setTimeout(r, 300));
    points.push({
      connected,
      rssKiB: rssKiB(server.pid) ?? 0,
      rssBeforeGcKiB: rssBefore,
      heapUsedKiB: m.heapUsed / 1024,
      externalKiB: m.external / 1024,
    });
    bench.log(`  ${connected} connected (${failed} failed), server RSS ${((rssKiB(server.pid) ?? 0) / 1024).toFixed(0)} MiB`);
  }
  const to = now();
  const slopes = perConnection(points);
  const last = points.at(-1)!;
  const section: ConnectionsSection = {
    requested: opts.connections,
    target,
    limitNote,
    users: users.length,
    socketsPerUser,
    connected,
    failed,
    errors,
    connectsPerSec: connected / (connectMs / 1000),
    connectLatency: hist.summary(),
    points,
    bytesPerConnSlope: slopes.rss,
    bytesPerConnTotal: connected ? ((last.rssKiB - points[0]!.rssKiB) * 1024) / connected : NaN,
    heapBytesPerConn: slopes.heap,
    listenOverflows: tcpCounters().listenOverflows - tcp0.listenOverflows,
    resources: resources(bench.sampler.window(from, to)),
  };
  bench.log(
    `  ${connected} sockets: ${(section.bytesPerConnSlope / 1000).toFixed(1)} KB RSS per connection (slope), ` +
      `JS heap +${(section.heapBytesPerConn / 1000).toFixed(1)} KB per connection; ${Math.round(section.connectsPerSec)} connects/s`,
  );
  await pool.all('close', () => ({ group: 'conn' }));
  await bench.sampler.settle({ maxMs: 20_000 });
  return section;
}
