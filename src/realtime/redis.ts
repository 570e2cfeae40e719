import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { ParleyServer } from './types.js';
import type { Emitter } from './emitter.js';
import type { StoredEvent } from '../events/types.js';

export interface RedisLinks {
  /** Commands (presence). */
  client: Redis;
  close(): Promise<void>;
}

/** A commit's events ride along in its poke up to this size; a bigger commit sends only its last id. */
const MAX_POKE_BYTES = 256 * 1024;

interface Poke {
  node: string;
  lastId: number;
  events?: StoredEvent[];
}

function pokeText(node: string, events: StoredEvent[]): string {
  const lastId = events.at(-1)!.id;
  const full = JSON.stringify({ node, lastId, events } satisfies Poke);
  return full.length <= MAX_POKE_BYTES ? full : JSON.stringify({ node, lastId } satisfies Poke);
}

/** A poke from a node of this version, or undefined (then it only says "something committed"). */
function parsePoke(text: string): Poke | undefined {
  try {
    const p = JSON.parse(text) as Partial<Poke>;
    return typeof p.node === 'string' && typeof p.lastId === 'number' ? (p as Poke) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * With REDIS_URL: the Socket.IO Redis adapter (typing, presence, room and disconnect
 * operations reach every node), and a "committed up to id N" poke so every node's emitter
 * catches up at once instead of at its next poll; the poke carries the commit's events, so the
 * others emit them from memory once their horizon passes them instead of reading them back. ioredis reconnects and
 * re-subscribes by itself after a Redis restart; until then the poll keeps events flowing.
 */
export async function linkRedis(
  url: string,
  prefix: string,
  io: ParleyServer,
  emitter: Emitter,
  log: { warn(o: unknown, m?: string): void },
): Promise<RedisLinks> {
  const POKE = `${prefix}events:committed`;
  const retryStrategy = (n: number) => Math.min(n * 200, 2000);
  // Commands fail fast while Redis is away (readiness reports it) instead of queueing forever.
  const client = new Redis(url, { maxRetriesPerRequest: 2, commandTimeout: 2000, retryStrategy });
  // Subscriber connections wait: a timeout there would only surface as an unhandled rejection.
  const adapterPub = new Redis(url, { retryStrategy });
  const adapterSub = new Redis(url, { retryStrategy });
  const pokes = new Redis(url, { retryStrategy });
  for (const r of [client, adapterPub, adapterSub, pokes]) r.on('error', (err) => log.warn({ err: err.message }, 'redis'));
  // The adapter fires commands it never awaits; while Redis is away they reject ("Connection is
  // closed"). Give every such promise a handler so an outage cannot become an unhandled rejection.
  for (const r of [adapterPub, adapterSub]) {
    const send = r.sendCommand.bind(r);
    r.sendCommand = (...args: Parameters<typeof send>) => {
      const pending = send(...args);
      (pending as Promise<unknown> | undefined)?.catch(() => {});
      return pending;
    };
  }
  io.adapter(createAdapter(adapterPub, adapterSub, { key: `${prefix}socket.io` }));
  // Subscribed on every (re)connect: a node that starts while Redis is away still hears pokes later.
  pokes.on('ready', () => void pokes.subscribe(POKE).catch((err: Error) => log.warn({ err: err.message }, 'redis subscribe')));
  const node = randomUUID();
  pokes.on('message', (_channel: string, text: string) => {
    const poke = parsePoke(text);
    if (!poke) void emitter.catchUp();
    else if (poke.node !== node) emitter.heard(poke.lastId, poke.events);
  });
  emitter.onCommitted = (events) => {
    client.publish(POKE, pokeText(node, events)).catch(() => {});
  };
  return {
    client,
    close: async () => {
      emitter.onCommitted = undefined;
      for (const r of [pokes, adapterSub, adapterPub, client]) r.disconnect();
    },
  };
}
