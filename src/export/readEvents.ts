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

/** The next events after `after`, in id order, whole (the exporter publishes every type). */
export async function readExportEvents(db: Db, after: number, limit: number): Promise<ExportEvent[]> {
  const r = await rows<{
    id: number;
    type: StoredEventType;
    conversation_id: string | null;
    user_id: string | null;
    payload: Record<string, unknown>;
    created_at: Date | string;
  }>(
    db,
    sql`select id, type, conversation_id, user_id, payload, created_at from events
        where id > ${after} order by id limit ${limit}`,
  );
  return r.map((e) => ({
    id: Number(e.id),
    type: e.type,
    conversationId: e.conversation_id,
    userId: e.user_id,
    payload: e.payload,
    createdAt: new Date(e.created_at),
  }));
}
