import type { Call } from '@parley/protocol';
import type { calls } from '../../db/schema.js';

export type CallRow = typeof calls.$inferSelect;
export type CallDto = Call;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A call as clients see it: never its sockets. */
export const toCall = (r: CallRow): CallDto => ({
  id: r.id,
  conversationId: r.conversationId,
  callerId: r.callerId,
  calleeId: r.calleeId,
  media: r.media,
  status: r.status,
  endReason: r.endReason ?? null,
  createdAt: r.createdAt.toISOString(),
  ringUntil: r.ringUntil.toISOString(),
  answeredAt: iso(r.answeredAt),
  endedAt: iso(r.endedAt),
});
