import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/connect.js';
import type { StoredEventType } from '@parley/protocol';

/** An event as an exporter reads it from the log. */
export interface ExportEvent {
  id: number;
  type: StoredEventType;
  conversationId: string | null;
  userId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * The next events after `after` and at or below the horizon (every id up to it is final:
 * src/events/horizon.ts), in id order, whole (the exporter publishes every type); and how far
 * the log was pruned, so a reader that fell behind it can say so (holes are otherwise normal).
 */
export async function readExportEvents(
  db: Db,
  after: number,
  limit: number,
  horizon: number,
): Promise<{ events: ExportEvent[]; prunedThrough: number }> {
  const r = await rows<{
    id: number;
    type: StoredEventType;
    conversation_id: string | null;
    user_id: string | null;
    payload: Record<string, unknown>;
    created_at: Date | string;
    pruned_through: number;
  }>(
    db,
    sql`select id, type, conversation_id, user_id, payload, created_at,
               (select pruned_through from event_head where id = 1) as pruned_through from events
        where id > ${after} and id <= ${horizon} order by id limit ${limit}`,
  );
  const events = r.map((e) => ({
    id: Number(e.id),
    type: e.type,
    conversationId: e.conversation_id,
    userId: e.user_id,
    payload: e.payload,
    createdAt: new Date(e.created_at),
  }));
  return { events, prunedThrough: Number(r[0]?.pruned_through ?? 0) };
}
