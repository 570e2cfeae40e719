import crypto from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Presence } from './presence.js';

/**
 * Presence across nodes. Each node counts its own sockets per user and records in Redis, per
 * user, the set of nodes where that user has at least one socket. A user is online while that
 * set names a live node; a node is live while its heartbeat key exists (refreshed every
 * `heartbeatMs`, expiring after `ttlMs`). A node that crashed stops refreshing; the others
 * sweep its entries and announce the users it took down with it as offline.
 */
export class RedisPresence implements Presence {
  readonly nodeId = crypto.randomUUID();
  private readonly local = new Map<string, Set<string>>();
  /** Came online here while Redis was away: not announced yet (`restore` does it). */
  private readonly unannounced = new Set<string>();
  /**
   * Went offline here while Redis was away: Redis may still list them here (`restore` clears
   * it), and whether they had been announced online (then `restore` announces them offline).
   */
  private readonly unrecordedLeft = new Map<string, boolean>();
  private timer: NodeJS.Timeout | undefined;
  private readonly keyPrefix: string;

  constructor(
    private readonly redis: Redis,
    private readonly opts: {
      prefix: string;
      heartbeatMs: number;
      ttlMs: number;
      onOnline: (userId: string) => Promise<void>;
      onOffline: (userId: string) => Promise<void>;
      log: { warn(o: unknown, m?: string): void };
    },
  ) {
    this.keyPrefix = `${opts.prefix}presence:`;
  }

  private nodeKey = (node: string) => `${this.keyPrefix}node:${node}`;
  private nodeUsersKey = (node: string) => `${this.keyPrefix}node:${node}:users`;
  private userNodesKey = (user: string) => `${this.keyPrefix}user:${user}`;
  private get NODES() {
    return `${this.keyPrefix}nodes`;
  }

