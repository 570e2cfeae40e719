import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { presenceVisibleAmong } from '../../features/users/visibility.js';

export interface PresenceEntry {
  userId: string;
  isOnline: boolean;
  lastActive: string | null;
}

/**
 * `presence:query`: who of these is online. Only people who share a conversation with the asker (`actorId`)
 * (and no block either way) show their presence; the others look offline with no last-seen.
 * Unknown ids are left out.
 */
export async function queryPresence(ctx: AppContext, actorId: string, userIds: string[]): Promise<PresenceEntry[]> {
  const found = await ctx.db.select({ id: users.id, lastActive: users.lastActive }).from(users).where(inArray(users.id, userIds));
  const ids = found.map((u) => u.id);
  const [online, visible] = await Promise.all([ctx.presence.onlineAmong(ids), presenceVisibleAmong(ctx.db, actorId, ids)]);
  return found.map((u) =>
    visible.has(u.id)
      ? { userId: u.id, isOnline: online.has(u.id), lastActive: u.lastActive?.toISOString() ?? null }
      : { userId: u.id, isOnline: false, lastActive: null },
  );
}
