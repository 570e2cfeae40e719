import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../db/connect.js';
import { events } from '../db/schema.js';
import type { EventDraft, StoredEvent } from './types.js';

/**
 * Appends events inside the caller's transaction. Ids come from the single `event_head` row,
 * whose lock is then held until commit: ids are dense and handed out in commit order.
 * Call it last in a transaction to hold that lock for as short a time as possible.
 */
export async function appendEvents(tx: Executor, drafts: EventDraft[]): Promise<StoredEvent[]> {
  if (drafts.length === 0) return [];
  const [head] = await rows<{ last_id: number }>(
    tx,
    sql`update event_head set last_id = last_id + ${drafts.length} where id = 1 returning last_id`,
  );
  const first = Number(head!.last_id) - drafts.length + 1;
  const stored: StoredEvent[] = drafts.map((d, i) => ({
    id: first + i,
    type: d.type,
    conversationId: d.conversationId ?? null,
    userId: d.userId ?? null,
    messageId: d.messageId ?? null,
    payload: d.payload,
    origin: d.origin ?? null,
  }));
  await tx.insert(events).values(stored);
  return stored;
}
