import type { threadSummarySchema } from '@parley/protocol';
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/connect.js';
import { threadSummaries, type messages } from '../../db/schema.js';

type ThreadSummary = z.infer<typeof threadSummarySchema>;

/** The thread summaries of these messages (roots that have one), by root id, as the Message DTO carries them. */
export async function threadSummariesOf(
  ex: Executor,
  rows: readonly (typeof messages.$inferSelect)[],
): Promise<Map<string, ThreadSummary>> {
  const out = new Map<string, ThreadSummary>();
  // Only top-level messages can be roots: replies need no look-up.
  const ids = rows.filter((r) => r.threadRootId === null && r.type !== 'system').map((r) => r.id);
  if (ids.length === 0) return out;
  for (const s of await ex.select().from(threadSummaries).where(inArray(threadSummaries.rootId, ids))) {
    out.set(s.rootId, {
      replyCount: s.replyCount,
      lastReplyId: s.lastReplyId,
      lastReplyAt: s.lastReplyAt ? s.lastReplyAt.toISOString() : null,
      participantIds: s.participantIds,
    });
  }
  return out;
}
