import { sql } from 'drizzle-orm';
import { jsonRows, rows, uuidArray, type Db, type Tx } from '../../db/connect.js';
import { withoutEvents } from '../../events/withoutEvents.js';
import type { GoneMedia } from '../media/orphans.js';

/** What one batch removed: messages, and the media rows no message carries any more (their objects are still to delete). */
export interface PurgedBatch {
  /** Expired messages found (at most the batch size): fewer than asked means none is left. */
  found: number;
  messages: number;
  media: GoneMedia[];
}

interface Through {
  conversation_id: string;
  through: number;
}

/** The retention of a conversation in seconds: the group's own days, else the server's (null: kept forever). */
const retentionSecs = (defaultDays: number | undefined) =>
  sql`coalesce(c.message_retention_days * 86400.0, ${defaultDays === undefined ? null : defaultDays * 86_400}::float8)`;

/**
 * Up to `limit` of the oldest expired messages, as "per conversation, every seq up to `through`":
 * a conversation always loses a prefix of its seqs, so what is left has no hole in it (seqs are
 * given under the conversation's lock, created_at at the transaction's start: a later seq may
 * be a little older; it goes with the prefix). Ties (a group commit's messages share their
 * created_at) are taken in seq order, so a batch stays near `limit`. `olderThan` bounds the index range read: no
 * message younger than the shortest retention in force can have expired.
 */
async function expiredPrefixes(tx: Tx, defaultDays: number | undefined, olderThan: Date, limit: number) {
  const found = await rows<Through & { n: number }>(
    tx,
    sql`select m.conversation_id, max(m.seq)::int as through, count(*)::int as n from (
          select m.conversation_id, m.seq from messages m join conversations c on c.id = m.conversation_id
          where m.created_at < ${olderThan}
            and m.created_at < now() - make_interval(secs => ${retentionSecs(defaultDays)})
          order by m.created_at, m.conversation_id, m.seq limit ${limit}
        ) m group by m.conversation_id order by m.conversation_id`,
  );
  return { prefixes: found.map((f) => ({ conversation_id: f.conversation_id, through: Number(f.through) })), found: sum(found) };
}

const sum = (found: { n: number }[]) => found.reduce((n, f) => n + Number(f.n), 0);

/** The rows of the prefixes as a recordset `t(conversation_id, through)`. */
const prefixTable = (prefixes: Through[]) => sql`jsonb_to_recordset(${jsonRows(prefixes)}) as t(conversation_id uuid, through int)`;

/**
 * One transaction of the retention purge. The conversations are locked first, in id order as
 * sends lock them, so a purge and a send never deadlock; then the messages go with everything
 * tied to them: reactions, delete-for-me marks, pins, stars and attachments (cascades), their stored events
 * (sync must not replay them), the reply snippets quoting them in the stored events of replies
 * that stay, and the media no message carries any more. `purged_through_seq` records the prefix.
 * It appends no events (withoutEvents: readers of the log do not wait for it).
 */
export async function purgeBatch(db: Db, defaultDays: number | undefined, olderThan: Date, limit: number): Promise<PurgedBatch> {
  return withoutEvents(db, async (tx) => {
    const { prefixes, found } = await expiredPrefixes(tx, defaultDays, olderThan, limit);
    if (prefixes.length === 0) return { found: 0, messages: 0, media: [] };
    await tx.execute(
      sql`select id from conversations where id = any(${uuidArray(prefixes.map((p) => p.conversation_id))}) order by id for update`,
    );
    const doomed = (
      await rows<{ id: string }>(
        tx,
        sql`select m.id from messages m join ${prefixTable(prefixes)} on m.conversation_id = t.conversation_id where m.seq <= t.through`,
      )
    ).map((m) => m.id);
    const ids = uuidArray(doomed);
    const mediaIds = (
      await rows<{ media_id: string }>(
        tx,
        sql`select media_id from message_media where message_id = any(${ids})
                union select image_media_id from link_previews where message_id = any(${ids}) and image_media_id is not null`,
      )
    ).map((m) => m.media_id);
    await tx.execute(
      sql`update events set payload = jsonb_set(payload, '{message,replyTo}', 'null'::jsonb)
          where type in ('message:new', 'message:updated')
            and message_id in (select id from messages where reply_to_id = any(${ids}) and not (id = any(${ids})))`,
    );
    await tx.execute(sql`delete from events where message_id = any(${ids})`);
    await tx.execute(sql`delete from messages where id = any(${ids})`);
    await tx.execute(
      sql`update conversations c set purged_through_seq = greatest(c.purged_through_seq, t.through)
          from ${prefixTable(prefixes)} where c.id = t.conversation_id`,
    );
    return { found, messages: doomed.length, media: await dropUnreferencedMedia(tx, mediaIds) };
  });
}

/**
 * Deletes the rows of these media that no message carries now, returning their objects. The rows
 * are locked first, so a send claiming one of them (forwarding) either commits before, and its
 * reference is seen by the delete (a new statement), or waits and then finds no row
 * (message.media_invalid), as with the orphan sweep.
 */
export async function dropUnreferencedMedia(tx: Tx, mediaIds: string[]): Promise<GoneMedia[]> {
  if (mediaIds.length === 0) return [];
  const ids = uuidArray(mediaIds);
  await tx.execute(sql`select id from media where id = any(${ids}) order by id for update`);
  return rows<GoneMedia>(
    tx,
    sql`delete from media where id = any(${ids})
          and not exists (select 1 from message_media mm where mm.media_id = media.id)
        returning storage_key, thumbnail_key`,
  );
}
