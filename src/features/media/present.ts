import type { mediaSchema } from '@parley/protocol';
import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/connect.js';
import { media, messageMedia } from '../../db/schema.js';

export type MediaRow = typeof media.$inferSelect;
export type MediaDto = z.infer<typeof mediaSchema>;

export const mediaUrl = (id: string) => `/api/v1/media/${id}`;

/** The Media object of the API. */
export const toMedia = (m: MediaRow): MediaDto => ({
  id: m.id,
  kind: m.kind,
  mimeType: m.mimeType,
  size: Number(m.size),
  width: m.width,
  height: m.height,
  name: m.name,
  url: mediaUrl(m.id),
  thumbnailUrl: m.thumbnailKey ? `${mediaUrl(m.id)}/thumbnail` : null,
});

/** The media of a page of messages, in their order, read in one query. */
export async function mediaOfMessages(ex: Executor, messageIds: string[]): Promise<Map<string, MediaDto[]>> {
  const out = new Map<string, MediaDto[]>();
  if (messageIds.length === 0) return out;
  const found = await ex
    .select({ messageId: messageMedia.messageId, media })
    .from(messageMedia)
    .innerJoin(media, eq(media.id, messageMedia.mediaId))
    .where(inArray(messageMedia.messageId, messageIds))
    .orderBy(asc(messageMedia.messageId), asc(messageMedia.position));
  for (const r of found) {
    let list = out.get(r.messageId);
    if (!list) out.set(r.messageId, (list = []));
    list.push(toMedia(r.media));
  }
  return out;
}
