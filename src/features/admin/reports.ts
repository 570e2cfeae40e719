import { and, asc, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import { messageMedia, reports, type ReportSnapshot } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { visibleMessage } from '../messages/access.js';
import type { MessageRow } from '../messages/present.js';
import { findActiveUser, findUser } from '../users/queries.js';
import type { createReportBody, reportSchema } from './schemas.js';

type ReportRow = typeof reports.$inferSelect;
export type ReportDto = z.infer<typeof reportSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentReport = (r: ReportRow): ReportDto => ({
  id: r.id,
  reporterId: r.reporterId,
  messageId: r.messageId,
  userId: r.userId,
  reason: r.reason,
  note: r.note,
  status: r.status,
  snapshot: r.snapshot,
  createdAt: r.createdAt.toISOString(),
  resolvedAt: iso(r.resolvedAt),
  resolvedBy: r.resolvedBy,
  action: r.action,
  resolutionNote: r.resolutionNote,
});

/** The message as it is now, text and media ids included, to keep with the report. */
async function messageSnapshot(tx: Tx, m: MessageRow): Promise<NonNullable<ReportSnapshot['message']>> {
  const media = await tx
    .select({ id: messageMedia.mediaId })
    .from(messageMedia)
    .where(eq(messageMedia.messageId, m.id))
    .orderBy(asc(messageMedia.position));
  return {
    id: m.id,
    conversationId: m.conversationId,
    senderId: m.senderId,
    text: m.text,
    mediaIds: media.map((x) => x.id),
    createdAt: m.createdAt.toISOString(),
  };
}

/**
 * POST /reports: a member reports a message they can see (else 404 message.not_found, as for any
 * message they cannot see) or a user. What is reported is copied into the report, so deleting the
 * message (or the account) later leaves the admins the evidence.
 */
export async function createReport(ctx: AppContext, reporterId: string, input: z.output<typeof createReportBody>): Promise<ReportDto> {
  if (!input.messageId && !input.userId) throw fail('report.target_required', 'name the messageId or the userId you report');
  const row = await ctx.run(async (tx) => {
    let message: ReportSnapshot['message'] = null;
    let userId = input.userId ?? null;
    if (input.messageId) {
      const { message: m } = await visibleMessage(tx, input.messageId, reporterId);
      if (userId && userId !== m.senderId) {
        throw fail('validation.failed', 'userId is not the sender of messageId', [
          { path: 'body.userId', message: 'must be the sender of messageId, or left out' },
        ]);
      }
      userId = m.senderId;
      message = await messageSnapshot(tx, m);
    }
    // A message's sender may since have deleted their account (the tombstone is shown); a user reported alone must exist.
    const user = userId ? await (message ? findUser(tx, userId) : findActiveUser(tx, userId)) : null;
    const snapshot: ReportSnapshot = { message, user: user ? { id: user.id, name: user.name, username: user.username } : null };
    const [inserted] = await tx
      .insert(reports)
      .values({
        id: newId(),
        reporterId,
        messageId: input.messageId ?? null,
        userId,
        reason: input.reason,
        note: input.note ?? null,
        snapshot,
      })
      .returning();
    return inserted!;
  });
  return presentReport(row);
}

const pageCursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** GET /admin/reports: one status's reports, newest first, a page at a time. */
export async function listReports(ctx: AppContext, query: { status: 'open' | 'resolved'; limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(query.cursor, pageCursor);
  const before = after
    ? or(lt(reports.createdAt, new Date(after[0])), and(eq(reports.createdAt, new Date(after[0])), lt(reports.id, after[1])))
    : undefined;
  const found = await ctx.db
    .select()
    .from(reports)
    .where(and(eq(reports.status, query.status), before))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(query.limit + 1);
  const hasMore = found.length > query.limit;
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  return {
    reports: page.map(presentReport),
    nextCursor: hasMore && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    hasMore,
  };
}
