import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { presenceShown, privacyOf } from '../../features/users/privacy.js';
import { relationsAmong } from '../../features/users/visibility.js';

export interface PresenceEntry {
  userId: string;
  isOnline: boolean;
  lastActive: string | null;
}

/**
 * `presence:query`: who of these is online. Each shows as much as their privacy settings allow the
 * asker (`actorId`; 'contacts': a shared conversation; never across a block); hidden, they look
 * offline (`isOnline: false`) and without a last-seen time (`lastActive: null`). Unknown ids are left out.
 */
export async function queryPresence(ctx: AppContext, actorId: string, userIds: string[]): Promise<PresenceEntry[]> {
  const found = await ctx.db.select().from(users).where(inArray(users.id, userIds));
  const ids = found.map((u) => u.id);
  const [online, relations] = await Promise.all([ctx.presence.onlineAmong(ids), relationsAmong(ctx.db, actorId, ids)]);
  return found.map((u) => {
    const shown = presenceShown(privacyOf(u), relations.get(u.id)!);
    return {
      userId: u.id,
      isOnline: shown.online && online.has(u.id),
      lastActive: shown.lastSeen ? (u.lastActive?.toISOString() ?? null) : null,
    };
  });
}
