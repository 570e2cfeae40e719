import { sql } from 'drizzle-orm';
import { jsonRows, rows, type Executor } from '../db/connect.js';
import type { EventDraft, StoredEvent } from './types.js';

/**
 * Appends events inside the caller's transaction, in one statement. Ids come from the single
 * `event_head` row, whose lock is then held until commit: ids are dense and handed out in
 * commit order. Call it last in a transaction to hold that lock for as short a time as possible.
 */
export async function appendEvents(tx: Executor, drafts: EventDraft[]): Promise<StoredEvent[]> {
  if (drafts.length === 0) return [];
  const stored: StoredEvent[] = drafts.map((d, i) => ({
    id: i,
    type: d.type,
    conversationId: d.conversationId ?? null,
    userId: d.userId ?? null,
    messageId: d.messageId ?? null,
    payload: d.payload,
    origin: d.origin ?? null,
    hiddenFrom: null,
  }));
  const [head] = await rows<{ last_id: number }>(
    tx,
    sql`with head as (update event_head set last_id = last_id + ${drafts.length} where id = 1 returning last_id),
        added as (
          insert into events (id, type, conversation_id, user_id, message_id, payload, origin)
          select head.last_id - ${drafts.length} + 1 + v.id, v.type, v."conversationId", v."userId", v."messageId", v.payload, v.origin
          from head, jsonb_to_recordset(${jsonRows(stored)})
             as v(id int, type text, "conversationId" uuid, "userId" uuid, "messageId" uuid, payload jsonb, origin text)
        )
        select last_id from head`,
  );
  const first = Number(head!.last_id) - drafts.length + 1;
  for (const e of stored) e.id += first;
  return stored;
}
