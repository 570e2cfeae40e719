import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { reports } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { audit } from './audit.js';
import { deleteMessageIn } from './deleteMessageAsAdmin.js';
import { presentReport, type ReportDto } from './reports.js';
import type { resolveReportBody } from './schemas.js';
import { closeSessions, suspendIn } from './suspension.js';

/**
 * POST /admin/reports/:id/resolve: closes an open report with an action, in one transaction with the
 * action itself: `delete_message` deletes the message for everyone (as DELETE /admin/messages/:id),
 * `suspend_user` suspends the reported user (as POST /admin/users/:id/suspend, the note as reason),
 * `dismiss` does nothing more. A resolved report is 409 report.already_resolved; an action the report
 * has no target for (deleting the message of a report about a user) is 422 report.action_invalid.
 */
export async function resolveReport(
  ctx: AppContext,
  adminId: string,
  reportId: string,
  input: z.output<typeof resolveReportBody>,
): Promise<ReportDto> {
  const { report, ended } = await ctx.run(async (tx, events) => {
    const [open] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
    if (!open) throw fail('report.not_found');
    if (open.status === 'resolved') throw fail('report.already_resolved', 'this report was resolved already');
    let ended: string[] = [];
    if (input.action === 'delete_message') {
      if (!open.messageId) throw fail('report.action_invalid', 'this report is about a user, not a message');
      await deleteMessageIn(tx, events, adminId, open.messageId, { reportId });
    } else if (input.action === 'suspend_user') {
      if (!open.userId) throw fail('report.action_invalid', 'this report names no user');
      const reason = input.note ?? `report ${open.id}: ${open.reason}`;
      ended = await suspendIn(tx, adminId, open.userId, { reason, until: input.until ? new Date(input.until) : undefined });
    } else if (input.until) {
      throw fail('report.action_invalid', 'until goes with suspend_user only');
    }
    const [report] = await tx
      .update(reports)
      .set({ status: 'resolved', resolvedAt: new Date(), resolvedBy: adminId, action: input.action, resolutionNote: input.note ?? null })
      .where(eq(reports.id, reportId))
      .returning();
    await audit(tx, {
      actorId: adminId,
      action: 'report.resolved',
      targetType: 'report',
      targetId: reportId,
      details: { action: input.action, note: input.note ?? null, messageId: open.messageId, userId: open.userId },
    });
    return { report: report!, ended };
  });
  closeSessions(ctx, ended);
  return presentReport(report);
}
