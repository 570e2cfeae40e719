import crypto from 'node:crypto';
import type { Api } from '../api.js';
import { resources, type Bench, type FanoutSection } from '../context.js';
import { Histogram, now, percentileOf, sleep } from '../stats.js';
import { split } from '../workers.js';

/**
 * One sender into a group of `members` (sender included), all online. For each of `messages`
 * messages: the time from send until the last member has it (each receiver measures against the
 * send time carried in the text). A warm-up message first makes sure every socket is in the room.
 */
export async function fanoutScenario(bench: Bench, api: Api): Promise<FanoutSection> {
  const { opts, pool } = bench;
  const users = await api.ensureUsers(opts.fanoutMembers, opts.registerParallel);
  const [owner, ...members] = users;
  const group = await api.createGroup(owner!, members, opts.fanoutBroadcast ? { postPermission: 'admins' } : {});
  if ('skipped' in group) {
    bench.log(`  fan-out skipped: ${group.skipped}`);
    return { skipped: group.skipped };
  }
  const slices = split(members, pool.size);
  const url = bench.server!.url;
  const open = { url, concurrency: 100, localAddresses: opts.localAddresses, roundTrip: true };
  await pool.call(0, 'open', { ...open, group: 'fanSender', clients: [{ token: owner!.token }] });
  const opened = await pool.all<{ connected: number; failed: number }>('open', (i) =>
    slices[i]!.length ? { ...open, group: 'fan', clients: slices[i]!.map((u) => ({ token: u.token })) } : undefined,
  );
  const connected = opened.reduce((s, r) => s + r.connected, 0);
  bench.log(`  ${connected + 1} of ${users.length} members online`);
  const tag = crypto.randomBytes(3).toString('hex');
  const prefix = `fan-${tag}`;
  await pool.all('listen', () => ({ group: 'fan', prefix }));

  const sendAndWait = async (key: string) => {
    const ack = await pool.call<{ ok: boolean; error?: string; ackMs: number }>(0, 'send', {
      group: 'fanSender',
      index: 0,
      conversationId: group.id,
      key,
    });
    if (!ack.ok) throw new Error(`fan-out send failed: ${ack.error}`);
    const got = await pool.all<{ received: number; expected: number }>('waitFor', (i) =>
      slices[i]!.length ? { group: 'fan', key, timeoutMs: 10_000 } : undefined,
    );
    return { ack, missing: got.reduce((s, g) => s + g.expected - g.received, 0) };
  };

  const warm = await sendAndWait(`${prefix}-warmup`);
  if (warm.missing) bench.log(`  warm-up message missing at ${warm.missing} members after 10 s`);
  await bench.sampler.settle({ maxMs: 3_000 });
  await bench.quiet('fan-out');

  const from = now();
  const ackMs: number[] = [];
  let missing = 0;
  for (let i = 0; i < opts.fanoutMessages; i++) {
    const r = await sendAndWait(`${prefix}-${i}`);
    ackMs.push(r.ack.ackMs);
    missing += r.missing;
    await sleep(200);
  }
  const to = now();
  const collected = await pool.all<Record<string, number[]>>('collect', () => ({ group: 'fan' }));
  await pool.all('close', () => ({ group: 'fan' }));
  await pool.call(0, 'close', { group: 'fanSender' });

  const lastMemberMs: number[] = [];
  const firstMemberMs: number[] = [];
  const cdf: number[][] = [];
  for (let i = 0; i < opts.fanoutMessages; i++) {
    const key = `${prefix}-${i}:`;
    const latencies = collected.flatMap((c) =>
      Object.entries(c)
        .filter(([k]) => k.startsWith(key))
        .flatMap(([, v]) => v),
    );
    if (!latencies.length) continue;
    latencies.sort((a, b) => a - b);
    lastMemberMs.push(latencies.at(-1)!);
    firstMemberMs.push(latencies[0]!);
    cdf.push(Array.from({ length: 51 }, (_, q) => percentileOf(latencies, q / 50)));
  }
  const last = new Histogram();
  for (const v of lastMemberMs) last.record(v);
  const section: FanoutSection = {
    members: users.length,
    messages: opts.fanoutMessages,
    broadcast: opts.fanoutBroadcast,
    lastMemberMs,
    lastMember: {
      ...last.summary(),
      p50: percentileOf(lastMemberMs, 0.5),
      p95: percentileOf(lastMemberMs, 0.95),
      p99: percentileOf(lastMemberMs, 0.99),
    },
    firstMemberMs,
    missing,
    cdf,
    ackMs,
    resources: resources(bench.sampler.window(from, to)),
  };
  bench.log(
    `  fan-out${opts.fanoutBroadcast ? ' (broadcast group)' : ''} to ${users.length - 1}: last member after median ${section.lastMember!.p50.toFixed(1)} ms, ` +
      `worst ${section.lastMember!.max.toFixed(1)} ms (${opts.fanoutMessages} messages${missing ? `, ${missing} receipts missing` : ''})`,
  );
  return section;
}
