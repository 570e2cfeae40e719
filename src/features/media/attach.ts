import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.js';
import { media } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { toMedia, type MediaDto } from './present.js';

/**
 * The sender's own uploads named by `mediaIds` (duplicates dropped, order kept), marked attached
 * so the orphan sweep keeps them. The row locks taken here order this against a sweep that is
 * deleting the same uploads. Any id that is not the sender's upload: message.media_invalid.
 */
export async function claimMedia(tx: Tx, actorId: string, mediaIds: string[]): Promise<MediaDto[]> {
  const ids = [...new Set(mediaIds)];
  const found = await tx
    .update(media)
    .set({ attachedAt: sql`coalesce(${media.attachedAt}, now())` })
    .where(and(inArray(media.id, ids), eq(media.ownerId, actorId)))
    .returning();
  if (found.length !== ids.length) throw fail('message.media_invalid', 'mediaIds must name your own uploads');
  const byId = new Map(found.map((m) => [m.id, m]));
  return ids.map((id) => toMedia(byId.get(id)!));
}

/**
 * Forwarding: the media of the message `sourceId`, reused as they are (no copy, no re-upload), named by
 * `mediaIds` in order. Only while the actor may still see that message (a member of its conversation,
 * within the history they may read, not deleted for everyone or for them): media they cannot see cannot
 * be forwarded. The row locks order this against a retention purge deleting the same media.
 */
export async function claimForwardedMedia(tx: Tx, actorId: string, sourceId: string, mediaIds: string[]): Promise<MediaDto[]> {
  const ids = [...new Set(mediaIds)];
  const found = await tx
    .update(media)
    .set({ attachedAt: sql`coalesce(${media.attachedAt}, now())` })
    .where(
      and(
        inArray(media.id, ids),
        sql`exists (select 1 from message_media mm
                    join messages msg on msg.id = mm.message_id and msg.deleted_at is null
                    join members mb on mb.conversation_id = msg.conversation_id and mb.user_id = ${actorId}
                    join conversations c on c.id = msg.conversation_id
                    where mm.media_id = ${media.id} and mm.message_id = ${sourceId}
                      and msg.seq > case when c.type = 'group' and c.history_visibility = 'joined' then mb.joined_seq else 0 end
                      and not exists (select 1 from hidden_messages h where h.message_id = msg.id and h.user_id = ${actorId}))`,
      ),
    )
    .returning();
  if (found.length !== ids.length) throw fail('message.media_invalid', 'the forwarded message and its media are gone');
  const byId = new Map(found.map((m) => [m.id, m]));
  return ids.map((id) => toMedia(byId.get(id)!));
}
