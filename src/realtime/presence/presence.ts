import type { OnlineUsers } from '../../context.js';

/**
 * Who is connected. Counts sockets per user so a second device does not make a user
 * "come online" twice and closing one of two devices does not make them "go offline".
 */
export interface Presence extends OnlineUsers {
  /** Records a socket; true when it is the user's first. */
  connect(userId: string, socketId: string): Promise<boolean>;
  /** Forgets a socket; true when it was the user's last. */
  disconnect(userId: string, socketId: string): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** One node: counts in memory. With REDIS_URL, `RedisPresence` takes its place. */
export class LocalPresence implements Presence {
  private readonly sockets = new Map<string, Set<string>>();

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async connect(userId: string, socketId: string): Promise<boolean> {
    let set = this.sockets.get(userId);
    if (!set) this.sockets.set(userId, (set = new Set()));
    set.add(socketId);
    return set.size === 1;
  }

  async disconnect(userId: string, socketId: string): Promise<boolean> {
    const set = this.sockets.get(userId);
    if (!set || !set.delete(socketId)) return false;
    if (set.size > 0) return false;
    this.sockets.delete(userId);
    return true;
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => this.sockets.has(id)));
  }
}