  async start(): Promise<void> {
    // Redis restarted and lost its memory, or was unreachable (at start too): write this node's
    // sockets back and announce who came and went here meanwhile.
    this.redis.on('ready', () => void this.restore().catch((err: unknown) => this.opts.log.warn({ err }, 'presence restore failed')));
    // Not connected yet: `ready` above beats first, so a start never waits on Redis.
    if (this.redis.status === 'ready') await this.beat().catch((err: unknown) => this.opts.log.warn({ err }, 'presence heartbeat failed'));
    this.timer = setInterval(() => {
      this.beat()
        .then(() => this.sweep())
        .catch((err: unknown) => this.opts.log.warn({ err }, 'presence heartbeat failed'));
    }, this.opts.heartbeatMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.redis
      .multi()
      .del(this.nodeKey(this.nodeId))
      .srem(this.NODES, this.nodeId)
      .exec()
      .catch(() => {});
  }

  /**
   * While Redis is away, presence degrades (no announcements; online means "here") rather than
   * failing connections; `restore` writes this node's sockets back when it returns and
   * announces who came online or went offline here meanwhile.
   */
  async connect(userId: string, socketId: string): Promise<boolean> {
    let set = this.local.get(userId);
    if (!set) this.local.set(userId, (set = new Set()));
    set.add(socketId);
    if (set.size > 1) return false;
    this.unrecordedLeft.delete(userId);
    return this.tolerant(
      () => this.firstAnywhere(userId),
      () => {
        this.unannounced.add(userId);
        return false;
      },
    );
  }

  private async firstAnywhere(userId: string): Promise<boolean> {
    const res = await this.redis
      .multi()
      .sadd(this.userNodesKey(userId), this.nodeId)
      .sadd(this.nodeUsersKey(this.nodeId), userId)
      .scard(this.userNodesKey(userId))
      .exec();
    return Number(res?.[2]?.[1]) === 1 || !(await this.onlineElsewhere(userId));
  }

  async disconnect(userId: string, socketId: string): Promise<boolean> {
    const set = this.local.get(userId);
    if (!set || !set.delete(socketId) || set.size > 0) return false;
    this.local.delete(userId);
    // Never announced online: nothing to take back.
    const announced = !this.unannounced.delete(userId);
    return this.tolerant(
      async () => {
        await this.redis.multi().srem(this.userNodesKey(userId), this.nodeId).srem(this.nodeUsersKey(this.nodeId), userId).exec();
        return announced && !(await this.onlineElsewhere(userId));
      },
      () => {
        this.unrecordedLeft.set(userId, announced);
        return false;
      },
    );
  }

  private async tolerant<T>(work: () => Promise<T>, fallback: () => T): Promise<T> {
    // Known to be away (reconnecting): answer from this node at once, not after a command timeout.
    if (this.redis.status !== 'ready') return fallback();
    try {
      return await work();
    } catch (err) {
      this.opts.log.warn({ err }, 'presence: redis unavailable');
      return fallback();
    }
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    const online = new Set(userIds.filter((id) => this.local.has(id)));
    const rest = userIds.filter((id) => !online.has(id));
    if (rest.length === 0) return online;
    return this.tolerant(
      () => this.onlineElsewhereAmong(online, rest),
      () => online,
    );
  }

  private async onlineElsewhereAmong(online: Set<string>, rest: string[]): Promise<Set<string>> {
    const pipe = this.redis.pipeline();
    for (const id of rest) pipe.smembers(this.userNodesKey(id));
    const nodesOf = ((await pipe.exec()) ?? []).map((r) => (r[1] as string[]) ?? []);
    const alive = await this.aliveNodes(new Set(nodesOf.flat()));
    rest.forEach((id, i) => {
      if (nodesOf[i]!.some((n) => alive.has(n))) online.add(id);
    });
    return online;
  }

  private async onlineElsewhere(userId: string): Promise<boolean> {
    const nodes = (await this.redis.smembers(this.userNodesKey(userId))).filter((n) => n !== this.nodeId);
    return (await this.aliveNodes(new Set(nodes))).size > 0;
  }

  private async aliveNodes(nodes: Set<string>): Promise<Set<string>> {
    const list = [...nodes];
    if (list.length === 0) return new Set();
    const beats = await this.redis.mget(list.map((n) => this.nodeKey(n)));
    return new Set(list.filter((_, i) => beats[i] !== null));
  }

  private async beat(): Promise<void> {
    await this.redis.multi().set(this.nodeKey(this.nodeId), String(Date.now()), 'PX', this.opts.ttlMs).sadd(this.NODES, this.nodeId).exec();
  }

  private async restore(): Promise<void> {
    await this.beat();
    const left = [...this.unrecordedLeft.keys()];
    const arrived = [...this.unannounced];
    const multi = this.redis.multi();
    for (const userId of this.local.keys()) multi.sadd(this.userNodesKey(userId), this.nodeId).sadd(this.nodeUsersKey(this.nodeId), userId);
    for (const userId of left) multi.srem(this.userNodesKey(userId), this.nodeId).srem(this.nodeUsersKey(this.nodeId), userId);
    await multi.exec();
    // Only those who came or went during the outage: a Redis restart announces no one else.
    for (const userId of left) {
      const announced = this.unrecordedLeft.get(userId);
      if (!this.unrecordedLeft.delete(userId) || !announced || this.local.has(userId)) continue;
      if (!(await this.onlineElsewhere(userId))) await this.opts.onOffline(userId);
    }
    for (const userId of arrived) {
      if (!this.unannounced.delete(userId) || !this.local.has(userId)) continue;
      if (!(await this.onlineElsewhere(userId))) await this.opts.onOnline(userId);
    }
  }

  /** Clears the entries of nodes whose heartbeat expired; one sweeper per dead node. */
  private async sweep(): Promise<void> {
    const nodes = (await this.redis.smembers(this.NODES)).filter((n) => n !== this.nodeId);
    const alive = await this.aliveNodes(new Set(nodes));
    for (const dead of nodes.filter((n) => !alive.has(n))) {
      const mine = await this.redis.set(`${this.keyPrefix}sweep:${dead}`, this.nodeId, 'PX', this.opts.ttlMs, 'NX');
      if (!mine) continue;
      const users = await this.redis.smembers(this.nodeUsersKey(dead));
      for (const userId of users) {
        await this.redis.srem(this.userNodesKey(userId), dead);
        if (!this.local.has(userId) && !(await this.onlineElsewhere(userId))) await this.opts.onOffline(userId);
      }
      await this.redis.multi().del(this.nodeUsersKey(dead)).srem(this.NODES, dead).exec();
    }
  }
}
