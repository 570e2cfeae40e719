import crypto from 'node:crypto';
import type { Api } from '../api.js';
import { resources, type Bench, type StormSection } from '../context.js';
import { tcpCounters } from '../proc.js';
import { profileServer } from '../profile.js';
import { Histogram, now, percentileOf } from '../stats.js';
import { split } from '../workers.js';

/**
 * Reconnect storm. `clients` users each have a direct chat with one of `partners` users. The
 * clients connect and sync to the head, then all drop; while they are away each partner sends
 * `events` messages into each of its chats. Then all clients reconnect at once and page
 * sync:request from their last eventId until hasMore is false: the figure is the time until
 * the last one is in sync (and has exactly its `events` missed messages).
 */
export async function stormScenario(bench: Bench, api: Api): Promise<StormSection> {
  const { opts, pool } = bench;
  const url = bench.server!.url;
  const total = opts.stormClients + opts.stormPartners;
  const users = await api.ensureUsers(total, opts.registerParallel, (d, t) => bench.log(`  registered ${d}/${t}`));
  const clients = users.slice(0, opts.stormClients);
  const partners = users.slice(opts.stormClients, total);
  const chats = await api.directChats(clients.map((c, i) => [c, partners[i % partners.length]!]));
  const partnerChats = partners.map((_, p) => chats.filter((_, i) => i % partners.length === p));

  const clientSlices = split(
    clients.map((c, i) => ({ token: c.token, conversationIds: [chats[i]!] })),
    pool.size,
  );
  const partnerSlices = split(
    partners.map((p, i) => ({ token: p.token, conversationIds: partnerChats[i]! })),
    pool.size,
  );
  const open = { url, concurrency: 100, localAddresses: opts.localAddresses, roundTrip: true };
  await pool.all('open', (i) => (partnerSlices[i]!.length ? { ...open, group: 'stormPartners', clients: partnerSlices[i] } : undefined));
  const opened = await pool.all<{ connected: number; failed: number }>('open', (i) =>
    clientSlices[i]!.length ? { ...open, group: 'storm', clients: clientSlices[i], reconnection: true } : undefined,
  );
  const online = opened.reduce((s, r) => s + r.connected, 0);
  if (online < clients.length) bench.log(`  only ${online} of ${clients.length} storm clients connected`);
  await pool.all('sync', (i) => (clientSlices[i]!.length ? { group: 'storm', concurrency: 50, limit: opts.syncLimit } : undefined));
  bench.log(`  ${online} clients online and in sync; dropping them`);
  await pool.all('drop', () => ({ group: 'storm' }));
  await bench.sampler.settle({ maxMs: 20_000 });

  const tag = crypto.randomBytes(3).toString('hex');
  const sendStart = now();
  const sent = await pool.all<{ acked: number; errors: number }>('sendMany', (i) =>
    partnerSlices[i]!.length ? { group: 'stormPartners', perConversation: opts.stormEvents, window: 8, prefix: `storm-${tag}` } : undefined,
  );
  const setupSendMs = now() - sendStart;
  const acked = sent.reduce((s, r) => s + r.acked, 0);
  bench.log(`  partners sent ${acked} messages in ${(setupSendMs / 1000).toFixed(1)} s while the clients were away`);
  await bench.sampler.settle({ maxMs: 20_000 });
  await bench.quiet('the reconnect storm');

  const tcp0 = tcpCounters();
  const start = now() + 300;
  const reconnect = () =>
    pool.all<{
      doneAt: number[];
      connectedAt: number[];
      connectErrors: number;
      failed: number;
      errors: Record<string, number>;
      wrong: number;
      events: number;
      pages: number;
    }>('reconnectSync', (i) =>
      clientSlices[i]!.length
        ? { group: 'storm', limit: opts.syncLimit, expect: opts.stormEvents, start, spreadMs: opts.stormSpreadMs, timeoutMs: 60_000 }
        : undefined,
    );
  const profiled = opts.profile ? await profileServer(bench, 'storm', reconnect) : undefined;
  const results = profiled ? profiled.result : await reconnect();
  const end = now();
  const tcp1 = tcpCounters();
  const doneAt = results.flatMap((r) => r.doneAt).sort((a, b) => a - b);
  const connectedAt = results.flatMap((r) => r.connectedAt).sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
  const summary = (values: number[]) => {
    const h = new Histogram();
    for (const v of values) h.record(v);
    return { ...h.summary(), p50: percentileOf(values, 0.5), p95: percentileOf(values, 0.95), p99: percentileOf(values, 0.99) };
  };
  const allMs = doneAt.at(-1) ?? NaN;
  const cumulative = (times: number[]) => {
    const out: [number, number][] = [[0, 0]];
    for (let t = 100, i = 0; times.length && t <= allMs + 100; t += 100) {
      while (i < times.length && times[i]! <= t) i++;
      out.push([t, i]);
    }
    return out;
  };
  const curve = cumulative(doneAt);
  const connectedCurve = cumulative(connectedAt);
  const section: StormSection = {
    clients: clients.length,
    partners: partners.length,
    eventsPerClient: opts.stormEvents,
    spreadMs: opts.stormSpreadMs,
    setupSendMs,
    setupMessagesPerSec: acked / (setupSendMs / 1000),
    allInSyncMs: results.some((r) => r.failed) ? NaN : allMs,
    inSync: summary(doneAt),
    connected: summary(connectedAt),
    failed: results.reduce((s, r) => s + r.failed, 0),
    wrong: results.reduce((s, r) => s + r.wrong, 0),
    connectErrors: results.reduce((s, r) => s + r.connectErrors, 0),
    errors,
    pages: results.reduce((s, r) => s + r.pages, 0),
    curve,
    connectedCurve,
    listenOverflows: tcp1.listenOverflows - tcp0.listenOverflows,
    resources: resources(bench.sampler.window(start, end)),
    profile: profiled?.profile,
  };
  bench.log(
    `  storm: ${doneAt.length}/${clients.length} in sync after ${(allMs / 1000).toFixed(2)} s ` +
      `(median ${(section.inSync.p50 / 1000).toFixed(2)} s; ${section.wrong} with a wrong count, ${section.failed} failed, ${section.connectErrors} connect errors; ` +
      `${section.listenOverflows} connection attempts dropped by a full accept queue)`,
  );
  await pool.all('close', () => ({ group: 'storm' }));
  await pool.all('close', () => ({ group: 'stormPartners' }));
  await bench.sampler.settle({ maxMs: 10_000 });
  return section;
}
