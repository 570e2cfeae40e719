import { sql, type SQL } from 'drizzle-orm';
import type { ParleyServer } from '../types.js';
import { rows, type Db } from '../../db/connect.js';
import { conversationRoom, userRoom } from '../rooms.js';
import { blockRelationsQuery } from '../../features/users/blocks.js';
import { audienceConversations } from './audience.js';

/** A user's lastActive saved, and what announcing them needs: read in the same statement. */
export interface Marked {
  online: 'everyone' | 'contacts' | 'nobody';
  lastSeen: 'everyone' | 'contacts' | 'nobody';
  /** The conversations to tell. */
  audience: string[];
  /** Users in a block relation with them. */
  blocked: string[];
}

/** The columns `markActive` returns, as node-postgres hands them over. */
export interface MarkedRow {
  online: Marked['online'];
  last_seen: Marked['lastSeen'];
  audience: string[] | null;
  blocked: string[] | null;
}

export const toMarked = (r: MarkedRow): Marked => ({
  online: r.online,
  lastSeen: r.last_seen,
  audience: r.audience ?? [],
  blocked: r.blocked ?? [],
});

/**
 * Saves lastActive and tells a user's audience (audience.ts: people who share a conversation, so
 * contacts) when they come online or go offline, as their privacy settings allow: nothing when
 * `online` is 'nobody'; `lastActive: null` in user:offline when `lastSeen` is 'nobody'.
 */
export class PresenceAnnouncer {
  constructor(
    private readonly db: Db,
    private readonly io: ParleyServer,
    private readonly groupMax: number,
  ) {}

  /**
   * Saves lastActive and returns `MarkedRow` (no row for an unknown user): one statement, so a
   * socket's connect can read it with its rooms, in one snapshot.
   */
  markActive(userId: string, at: Date): SQL {
    return sql`update users set last_active = ${at} where id = ${userId}
      returning privacy_online as online, privacy_last_seen as last_seen,
        (select array_agg(a.id::text) from (${audienceConversations(userId, this.groupMax)}) a) as audience,
        (select array_agg(b.id::text) from (${blockRelationsQuery(userId)}) b) as blocked`;
  }

  /** The user's first socket anywhere. `marked`: already read with the socket's rooms, else saved and read now. */
  async online(userId: string, marked?: Marked): Promise<void> {
    const m = marked ?? (await this.mark(userId, new Date()));
    if (m) this.reach(userId, m)?.emit('user:online', { userId });
  }

  /** The user's last socket anywhere is gone. */
  async offline(userId: string): Promise<void> {
    const lastActive = new Date();
    const m = await this.mark(userId, lastActive);
    if (m) this.reach(userId, m)?.emit('user:offline', { userId, lastActive: m.lastSeen === 'nobody' ? null : lastActive.toISOString() });
  }

  /** The sockets to tell, or none when the user hides being online. */
  private reach(userId: string, m: Marked) {
    if (m.online === 'nobody' || m.audience.length === 0) return undefined;
    return this.io.to(m.audience.map(conversationRoom)).except([userId, ...m.blocked].map(userRoom));
  }

  private async mark(userId: string, at: Date): Promise<Marked | undefined> {
    const [found] = await rows<MarkedRow>(this.db, this.markActive(userId, at));
    return found && toMarked(found);
  }
}
