import type { Executor } from '../../db/connect.js';
import { auditLog } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

/** Every action the audit log records: admin actions and security events. */
export const auditActions = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'session.revoked',
  'password.reset',
  'password.changed',
  'user.role_changed',
  'user.suspended',
  'user.unsuspended',
  'report.resolved',
  'message.deleted',
  'server_key.created',
  'server_key.revoked',
  'account.deleted',
  'backup.downloaded',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  /** The user who did it; null for the system (ADMIN_EMAILS, the CLI, an unauthenticated attempt). */
  actorId: string | null;
  action: AuditAction;
  targetType: 'user' | 'session' | 'message' | 'report' | 'server_key' | 'server';
  targetId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends entries to the audit log. Call it with the transaction of the change it records, so the
 * entry commits with the change or not at all. Times come from this process's clock, ids are
 * UUID v7: within one process both only grow, so entries of one command keep their order.
 */
export async function audit(ex: Executor, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = new Date();
  await ex.insert(auditLog).values(
    entries.map((e) => ({
      id: newId(),
      actorId: e.actorId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      at,
      details: e.details ?? {},
    })),
  );
}

/** One `session.revoked` entry per session ended, with why. */
export const sessionsRevoked = (actorId: string | null, sessionIds: readonly string[], reason: string, userId?: string): AuditEntry[] =>
  sessionIds.map((id) => ({
    actorId,
    action: 'session.revoked',
    targetType: 'session',
    targetId: id,
    details: { reason, ...(userId ? { userId } : {}) },
  }));
