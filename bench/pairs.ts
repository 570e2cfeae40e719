import crypto from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { connectSocket, emitAck, makeSocket } from './sockets.js';
import { Histogram, mapLimit, now, sleep, type HistogramData } from './stats.js';

/**
 * The pairs load, for Parley and for the relay alike. Each pair is two clients in one direct
 * chat; both send to each other. Closed loop: every client keeps `window` messages in flight
 * (it sends the next one when an ack comes back). Open loop: this worker sends `ratePerSec`
 * messages a second in total, round-robin over its clients, whatever the acks do (a client
 * with `maxInFlight` unacked messages skips its turn). The send time travels in the text, so
 * the receiver measures send → delivered latency on the same clock. A pair with `bOffline` has
 * no socket for b: only a sends, and it records the id and send time of each message acked (the
 * push scenario matches them with the pushes b's device gets).
 */
export interface PairsArgs {
  url: string;
  protocol: 'parley' | 'relay';
  pairs: {
    conversationId: string;
    /** `url`: the node this side connects to (the nodes scenario), else `url` above. */
    a: { token?: string; url?: string };
    b: { token?: string; url?: string };
    bOffline?: boolean;
    /** A group instead of a pair (Parley only): every member is a client that sends and receives; a and b are unused. */
    members?: { token?: string }[];
  }[];
  window: number;
  /** Receivers acknowledge as a real client does: `message:delivered` on each message:new, then `message:read`. */
  receipts?: boolean;
  ratePerSec?: number;
  maxInFlight?: number;
  warmupMs: number;
  durationMs: number;
  localAddresses: string[];
}

export interface PairsResult {
  clients: number;
  connectMs: number;
  /** Absolute start of the measured window (see `now`). */
  measureFrom: number;
  measureMs: number;
  sent: number;
  acked: number;
  delivered: number;
  errors: number;
  errorCodes: Record<string, number>;
  skipped: number;
  unackedAtEnd: number;
  /** Other events the clients received in the window (Parley: `message:status` read receipts). */
  otherEvents: number;
  latency: HistogramData;
  ackLatency: HistogramData;
  /** Messages delivered per second of the whole run (warm-up included), for charts. */
  timeline: number[];
  cpuMs: number;
  /** Pairs with b offline: what a sent there. */
  offline?: OfflineSends;
}

/** Messages sent to offline receivers and acked: those sent in the measured window, and each conversation's last one. */
export interface OfflineSends {
  /** Message ids (from the acks) and send times (see `now`), in the same order. */
  ids: string[];
  sentAt: number[];
  /** The last message acked in each offline conversation, window or not: the newest, so a push must come for it. */
  lastIds: string[];
}

interface Client {
  socket: Socket;
  conversationId: string;
  inFlight: number;
  n: number;
  /** Its partner is offline: record what it sends. */
  toOffline: boolean;
  lastId?: string;
}

const FILLER = ' hello from the pairs benchmark, a short chat line';

