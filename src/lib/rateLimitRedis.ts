import type { Redis } from 'ioredis';
import type { CounterStore } from './rateLimit.js';

// INCR, and start the window on the first hit; one round trip, atomic on the server.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

const UNDO = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/** Counters in Redis (`REDIS_URL`), shared by every node. Commands fail fast rather than queue while Redis is away. */
export class RedisStore implements CounterStore {
  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  static async connect(url: string, prefix = 'parley:rl:'): Promise<RedisStore> {
    const { Redis } = await import('ioredis');
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      connectTimeout: 2000,
    });
    // Errors surface on the commands (and are logged there); an unhandled 'error' event would crash the process.
    redis.on('error', () => {});
    redis.defineCommand('parleyHit', { numberOfKeys: 1, lua: HIT });
    redis.defineCommand('parleyUndo', { numberOfKeys: 1, lua: UNDO });
    await redis.connect().catch(() => {
      // Not reachable now: ioredis keeps reconnecting; until then the limiter lets requests through.
    });
    return new RedisStore(redis, prefix);
  }

  async hit(key: string, windowMs: number) {
    const [count, ttl] = (await (this.redis as unknown as Scripts).parleyHit(this.prefix + key, windowMs)) as [number, number];
    return { count: Number(count), resetMs: Number(ttl) };
  }

  async undo(key: string) {
    await (this.redis as unknown as Scripts).parleyUndo(this.prefix + key);
  }

  async close() {
    this.redis.disconnect();
  }
}

interface Scripts {
  parleyHit(key: string, windowMs: number): Promise<unknown>;
  parleyUndo(key: string): Promise<unknown>;
}
