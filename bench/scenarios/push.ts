import crypto from 'node:crypto';
import type { PushService } from '../../test/helpers/pushService.js';
import { ApiError, type Api } from '../api.js';
import type { Bench, PushFigures } from '../context.js';
import type { PairsArgs } from '../pairs.js';
import { lastPushed, matchPushes, type ArrivedPush } from '../pushStats.js';
import { mapLimit, now, sleep } from '../stats.js';
import { leastDisturbed, pairsAttempt, preparePairs } from './pairs.js';

type Pair = PairsArgs['pairs'][number];

/** How long the last pushes of a run may take to come in after the senders stopped. */
const LAST_PUSH_WAIT_MS = 30_000;

/**
 * The pairs load with half the receivers offline: in every other pair, b has a Web Push device
 * (a subscription to the bench's push service, test/helpers/pushService.ts, which checks VAPID and
 * decrypts) and no socket, and only a sends. Each push's arrival there is matched by message id
 * with the send time its sender recorded: send → push arrival, for the messages that were pushed
 * (a burst in one conversation becomes one push per device). The online half is the usual pairs load.
 */
export async function pushScenario(bench: Bench, target: string, api: Api, service: PushService): Promise<PushFigures> {
  const { opts } = bench;
  const pairs: Pair[] = (await preparePairs(bench, api, opts.pushPairs)).map((p, i) => ({ ...p, bOffline: i % 2 === 1 }));
  const offline = pairs.filter((p) => p.bOffline);
  const devices = await registerDevices(api, service, offline);
  try {
    await probe(bench, api, service, offline);
    return await leastDisturbed(
      bench,
      () => pushAttempt(bench, target, service, pairs),
      (f) => f.resources.otherPct,
    );
  } finally {
    // Later scenarios take these users offline too: their pushes must not load the server then.
    await mapLimit(devices, 16, (d) => api.call('DELETE', `/push/devices/${d.id}`, undefined, d.token));
  }
}

/** A Web Push subscription for each offline receiver, registered with its token. */
async function registerDevices(api: Api, service: PushService, offline: Pair[]): Promise<{ id: string; token: string }[]> {
  return mapLimit(offline, 16, async (p) => {
    const sub = service.subscribe();
    const token = p.b.token!;
    const res = await api.call(
      'POST',
      '/push/devices',
      { platform: 'webpush', subscription: { endpoint: sub.endpoint, keys: sub.keys } },
      token,
    );
    if (res.status !== 201) throw new ApiError(res.status, res.body, 'POST /push/devices');
    return { id: res.body.device.id as string, token };
  });
}

/**
 * One message into each offline chat, and its push awaited: the whole path works (outbound
 * allowed, VAPID and the encryption accepted), and the push worker has caught up with the
 * events of the scenarios before (it reads the log in order) before anything is measured.
 */
async function probe(bench: Bench, api: Api, service: PushService, offline: Pair[]): Promise<void> {
  const tag = crypto.randomBytes(3).toString('hex');
  const ids = await mapLimit(offline, 16, async (p, i) => {
    const body = { text: 'push probe', clientMessageId: `push-probe-${tag}-${i}` };
    const res = await api.call('POST', `/conversations/${p.conversationId}/messages`, body, p.a.token);
    if (res.status !== 201) throw new ApiError(res.status, res.body, 'POST /conversations/:id/messages');
    return res.body.message.id as string;
  });
  const start = now();
  const wanted = new Set(ids);
  const got = () => service.received.filter((r) => wanted.has(r.payload?.messageId)).length;
  while (got() < wanted.size && now() - start < LAST_PUSH_WAIT_MS) await sleep(20);
  if (got() < wanted.size) {
    const why = service.rejected.at(-1)?.reason;
    throw new Error(
      `${got()} of ${wanted.size} probe pushes arrived in ${LAST_PUSH_WAIT_MS / 1000} s${why ? `; last refusal: ${why}` : ''}`,
    );
  }
  bench.log(`  ${wanted.size} offline receivers with a Web Push device; probe pushes in ${Math.round(now() - start)} ms`);
}

async function pushAttempt(bench: Bench, target: string, service: PushService, pairs: Pair[]): Promise<PushFigures> {
  const { opts } = bench;
  service.received.length = 0;
  const rejectedBefore = service.rejected.length;
  const { fig, results } = await pairsAttempt(bench, `${target} (half offline)`, 'parley', pairs, { window: opts.pushWindow });
  const sends = results.flatMap((r) => (r.offline ? [r.offline] : []));
  const arrived = (): ArrivedPush[] => service.received.map((r) => ({ messageId: String(r.payload?.messageId), arrived: r.arrived }));
  const waitFrom = now();
  while (!lastPushed(sends, arrived()) && now() - waitFrom < LAST_PUSH_WAIT_MS) await sleep(50);
  const from = Math.min(...results.map((r) => r.measureFrom));
  const match = matchPushes(sends, arrived(), { from, to: from + opts.durationMs });
  const seconds = opts.durationMs / 1000;
  const figures: PushFigures = {
    target,
    pairs: pairs.length,
    offlinePairs: pairs.filter((p) => p.bOffline).length,
    window: opts.pushWindow,
    seconds,
    sentToOfflinePerSec: match.sent / seconds,
    match,
    rejected: service.rejected.length - rejectedBefore,
    online: fig,
    resources: fig.resources,
  };
  const l = match.latency;
  bench.log(
    `  push: send → push p50 ${l.p50.toFixed(1)} p99 ${l.p99.toFixed(1)} max ${l.max.toFixed(1)} ms; ` +
      `${match.pushed} of ${match.sent} messages to offline receivers pushed, ${Math.round(match.pushesPerSec)} pushes/s` +
      (match.lastWithoutPush ? `; ${match.lastWithoutPush} conversations' last message got no push in ${LAST_PUSH_WAIT_MS / 1000} s` : '') +
      (figures.rejected ? `; ${figures.rejected} pushes refused by the push service: ${service.rejected.at(-1)?.reason}` : ''),
  );
  service.received.length = 0;
  return figures;
}
