import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import { allowedPrefixes, type Lookup, type OutboundRules } from '../../lib/outbound.js';
import { boundedGet, type BoundedGetOptions } from '../../lib/outboundFetch.js';
import { mediaDirs } from '../media/dirs.js';
import { createMedia } from '../media/ingest.js';
import type { MediaRow } from '../media/present.js';
import { parsePage, type PageFacts } from './parseHtml.js';

/** A page's facts, and its image once it went through the media pipeline. */
export interface FetchedPreview extends Omit<PageFacts, 'image'> {
  image: MediaRow | null;
}

/** The guards of every request a preview makes (issue 20 item 4). */
const rules: OutboundRules = { allowHttp: true, ports: [80, 443] };
const MAX_REDIRECTS = 3;

export interface PreviewFetchOptions {
  lookup: Lookup;
  /** Body bytes at most (page and image each). */
  maxBytes: number;
  /** The deadline of the page (and, separately, of its image), ms. */
  timeoutMs: number;
}

/**
 * Fetches the page at `url` (text/html only) and its og:image (re-encoded by the media pipeline as
 * an item owned by the sender, so Parley serves it). A page with nothing to show gives null; a
 * refused or failed page throws. An image that fails is left out, the rest is kept.
 */
export async function fetchPreview(ctx: AppContext, senderId: string, url: string, o: PreviewFetchOptions): Promise<FetchedPreview | null> {
  const get = (accepts: BoundedGetOptions['accepts']) => ({
    allowed: allowedPrefixes(ctx.config.OUTBOUND_ALLOWED_URLS),
    lookup: o.lookup,
    rules,
    maxRedirects: MAX_REDIRECTS,
    maxBytes: o.maxBytes,
    timeoutMs: o.timeoutMs,
    accepts,
  });
  const page = await boundedGet(
    url,
    get((t) => t === 'text/html'),
  );
  const facts = parsePage(page.body.toString('utf8'), page.url);
  if (!facts.title && !facts.description) return null;
  let image: MediaRow | null = null;
  if (facts.image) {
    image = await fetchImage(
      ctx,
      senderId,
      facts.image,
      get((t) => t.startsWith('image/')),
    ).catch((err: unknown) => {
      ctx.log.info({ err, url: facts.image }, 'link preview image not fetched');
      return null;
    });
  }
  return { title: facts.title, description: facts.description, siteName: facts.siteName, image };
}

/** The image through the media pipeline: sniffed, decoded within the decode limits, re-encoded, metadata stripped. */
async function fetchImage(ctx: AppContext, senderId: string, url: string, opts: BoundedGetOptions): Promise<MediaRow | null> {
  const res = await boundedGet(url, opts);
  const dir = mediaDirs(ctx.config).incoming;
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, `preview-${crypto.randomUUID()}`);
  await fsp.writeFile(file, res.body);
  // Not counted in the sender's quota: they did not upload it (it is bounded by LINK_PREVIEW_MAX_BYTES).
  const row = await createMedia(ctx, senderId, { path: file, size: res.body.length, declaredType: res.contentType }, { reserved: true });
  return row.kind === 'image' ? row : null;
}
