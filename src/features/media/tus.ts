import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { tusUploads } from '../../db/schema.js';
import { AppError, fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { mediaDirs } from './dirs.js';
import { IncomingDir, UploadGuard } from './incoming.js';
import { createMedia } from './ingest.js';
import { reserveUpload } from './quota.js';
import { encodeMetadata, parseMetadata } from './tusMetadata.js';
import { asUploadError } from './upload.js';

/**
 * The tus 1.0 resumable upload protocol (https://tus.io/protocols/resumable-upload): core
 * (HEAD, PATCH, OPTIONS) with the creation, creation-with-upload and termination extensions,
 * at /api/v1/media/tus. Every request but OPTIONS needs the bearer token, and an upload is
 * visible to its creator only. When the last byte arrives the file goes through the same
 * checks and processing as POST /media/upload, and that response carries `Media-Id`.
 *
 * State (length, offset, metadata, parts) is in `tus_uploads`. Each PATCH is received into a
 * local temporary file and then stored as its own object `tus/<id>/<offset>-<random>` in
 * Storage, and the row moves `offset` and appends the key only if nobody moved it first; so
 * with shared storage (S3) any node can take the next PATCH. The last PATCH concatenates the
 * stored parts and its own bytes into one local file, which becomes the Media; then the parts
 * are deleted.
 */
const VERSION = '1.0.0';
const EXTENSIONS = 'creation,creation-with-upload,termination';
const CHUNK_TYPE = 'application/offset+octet-stream';
const uploadLocation = (id: string) => `/api/v1/media/tus/${id}`;

type Upload = typeof tusUploads.$inferSelect;

const nonNegative = (name: string, value: string | string[] | undefined): number => {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || !/^\d{1,16}$/.test(v)) {
    throw fail('validation.failed', `${name} must be a non-negative integer`, [
      { path: `headers.${name.toLowerCase()}`, message: 'a non-negative integer' },
    ]);
  }
  return Number(v);
};

const isChunk = (req: FastifyRequest) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === CHUNK_TYPE;

