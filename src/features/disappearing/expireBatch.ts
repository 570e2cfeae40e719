import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows, uuidArray } from '../../db/connect.js';
import type { GoneMedia } from '../media/orphans.js';
import { dropUnreferencedMedia } from '../retention/purgeBatch.js';

/** What one batch removed. */
export interface ExpiredBatch {
  messages: number;
  media: GoneMedia[];
}

/** The stored events that carry a conversation, and with it its lastMessage (as in deleteMessage.ts). */
const carriesConversation = sql`type in ('conversation:created', 'conversation:updated')`;
const lastMessageId = sql`(payload #>> '{conversation,lastMessage,id}')`;

/**
 * One transaction of the disappearing sweep: up to `limit` messages past their `expiresAt` are
 * deleted with everything tied to them (reactions, pins, stars, delete-for-me marks, attachments:
 * cascades), their stored events (sync must not replay the text), the snippets quoting them in
 * the stored events of replies and the lastMessage copies in conversation events, and the media
 * no message carries any more (the caller deletes the objects). Search reads the messages table,
 * so their hits go with the rows. Each conversation is locked first, in id order as sends lock
 * them. Members hear `message:deleted` with `expired: true`; the event has no `message_id`, so
 * sync's per-message filters (which look the row up) let it through.
 */
export function expireBatch(ctx: Pick<AppContext, 'run'>, limit: number): Promise<ExpiredBatch> {
  return ctx.run(async (tx, events) => {
    const due = await rows<{ id: string; conversation_id: string }>(
      tx,
      sql`select id, conversation_id from messages where expires_at <= now() order by expires_at limit ${limit}`,
    );
    if (due.length === 0) return { messages: 0, media: [] };
    const conversationIds = [...new Set(due.map((m) => m.conversation_id))].sort();
    await tx.execute(sql`select id from conversations where id = any(${uuidArray(conversationIds)}) order by id for update`);
    // Locked after the read: a row another sweep took meanwhile is simply not deleted twice.
    const gone = await rows<{ id: string; conversation_id: string }>(
      tx,
      sql`select id, conversation_id from messages where id = any(${uuidArray(due.map((m) => m.id))}) for update`,
    );
    if (gone.length === 0) return { messages: 0, media: [] };
    const ids = uuidArray(gone.map((m) => m.id));
    const mediaIds = (
      await rows<{ media_id: string }>(tx, sql`select distinct media_id from message_media where message_id = any(${ids})`)
    ).map((m) => m.media_id);
    await tx.execute(
      sql`update events set payload = jsonb_set(payload, '{message,replyTo}', 'null'::jsonb)
          where type in ('message:new', 'message:updated')
            and message_id in (select id from messages where reply_to_id = any(${ids}) and not (id = any(${ids})))`,
    );
    await tx.execute(
      sql`update events set payload = jsonb_set(payload, '{conversation,lastMessage}', 'null'::jsonb)
          where ${carriesConversation} and ${lastMessageId} in (select unnest(${ids})::text)`,
    );
    await tx.execute(
      sql`update events set payload = jsonb_set(payload, '{conversation,lastMessage,replyTo}', 'null'::jsonb)
          where ${carriesConversation}
            and ${lastMessageId} in (select id::text from messages where reply_to_id = any(${ids}))
            and payload #> '{conversation,lastMessage,replyTo}' <> 'null'::jsonb`,
    );
    await tx.execute(sql`delete from events where message_id = any(${ids})`);
    await tx.execute(sql`delete from messages where id = any(${ids})`);
    for (const m of gone) {
      const payload = { conversationId: m.conversation_id, messageId: m.id, for: 'everyone' as const, expired: true as const };
      events.add({ type: 'message:deleted', conversationId: m.conversation_id, payload });
    }
    return { messages: gone.length, media: await dropUnreferencedMedia(tx, mediaIds) };
  });
}
