import crypto from 'node:crypto';
import { Api } from '../api.js';
import type { Bench, NodesSection } from '../context.js';
import { startParley, type DbSpec } from '../server.js';
import { pairsRun, preparePairs } from './pairs.js';

/**
 * N Parley processes on one PostgreSQL database and one Redis, as a company runs them behind a
 * load balancer. The same pairs load (W = `window`) runs twice: every client on node 1 (the
 * other nodes up and idle), then the clients placed round-robin over the nodes, so a pair's two
 * sides are on different nodes and every message crosses Redis. The server's CPU and RSS are
 * the sum over the nodes.
 */
export async function nodesScenario(
  bench: Bench,
  db: Extract<DbSpec, { kind: 'postgres' }>,
  redisUrl: string,
  env: Record<string, string>,
  window: number,
): Promise<NodesSection> {
  const { opts } = bench;
  // A prefix of its own, so nothing else on that Redis (a test suite, say) shares its channels.
  const nodeEnv = { ...env, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `parley-bench-${crypto.randomBytes(4).toString('hex')}:` };
  const first = await startParley({ serverDir: opts.serverDir, db, env: nodeEnv });
  bench.server = first;
  bench.sampler.database = first.database;
  const others = bench.otherNodes;
  try {
    for (let i = 1; i < opts.nodes; i++) others.push(await startParley({ serverDir: opts.serverDir, db, env: nodeEnv, join: first }));
    const api = new Api(first.url);
    const pairs = await preparePairs(bench, api, opts.pairs);
    const section: NodesSection = { nodes: opts.nodes };
    section.one = await pairsRun(bench, `postgres + Redis, 1 of ${opts.nodes} nodes`, 'parley', pairs, { window });
    await bench.sampler.settle({ maxMs: 5_000 });
    const urls = [first, ...others].map((n) => n.url);
    // Client k (a of pair i is 2i, b is 2i+1) goes to node k mod N: never both sides on one node.
    const spread = pairs.map((p, i) => ({
      ...p,
      a: { ...p.a, url: urls[(2 * i) % urls.length] },
      b: { ...p.b, url: urls[(2 * i + 1) % urls.length] },
    }));
    section.many = await pairsRun(bench, `postgres + Redis, ${opts.nodes} nodes`, 'parley', spread, { window });
    return section;
  } finally {
    await Promise.all(others.splice(0).map((n) => n.stop()));
    bench.server = undefined;
    await first.stop();
  }
}
