import { and, eq, or, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { media } from '../../db/schema.js';
import { fail, problem } from '../../lib/errors.js';
import { bearerToken } from '../auth/authenticate.js';
import { assertSessionActive } from '../auth/sessions.js';
import type { ByteRange, Storage } from './storage.js';
import type { MediaRow } from './present.js';

/**
 * A media item the actor may read: their own upload, or one attached to a message (or its link
 * preview's image), not deleted for everyone, in a conversation they are a member of. Anything else is media.not_found.
 */
export async function readableMedia(ex: Executor, mediaId: string, actorId: string): Promise<MediaRow> {
  const [row] = await ex
    .select()
    .from(media)
    .where(
      and(
        eq(media.id, mediaId),
        or(
          eq(media.ownerId, actorId),
          sql`exists (select 1 from message_media mm
                      join messages msg on msg.id = mm.message_id and msg.deleted_at is null
                      join members mb on mb.conversation_id = msg.conversation_id and mb.user_id = ${actorId}
                      where mm.media_id = ${media.id})`,
          // A link preview's image: served by Parley to the members, who never contact the site.
          sql`exists (select 1 from link_previews lp
                      join messages msg on msg.id = lp.message_id and msg.deleted_at is null
                      join members mb on mb.conversation_id = msg.conversation_id and mb.user_id = ${actorId}
                      where lp.image_media_id = ${media.id})`,
        ),
      ),
    );
  if (!row) throw fail('media.not_found');
  return row;
}

export interface StoredObject {
  key: string;
  size: number;
  mimeType: string;
  /** Strong validator; objects never change, so it is fixed per object. */
  etag: string;
  disposition: string;
  cacheControl: string;
  lastModified?: Date;
}

/** True when an If-None-Match list names this entity tag (weak comparison, `*` matches). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/**
 * The single range an HTTP Range header asks for: null to send the whole object (no header, an
 * If-Range that no longer matches, several ranges, or a malformed one, which RFC 9110 says to
 * ignore), 'unsatisfiable' when it starts beyond the end.
 */
export function requestedRange(
  header: string | undefined,
  size: number,
  ifRange?: string,
  etag?: string,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  if (ifRange && ifRange.trim() !== etag) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * Streams a stored object: 304 for a matching If-None-Match, 206 for a Range, 416 for one
 * beyond the end; always with its type, nosniff and a safe Content-Disposition.
 */
export async function sendObject(storage: Storage, req: FastifyRequest, reply: FastifyReply, obj: StoredObject): Promise<FastifyReply> {
  reply
    .header('ETag', obj.etag)
    .header('Cache-Control', obj.cacheControl)
    .header('Accept-Ranges', 'bytes')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', obj.disposition);
  if (obj.lastModified) reply.header('Last-Modified', obj.lastModified.toUTCString());
  if (noneMatch(req.headers['if-none-match'], obj.etag)) return reply.code(304).send();

  const range = requestedRange(req.headers.range, obj.size, String(req.headers['if-range'] ?? '') || undefined, obj.etag);
  if (range === 'unsatisfiable') {
    return reply
      .code(416)
      .header('Content-Range', `bytes */${obj.size}`)
      .type('application/problem+json')
      .send(problem(fail('media.range_not_satisfiable', `the object has ${obj.size} bytes`), req.url.split('?')[0]));
  }
  let body;
  try {
    body = await storage.get(obj.key, range ?? undefined);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    req.log.warn({ key: obj.key }, 'stored object is missing');
    throw fail('media.not_found');
  }
  reply.type(obj.mimeType);
  if (range) {
    reply
      .code(206)
      .header('Content-Range', `bytes ${range.start}-${range.end}/${obj.size}`)
      .header('Content-Length', String(range.end - range.start + 1));
  } else {
    reply.header('Content-Length', String(obj.size));
  }
  return reply.send(body);
}

/**
 * onRequest hook for media reads: like `authenticate`, but when there is no Authorization header
 * the access token may come as `?token=` (so `<img src>` and `<video src>` work).
 */
export function authenticateRead(ctx: AppContext) {
  return async (req: FastifyRequest): Promise<void> => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const token =
      !req.headers.authorization && typeof query.token === 'string' && query.token ? query.token : bearerToken(req.headers.authorization);
    const claims = await ctx.tokens.verify(token);
    await assertSessionActive(ctx, claims.sessionId, claims.userId);
    req.auth = claims;
  };
}