export const tusRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const incoming = new IncomingDir(mediaDirs(ctx.config).incoming);
  const partKey = (id: string, offset: number) => `tus/${id}/${offset}-${crypto.randomBytes(4).toString('hex')}`;
  /** Uploads with a PATCH in progress on this node: a second one at the same time gets 423 and retries. */
  const busy = new Set<string>();
  const auth = authenticate(ctx);
  const tags = ['media'];

  // Chunks are streamed from the raw request by the handler, never parsed or buffered.
  app.addContentTypeParser(CHUNK_TYPE, (_req, _payload, done) => done(null, undefined));
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'OPTIONS') return;
    if (req.headers['tus-resumable'] !== VERSION) {
      reply.header('Tus-Version', VERSION);
      throw fail('tus.version_unsupported', `Tus-Resumable: ${VERSION} is required`);
    }
    await auth(req, reply);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('Tus-Resumable', VERSION);
    if (req.method === 'OPTIONS') {
      reply.header('Tus-Version', VERSION).header('Tus-Extension', EXTENSIONS).header('Tus-Max-Size', String(ctx.config.TUS_MAX_BYTES));
    }
    return payload;
  });

  async function findUpload(id: string, ownerId: string): Promise<Upload> {
    const [u] = await ctx.db
      .select()
      .from(tusUploads)
      .where(and(eq(tusUploads.id, id), eq(tusUploads.ownerId, ownerId)));
    if (!u) throw fail('tus.not_found');
    return u;
  }

  /** Deletes the upload's row, then the parts it listed. */
  async function forget(id: string): Promise<void> {
    const [gone] = await ctx.db.delete(tusUploads).where(eq(tusUploads.id, id)).returning({ parts: tusUploads.parts });
    if (gone) await deleteParts(gone.parts);
  }

  async function deleteParts(keys: string[]): Promise<void> {
    for (const key of keys) await ctx.storage.delete(key).catch((err) => ctx.log.warn({ err, key }, 'could not delete a tus part'));
  }

  /**
   * Another request (possibly on another node) moved the upload first, or it is gone: the
   * upload's current state, as 404, 409, or the finished upload's answer.
   */
  async function lostRace(id: string, ownerId: string, reply: FastifyReply): Promise<void> {
    const now = await findUpload(id, ownerId);
    reply.header('Upload-Offset', String(now.offset));
    if (now.mediaId) {
      reply.header('Media-Id', now.mediaId);
      return;
    }
    throw fail('tus.offset_mismatch', `the upload is at offset ${now.offset}`);
  }

  /**
   * Receives the request body at `offset`, which must be where the upload is. Whatever arrived
   * before an interruption is kept (the next HEAD reports it). Completing the upload turns it
   * into a Media. The upload is read again under this node's lock, so a request that waited
   * behind another never works from a stale offset; across nodes, the conditional update of
   * the row decides, and the loser drops its part.
   */
  async function receiveChunk(req: FastifyRequest, reply: FastifyReply, id: string, ownerId: string, offset: number): Promise<void> {
    await findUpload(id, ownerId);
    if (busy.has(id)) throw fail('tus.locked', 'another request is writing to this upload; retry');
    busy.add(id);
    const temp = incoming.newPath();
    try {
      const u = await findUpload(id, ownerId);
      if (offset !== u.offset) {
        reply.header('Upload-Offset', String(u.offset));
        throw fail('tus.offset_mismatch', `the upload is at offset ${u.offset}`);
      }
      if (u.mediaId) {
        // Already complete (a retried last chunk): the same answer again.
        req.raw.resume();
        reply.header('Upload-Offset', String(u.offset)).header('Media-Id', u.mediaId);
        return;
      }
      if (u.offset > 0 && u.parts.length === 0) {
        // Started before uploads in progress moved to storage: its bytes were on one node's disk.
        await forget(u.id);
        throw fail('tus.not_found', 'the bytes of this upload are gone; start again');
      }
      await ctx.db.update(tusUploads).set({ updatedAt: new Date() }).where(eq(tusUploads.id, u.id));

      const guard = new UploadGuard(u.length, u.metadata.filetype, u.offset, () =>
        fail('tus.length_exceeded', `the upload is ${u.length} bytes long`),
      );
      let failure: unknown;
      try {
        await pipeline(req.raw, guard, fs.createWriteStream(temp));
      } catch (err) {
        failure = err;
      }
      if (failure instanceof AppError && failure.code === 'media.unsupported_type') {
        await forget(u.id);
        throw failure;
      }
      const size = (await fsp.stat(temp).catch(() => null))?.size ?? 0;
      // The guard stops at the upload's length; never store more than that.
      const received = Math.min(size, u.length - u.offset);
      if (size > received) await fsp.truncate(temp, received);
      if (!failure && u.offset + received === u.length) {
        // The last bytes: they go straight into the Media, never stored as a part.
        await complete(u, reply, temp);
        return;
      }
      let reached = u.offset;
      if (received > 0) {
        const key = partKey(u.id, u.offset);
        await ctx.storage.putFile(key, temp);
        const [moved] = await ctx.db
          .update(tusUploads)
          .set({ offset: u.offset + received, parts: sql`${tusUploads.parts} || ${JSON.stringify([key])}::jsonb`, updatedAt: new Date() })
          .where(and(eq(tusUploads.id, u.id), eq(tusUploads.offset, u.offset), isNull(tusUploads.mediaId)))
          .returning({ offset: tusUploads.offset });
        if (!moved) {
          await ctx.storage.delete(key);
          return await lostRace(u.id, ownerId, reply);
        }
        reached = moved.offset;
      }
      reply.header('Upload-Offset', String(reached));
      if (failure) throw asUploadError(failure);
    } finally {
      busy.delete(id);
      await fsp.rm(temp, { force: true });
    }
  }

  /** The stored parts, then `tail` (this request's bytes), concatenated into one local file. */
  async function assemble(parts: string[], tail: string): Promise<string> {
    if (parts.length === 0) return tail;
    const file = incoming.newPath();
    try {
      for (const key of parts) await pipeline(await ctx.storage.get(key), fs.createWriteStream(file, { flags: 'a' }));
      await pipeline(fs.createReadStream(tail), fs.createWriteStream(file, { flags: 'a' }));
      return file;
    } catch (err) {
      await fsp.rm(file, { force: true });
      throw err;
    }
  }

  async function complete(u: Upload, reply: FastifyReply, tail: string): Promise<void> {
    let file: string;
    try {
      file = await assemble(u.parts, tail);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      file = '';
    }
    if (!file || (await fsp.stat(file)).size !== u.length) {
      // A part is missing (deleted by hand, or storage lost it): the upload cannot be finished.
      ctx.log.warn({ upload: u.id }, 'the stored parts of a tus upload are missing');
      if (file && file !== tail) await fsp.rm(file, { force: true });
      await forget(u.id);
      throw fail('tus.not_found', 'the bytes of this upload are gone; start again');
    }
    let lost = false;
    try {
      const row = await createMedia(
        ctx,
        u.ownerId,
        { path: file, size: u.length, name: u.metadata.filename ?? u.metadata.name ?? null, declaredType: u.metadata.filetype },
        {
          // Its whole length was reserved against the quota at creation; this swaps it for the stored size.
          reserved: true,
          inTransaction: async (tx, m) => {
            const [done] = await tx
              .update(tusUploads)
              .set({ offset: u.length, parts: [], mediaId: m.id, updatedAt: new Date() })
              .where(and(eq(tusUploads.id, u.id), eq(tusUploads.offset, u.offset), isNull(tusUploads.mediaId)))
              .returning({ id: tusUploads.id });
            if (!done) {
              lost = true;
              throw fail('tus.offset_mismatch');
            }
          },
        },
      );
      reply.header('Upload-Offset', String(u.length)).header('Media-Id', row.id);
    } catch (err) {
      // Another request finished or moved it first (its Media is the one), or it was terminated.
      if (lost) return lostRace(u.id, u.ownerId, reply);
      // Refused (type, size of image, undecodable): the upload is over, nothing is kept.
      await forget(u.id);
      throw err;
    }
    await deleteParts(u.parts);
  }

  app.options('/media/tus', { schema: { tags, hide: true } }, async (_req, reply) => reply.code(204).send());
  app.options('/media/tus/:id', { schema: { tags, hide: true } }, async (_req, reply) => reply.code(204).send());

  app.post(
    '/media/tus',
    { schema: { tags, ...secured, summary: 'tus: create an upload (creation, creation-with-upload)' } },
    async (req, reply) => {
      if (req.headers['upload-defer-length'] !== undefined) {
        throw fail('validation.failed', 'Upload-Defer-Length is not supported', [
          { path: 'headers.upload-defer-length', message: 'not supported' },
        ]);
      }
      const length = nonNegative('Upload-Length', req.headers['upload-length']);
      if (length > ctx.config.TUS_MAX_BYTES) {
        reply.header('Tus-Max-Size', String(ctx.config.TUS_MAX_BYTES));
        throw fail('media.too_large', `uploads are limited to ${ctx.config.TUS_MAX_BYTES} bytes`);
      }
      if (length === 0) throw fail('media.unsupported_type', 'an empty file is not of a supported type');
      const metadata = parseMetadata(req.headers['upload-metadata'] as string | undefined);
      const id = newId();
      await ctx.db.transaction(async (tx) => {
        await reserveUpload(tx, ctx.config, req.auth.userId, length);
        await tx.insert(tusUploads).values({ id, ownerId: req.auth.userId, length, offset: 0, metadata });
      });
      reply.code(201).header('Location', uploadLocation(id));
      const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      if (hasBody && isChunk(req)) await receiveChunk(req, reply, id, req.auth.userId, 0);
      else reply.header('Upload-Offset', '0');
      return reply.send();
    },
  );

  app.head(
    '/media/tus/:id',
    { schema: { tags, ...secured, params: idParams, summary: 'tus: the offset of an upload' } },
    async (req, reply) => {
      const u = await findUpload(req.params.id, req.auth.userId);
      reply.header('Cache-Control', 'no-store').header('Upload-Offset', String(u.offset)).header('Upload-Length', String(u.length));
      if (Object.keys(u.metadata).length > 0) reply.header('Upload-Metadata', encodeMetadata(u.metadata));
      if (u.mediaId) reply.header('Media-Id', u.mediaId);
      return reply.code(200).send();
    },
  );

  app.patch(
    '/media/tus/:id',
    { schema: { tags, ...secured, params: idParams, summary: 'tus: append bytes at Upload-Offset' } },
    async (req, reply) => {
      if (!isChunk(req)) throw fail('request.unsupported_media_type', `chunks are sent as ${CHUNK_TYPE}`);
      const offset = nonNegative('Upload-Offset', req.headers['upload-offset']);
      await receiveChunk(req, reply, req.params.id, req.auth.userId, offset);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/media/tus/:id',
    { schema: { tags, ...secured, params: idParams, summary: 'tus: terminate an upload' } },
    async (req, reply) => {
      const u = await findUpload(req.params.id, req.auth.userId);
      if (busy.has(u.id)) throw fail('tus.locked', 'the upload is being written; retry');
      await forget(u.id);
      return reply.code(204).send();
    },
  );
};
