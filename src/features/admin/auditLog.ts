import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db, type Executor } from '../../db/connect.js';
import { auditLog } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import type { auditEntrySchema, auditFilters } from './schemas.js';

type AuditRow = typeof auditLog.$inferSelect;
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;
type Filters = z.output<typeof auditFilters>;

export const presentAuditEntry = (r: AuditRow): AuditEntryDto => ({
  id: r.id,
  actorId: r.actorId,
  action: r.action as AuditEntryDto['action'],
  targetType: r.targetType as AuditEntryDto['targetType'],
  targetId: r.targetId,
  at: r.at.toISOString(),
  details: r.details,
});

const matching = (f: Filters): SQL | undefined =>
  and(
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
  );

const position = z.tuple([z.iso.datetime(), z.uuid()]);
type Position = z.output<typeof position>;
const encode = (r: AuditRow) => encodeCursor([r.at.toISOString(), r.id]);

/** GET /admin/audit-log: the entries matching the filters, newest first, a page at a time. */
export async function listAuditLog(db: Db, query: Filters & { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(query.cursor, position);
  const older = after
    ? or(lt(auditLog.at, new Date(after[0])), and(eq(auditLog.at, new Date(after[0])), lt(auditLog.id, after[1])))
    : undefined;
  const found = await db
    .select()
    .from(auditLog)
    .where(and(matching(query), older))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit + 1);
  const hasMore = found.length > query.limit;
  const page = found.slice(0, query.limit);
  return { entries: page.map(presentAuditEntry), nextCursor: hasMore ? encode(page.at(-1)!) : null, hasMore };
}

/** The newest entries by, about or for one user (a session's entry names its user in `details.userId`). */
export async function recentAuditOf(ex: Executor, userId: string, limit = 20): Promise<AuditEntryDto[]> {
  const found = await ex
    .select()
    .from(auditLog)
    .where(or(eq(auditLog.actorId, userId), eq(auditLog.targetId, userId), sql`${auditLog.details}->>'userId' = ${userId}`))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return found.map(presentAuditEntry);
}

/**
 * GET /admin/audit-log/export: every matching entry, oldest first, as NDJSON lines, read a page at a
 * time (keyset, no transaction held), so an export of any size streams in flat memory.
 */
export async function* exportAuditLog(db: Db, filters: Filters, pageSize = 500): AsyncGenerator<string> {
  let from: Position | undefined;
  for (;;) {
    const newer = from
      ? or(gt(auditLog.at, new Date(from[0])), and(eq(auditLog.at, new Date(from[0])), gt(auditLog.id, from[1])))
      : undefined;
    const page = await db
      .select()
      .from(auditLog)
      .where(and(matching(filters), newer))
      .orderBy(asc(auditLog.at), asc(auditLog.id))
      .limit(pageSize);
    if (page.length > 0) yield page.map((r) => `${JSON.stringify(presentAuditEntry(r))}\n`).join('');
    if (page.length < pageSize) return;
    const last = page.at(-1)!;
    from = [last.at.toISOString(), last.id];
  }
}

/**
 * Deletes the entries older than AUDIT_LOG_RETENTION_DAYS, a batch per transaction (as event
 * pruning does), so a large backlog never holds one long lock. Returns how many were deleted.
 */
export async function pruneAuditLog(db: Db, retentionDays: number, batchSize = 5000): Promise<number> {
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const [r] = await rows<{ n: number }>(
      db,
      sql`with gone as (
            delete from audit_log where id in (select id from audit_log where at < ${cutoff} order by at limit ${batchSize}) returning 1
          ) select count(*)::int as n from gone`,
    );
    const n = Number(r?.n ?? 0);
    deleted += n;
    if (n < batchSize) return deleted;
  }
}
