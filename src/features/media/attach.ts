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