export async function runPairs(args: PairsArgs): Promise<PairsResult> {
  const runTag = crypto.randomBytes(3).toString('hex');
  const clients: Client[] = [];
  const nextAddress = () => (args.localAddresses.length ? args.localAddresses[clients.length % args.localAddresses.length] : undefined);
  args.pairs.forEach((p, i) => {
    if (p.members) {
      for (const m of p.members) {
        const socket = makeSocket(args.url, { auth: { token: m.token }, localAddress: nextAddress() });
        clients.push({ socket, conversationId: p.conversationId, inFlight: 0, n: 0, toOffline: false });
      }
      return;
    }
    for (const side of p.bOffline ? (['a'] as const) : (['a', 'b'] as const)) {
      const auth = args.protocol === 'relay' ? { pair: `${runTag}-${i}`, side } : { token: p[side].token };
      const socket = makeSocket(p[side].url ?? args.url, { auth, localAddress: nextAddress() });
      clients.push({ socket, conversationId: p.conversationId, inFlight: 0, n: 0, toOffline: Boolean(p.bOffline) });
    }
  });
  const offline: OfflineSends = { ids: [], sentAt: [], lastIds: [] };

  const latency = new Histogram();
  const ackLatency = new Histogram();
  const errorCodes: Record<string, number> = {};
  let sent = 0;
  let acked = 0;
  let delivered = 0;
  let errors = 0;
  let skipped = 0;
  let otherEvents = 0;
  let running = false;
  let t0 = 0;
  let measureFrom = Infinity;
  let measureTo = Infinity;
  const timeline: number[] = [];
  const inWindow = (t: number) => t >= measureFrom && t < measureTo;

  for (const c of clients) {
    c.socket.onAny((event: string) => {
      if (event !== 'message:new' && inWindow(now())) otherEvents++;
    });
    c.socket.on('message:new', (p: { message?: { text?: string; seq?: number; conversationId?: string } }) => {
      const t = now();
      if (args.receipts && p?.message?.seq !== undefined) {
        const mark = { conversationId: p.message.conversationId, upToSeq: p.message.seq };
        c.socket.emit('message:delivered', mark, () => {});
        c.socket.emit('message:read', mark, () => {});
      }
      const sentAt = Number.parseFloat(p?.message?.text ?? '');
      if (!Number.isFinite(sentAt)) return;
      const second = Math.floor((t - t0) / 1000);
      if (second >= 0) timeline[second] = (timeline[second] ?? 0) + 1;
      if (!inWindow(t)) return;
      delivered++;
      latency.record(t - sentAt);
    });
  }

  const connectStart = now();
  await mapLimit(clients, 50, (c) => connectSocket(c.socket));
  // Parley joins the rooms just after the handshake; one round trip orders us after it.
  if (args.protocol === 'parley') {
    await mapLimit(clients, 50, (c) => emitAck(c.socket, 'presence:query', { userIds: ['00000000-0000-7000-8000-000000000000'] }));
  }
  const connectMs = now() - connectStart;

  const send = (c: Client) => {
    const t = now();
    c.inFlight++;
    sent++;
    c.socket.emit(
      'message:send',
      { conversationId: c.conversationId, text: `${t.toFixed(3)}${FILLER}`, clientMessageId: `${runTag}-${c.n++}` },
      (ack: { ok?: boolean; message?: { id?: string }; error?: { code?: string } }) => {
        const ta = now();
        c.inFlight--;
        if (ack?.ok) {
          if (inWindow(ta)) {
            acked++;
            ackLatency.record(ta - t);
          }
          if (c.toOffline && ack.message?.id) {
            c.lastId = ack.message.id;
            if (inWindow(t)) {
              offline.ids.push(ack.message.id);
              offline.sentAt.push(t);
            }
          }
        } else {
          errors++;
          const code = ack?.error?.code ?? 'unknown';
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        }
        if (running && args.ratePerSec === undefined) send(c);
      },
    );
  };

  const cpu0 = process.cpuUsage();
  t0 = now();
  measureFrom = t0 + args.warmupMs;
  measureTo = measureFrom + args.durationMs;
  running = true;
  let ticker: NodeJS.Timeout | undefined;
  if (args.ratePerSec === undefined) {
    for (const c of clients) for (let i = 0; i < args.window; i++) send(c);
  } else {
    const rate = args.ratePerSec;
    const cap = args.maxInFlight ?? 1000;
    let issued = 0;
    let next = 0;
    ticker = setInterval(() => {
      const due = Math.floor(((now() - t0) * rate) / 1000) - issued;
      for (let i = 0; i < due; i++) {
        issued++;
        const c = clients[next++ % clients.length]!;
        if (c.inFlight >= cap) skipped++;
        else send(c);
      }
    }, 2);
  }
  await sleep(measureTo - now());
  running = false;
  if (ticker) clearInterval(ticker);
  const cpu = process.cpuUsage(cpu0);
  // Let what is in flight land before the sockets close.
  const drainUntil = now() + 5_000;
  while (clients.some((c) => c.inFlight > 0) && now() < drainUntil) await sleep(20);
  const unackedAtEnd = clients.reduce((s, c) => s + c.inFlight, 0);
  for (const c of clients) c.socket.disconnect();
  for (const c of clients) if (c.lastId) offline.lastIds.push(c.lastId);

  return {
    clients: clients.length,
    connectMs,
    measureFrom,
    measureMs: args.durationMs,
    sent,
    acked,
    delivered,
    errors,
    errorCodes,
    skipped,
    otherEvents,
    unackedAtEnd,
    latency: latency.toJSON(),
    ackLatency: ackLatency.toJSON(),
    timeline: Array.from(timeline, (v) => v ?? 0),
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...(clients.some((c) => c.toOffline) ? { offline } : {}),
  };
}
