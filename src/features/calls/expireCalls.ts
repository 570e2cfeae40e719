import { and, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connect.js';
import { calls } from '../../db/schema.js';
import { endCallIn } from './endCall.js';

/**
 * Calls nobody answered within CALL_RING_TIMEOUT_SECONDS become missed. Every node runs it; the row
 * locks (skip locked) let each call be ended once, by whichever node gets it, even after a restart.
 * Returns how many it ended.
 */
export async function expireCalls(ctx: AppContext, limit = 100): Promise<number> {
  // Every node runs this every second: most of the time nothing rings, and that needs no transaction.
  const [any] = await ctx.db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.status, 'ringing'), lt(calls.ringUntil, new Date())))
    .limit(1);
  if (!any) return 0;
  return ctx.run(async (tx, events) => {
    const due = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.status, 'ringing'), lt(calls.ringUntil, new Date())))
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const row of due) await endCallIn(tx, events, row, 'missed');
    return due.length;
  });
}

/** Ended calls are kept as long as the events that tell of them (EVENT_RETENTION_DAYS), then deleted. */
export async function pruneEndedCalls(db: Db, retentionDays: number): Promise<void> {
  const before = new Date(Date.now() - retentionDays * 86_400_000);
  await db.delete(calls).where(and(eq(calls.status, 'ended'), lt(calls.endedAt, before)));
}
