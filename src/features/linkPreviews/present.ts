import type { LinkPreview } from '@parley/protocol';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { linkPreviews, media } from '../../db/schema.js';
import { mediaUrl } from '../media/present.js';

/** The link previews of a page of messages (found ones only), read in one query. */
export async function previewsOf(ex: Executor, messageIds: string[]): Promise<Map<string, LinkPreview>> {
  const out = new Map<string, LinkPreview>();
  if (messageIds.length === 0) return out;
  const found = await ex
    .select({ p: linkPreviews, width: media.width, height: media.height })
    .from(linkPreviews)
    .leftJoin(media, eq(media.id, linkPreviews.imageMediaId))
    .where(inArray(linkPreviews.messageId, messageIds));
  for (const { p, width, height } of found) {
    if (!p.found) continue;
    out.set(p.messageId, {
      url: p.url,
      title: p.title,
      description: p.description,
      siteName: p.siteName,
      image: p.imageMediaId ? { mediaId: p.imageMediaId, url: mediaUrl(p.imageMediaId), width, height } : null,
    });
  }
  return out;
}
