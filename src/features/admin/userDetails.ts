import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { sessions } from '../../db/schema.js';
import { findUser } from '../users/queries.js';
import { toUser } from '../users/present.js';
import { recentAuditOf } from './auditLog.js';
import type { adminUserResponse } from './schemas.js';
import { isSuspended } from './suspension.js';

/** GET /admin/users/:id: what the admin screen shows of one account (deleted ones too: their tombstone). */
export async function adminUserDetails(ctx: AppContext, userId: string): Promise<z.infer<typeof adminUserResponse>> {
  const user = await findUser(ctx.db, userId);
  const [online, live, auditEntries] = await Promise.all([
    ctx.presence.onlineAmong([userId]),
    ctx.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .orderBy(desc(sessions.lastUsedAt)),
    recentAuditOf(ctx.db, userId),
  ]);
  return {
    // The private fields (email, phone) as the owner sees them: the admin needs them to act.
    user: toUser(user, { online: online.has(userId), self: true }),
    role: user.role,
    suspension: isSuspended(user)
      ? {
          since: user.suspendedAt!.toISOString(),
          until: user.suspendedUntil?.toISOString() ?? null,
          reason: user.suspensionReason,
          by: user.suspendedBy,
        }
      : null,
    sessions: live.map((s) => ({
      id: s.id,
      deviceId: s.deviceId,
      deviceName: s.deviceName,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
    })),
    auditEntries,
  };
}
