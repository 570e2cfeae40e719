import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { sessions } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import type { sessionSchema } from './schemas.js';
import { revokeSession } from './sessions.js';

/** The user's live sessions (signed-in devices), most recently used first; `current` marks the one asking. */
export async function listSessions(
  ctx: Pick<AppContext, 'db'>,
  actorId: string,
  currentSessionId: string,
): Promise<z.infer<typeof sessionSchema>[]> {
  const list = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, actorId), isNull(sessions.revokedAt)))
    .orderBy(desc(sessions.lastUsedAt));
  return list.map((s) => ({
    id: s.id,
    deviceId: s.deviceId,
    deviceName: s.deviceName,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt.toISOString(),
    current: s.id === currentSessionId,
  }));
}

/** Signs out one of the user's own live sessions; anyone else's, or one already ended, is session.not_found. */
export async function revokeOwnSession(ctx: AppContext, actorId: string, sessionId: string): Promise<void> {
  const [s] = await ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actorId), isNull(sessions.revokedAt)));
  if (!s) throw fail('session.not_found');
  await revokeSession(ctx, s.id, actorId, 'revoked_by_user');
}
