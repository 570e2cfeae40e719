import { sql } from 'drizzle-orm';
import { uuidArray, type Db } from '../../db/connect.js';

/** How stale a session's `last_used_at` may be: it is written at most this often. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Sessions' lastUsedAt, written off the request: a session read as used more than a minute ago is
 * written within `flushMs`, all such sessions in one statement (a reconnect storm of thousands of
 * sessions is a few statements, not one per handshake).
 */
export class SessionUse {
  private readonly due = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly flushMs = 1_000,
  ) {}

  /** A request or handshake used the session; `lastUsedAt` is what the database holds. */
  seen(sessionId: string, lastUsedAt: Date): void {
    if (Date.now() - lastUsedAt.getTime() <= LAST_USED_PRECISION_MS) return;
    this.due.add(sessionId);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  /** Writes what is due now (also at shutdown). A failure is dropped: the next use writes it again. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.due];
    this.due.clear();
    if (ids.length === 0) return;
    await this.db.execute(sql`update sessions set last_used_at = now() where id = any(${uuidArray(ids)})`).catch(() => undefined);
  }
}
