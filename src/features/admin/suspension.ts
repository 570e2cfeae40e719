import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor, Tx } from '../../db/connect.js';
import { sessions, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { forgetSessionDevices } from '../push/sessionDevices.js';
import { audit, sessionsRevoked } from './audit.js';

type SuspensionFields = Pick<typeof users.$inferSelect, 'suspendedAt' | 'suspendedUntil'>;

/** Suspended now: suspended, and its `until` (if any) has not passed. */
export const isSuspended = (u: SuspensionFields, now = Date.now()): boolean =>
  u.suspendedAt !== null && (u.suspendedUntil === null || u.suspendedUntil.getTime() > now);

/** Every way to start or renew a session asks this first: a suspended account gets 403 auth.suspended. */
export async function assertNotSuspended(ex: Executor, userId: string): Promise<void> {
  const [u] = await ex
    .select({ suspendedAt: users.suspendedAt, suspendedUntil: users.suspendedUntil })
    .from(users)
    .where(eq(users.id, userId));
  if (u && isSuspended(u)) {
    const until = u.suspendedUntil ? ` until ${u.suspendedUntil.toISOString()}` : '';
    throw fail('auth.suspended', `this account is suspended${until}`);
  }
}

export interface Suspension {
  until?: Date | undefined;
  reason: string;
}

/**
 * Suspends a user inside the caller's transaction: the suspension is recorded, every live session
 * ends (its push devices with it) and both are audited. Returns the ended sessions, whose sockets
 * the caller closes after the commit (`closeSessions`). Their messages stay. Admins cannot suspend
 * themselves (they would lock the door behind them).
 */
export async function suspendIn(tx: Tx, actorId: string | null, userId: string, s: Suspension): Promise<string[]> {
  if (actorId === userId) throw fail('forbidden', 'you cannot suspend yourself');
  if (s.until && s.until.getTime() <= Date.now())
    throw fail('validation.failed', 'until must be in the future', [{ path: 'body.until', message: 'must be in the future' }]);
  const [user] = await tx
    .update(users)
    .set({ suspendedAt: new Date(), suspendedUntil: s.until ?? null, suspensionReason: s.reason, suspendedBy: actorId })
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .returning({ id: users.id });
  if (!user) throw fail('user.not_found');
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  const ids = ended.map((e) => e.id);
  await forgetSessionDevices(tx, ids);
  await audit(
    tx,
    {
      actorId,
      action: 'user.suspended',
      targetType: 'user',
      targetId: userId,
      details: { reason: s.reason, until: s.until?.toISOString() ?? null },
    },
    ...sessionsRevoked(actorId, ids, 'suspended', userId),
  );
  return ids;
}

/** After the commit: the ended sessions' sockets close on every node (through the adapter). */
export function closeSessions(ctx: Pick<AppContext, 'sessions'>, sessionIds: readonly string[]): void {
  for (const id of sessionIds) ctx.sessions.disconnect(id);
}

/** POST /admin/users/:id/suspend. */
export async function suspendUser(ctx: AppContext, actorId: string, userId: string, s: Suspension): Promise<void> {
  const ended = await ctx.run((tx) => suspendIn(tx, actorId, userId, s));
  closeSessions(ctx, ended);
}

/** Lifts a suspension inside the caller's transaction (a no-op, not audited, when there is none). */
export async function unsuspendIn(tx: Tx, actorId: string | null, userId: string): Promise<void> {
  const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!before || before.deletedAt) throw fail('user.not_found');
  if (before.suspendedAt === null) return;
  await tx
    .update(users)
    .set({ suspendedAt: null, suspendedUntil: null, suspensionReason: null, suspendedBy: null })
    .where(eq(users.id, userId));
  await audit(tx, {
    actorId,
    action: 'user.unsuspended',
    targetType: 'user',
    targetId: userId,
    details: { wasUntil: before.suspendedUntil?.toISOString() ?? null, expired: !isSuspended(before) },
  });
}

/** DELETE /admin/users/:id/suspend. */
export function unsuspendUser(ctx: AppContext, actorId: string, userId: string): Promise<void> {
  return ctx.run((tx) => unsuspendIn(tx, actorId, userId));
}
