import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { tusUploads } from '../../db/schema.js';
import { AppError, fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { mediaDirs } from './dirs.js';
import { UploadGuard } from './incoming.js';
import { createMedia } from './ingest.js';
import { asUploadError } from './upload.js';

/**
 * The tus 1.0 resumable upload protocol (https://tus.io/protocols/resumable-upload): core
 * (HEAD, PATCH, OPTIONS) with the creation, creation-with-upload and termination extensions,
 * at /api/v1/media/tus. Every request but OPTIONS needs the bearer token, and an upload is
 * visible to its creator only. When the last byte arrives the file goes through the same
 * checks and processing as POST /media/upload, and that response carries `Media-Id`.
 *
 * State (length, offset, metadata) is in `tus_uploads`; the bytes are appended to
 * MEDIA_DIR/tus/<id> on the node that received them (resumes must reach the same node).
 */
const VERSION = '1.0.0';
const EXTENSIONS = 'creation,creation-with-upload,termination';
const CHUNK_TYPE = 'application/offset+octet-stream';
const uploadLocation = (id: string) => `/api/v1/media/tus/${id}`;

type Upload = typeof tusUploads.$inferSelect;

const nonNegative = (name: string, value: string | string[] | undefined): number => {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || !/^\d{1,16}$/.test(v)) {
    throw fail('validation.failed', `${name} must be a non-negative integer`, [{ path: `headers.${name.toLowerCase()}`, message: 'a non-negative integer' }]);
  }
  return Number(v);
};

/** Upload-Metadata: comma-separated `key base64value` pairs. */
export function parseMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header?.trim()) return out;
  for (const pair of header.split(',')) {
    const [key, value = '', extra] = pair.trim().split(' ');
    const ok = key && /^[\x21-\x7e]+$/.test(key) && !key.includes(',') && extra === undefined && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
    if (!ok || key in out) {
      throw fail('validation.failed', 'Upload-Metadata is malformed', [{ path: 'headers.upload-metadata', message: 'comma-separated "key base64" pairs' }]);
    }
    out[key] = Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

const encodeMetadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => (v ? `${k} ${Buffer.from(v, 'utf8').toString('base64')}` : k))
    .join(',');

const isChunk = (req: FastifyRequest) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === CHUNK_TYPE;

export const tusRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const dir = mediaDirs(ctx.config).tus;
  fs.mkdirSync(dir, { recursive: true });
  const fileOf = (id: string) => path.join(dir, id);
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
    const [u] = await ctx.db.select().from(tusUploads).where(and(eq(tusUploads.id, id), eq(tusUploads.ownerId, ownerId)));
    if (!u) throw fail('tus.not_found');
    return u;
  }

  async function forget(u: Upload): Promise<void> {
    await ctx.db.delete(tusUploads).where(eq(tusUploads.id, u.id));
    await fsp.rm(fileOf(u.id), { force: true });
  }

  /**
   * Appends the request body at `offset`, which must be where the upload is. Whatever arrived
   * before an interruption is kept (the next HEAD reports it). Completing the upload turns it
   * into a Media. The upload is read again under this node's lock, so a request that waited
   * behind another never works from a stale offset.
   */
  async function receiveChunk(req: FastifyRequest, reply: FastifyReply, id: string, ownerId: string, offset: number): Promise<void> {
    await findUpload(id, ownerId);
    if (busy.has(id)) throw fail('tus.locked', 'another request is writing to this upload; retry');
    busy.add(id);
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
      const file = fileOf(u.id);
      // The file may be ahead of the recorded offset after a crash: the database is the truth.
      const onDisk = await fsp.stat(file).catch(() => null);
      if (!onDisk || onDisk.size < u.offset) {
        await forget(u);
        throw fail('tus.not_found', 'the bytes of this upload are gone; start again');
      }
      if (onDisk.size > u.offset) await fsp.truncate(file, u.offset);
      await ctx.db.update(tusUploads).set({ updatedAt: new Date() }).where(eq(tusUploads.id, u.id));

      const guard = new UploadGuard(u.length, u.metadata.filetype, u.offset, () =>
        fail('tus.length_exceeded', `the upload is ${u.length} bytes long`),
      );
      let failure: unknown;
      try {
        await pipeline(req.raw as IncomingMessage, guard, fs.createWriteStream(file, { flags: 'a' }));
      } catch (err) {
        failure = err;
      }
      if (failure instanceof AppError && failure.code === 'media.unsupported_type') {
        await forget(u);
        throw failure;
      }
      const reached = Math.min((await fsp.stat(file)).size, u.length);
      await ctx.db.update(tusUploads).set({ offset: reached, updatedAt: new Date() }).where(eq(tusUploads.id, u.id));
      reply.header('Upload-Offset', String(reached));
      if (failure) throw asUploadError(failure);
      if (reached === u.length) await complete({ ...u, offset: reached }, reply);
    } finally {
      busy.delete(id);
    }
  }

  async function complete(u: Upload, reply: FastifyReply): Promise<void> {
    try {
      const row = await createMedia(
        ctx,
        u.ownerId,
        { path: fileOf(u.id), size: u.length, name: u.metadata.filename ?? u.metadata.name ?? null, declaredType: u.metadata.filetype },
        async (tx, m) => {
          await tx.update(tusUploads).set({ mediaId: m.id, updatedAt: new Date() }).where(eq(tusUploads.id, u.id));
        },
      );
      reply.header('Media-Id', row.id);
    } catch (err) {
      // Refused (type, size of image, undecodable): the upload is over, nothing is kept.
      await forget(u);
      throw err;
    }
  }

  app.options('/media/tus', { schema: { tags, hide: true } }, async (_req, reply) => reply.code(204).send());
  app.options('/media/tus/:id', { schema: { tags, hide: true } }, async (_req, reply) => reply.code(204).send());

  app.post('/media/tus', { schema: { tags, ...secured, summary: 'tus: create an upload (creation, creation-with-upload)' } }, async (req, reply) => {
    if (req.headers['upload-defer-length'] !== undefined) {
      throw fail('validation.failed', 'Upload-Defer-Length is not supported', [{ path: 'headers.upload-defer-length', message: 'not supported' }]);
    }
    const length = nonNegative('Upload-Length', req.headers['upload-length']);
    if (length > ctx.config.TUS_MAX_BYTES) {
      reply.header('Tus-Max-Size', String(ctx.config.TUS_MAX_BYTES));
      throw fail('media.too_large', `uploads are limited to ${ctx.config.TUS_MAX_BYTES} bytes`);
    }
    if (length === 0) throw fail('media.unsupported_type', 'an empty file is not of a supported type');
    const metadata = parseMetadata(req.headers['upload-metadata'] as string | undefined);
    const id = newId();
    await fsp.writeFile(fileOf(id), '');
    await ctx.db.insert(tusUploads).values({ id, ownerId: req.auth.userId, length, offset: 0, metadata });
    reply.code(201).header('Location', uploadLocation(id));
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && isChunk(req)) await receiveChunk(req, reply, id, req.auth.userId, 0);
    else reply.header('Upload-Offset', '0');
    return reply.send();
  });

  app.head('/media/tus/:id', { schema: { tags, ...secured, params: idParams, summary: 'tus: the offset of an upload' } }, async (req, reply) => {
    const u = await findUpload(req.params.id, req.auth.userId);
    reply
      .header('Cache-Control', 'no-store')
      .header('Upload-Offset', String(u.offset))
      .header('Upload-Length', String(u.length));
    if (Object.keys(u.metadata).length > 0) reply.header('Upload-Metadata', encodeMetadata(u.metadata));
    if (u.mediaId) reply.header('Media-Id', u.mediaId);
    return reply.code(200).send();
  });

  app.patch('/media/tus/:id', { schema: { tags, ...secured, params: idParams, summary: 'tus: append bytes at Upload-Offset' } }, async (req, reply) => {
    if (!isChunk(req)) throw fail('request.unsupported_media_type', `chunks are sent as ${CHUNK_TYPE}`);
    const offset = nonNegative('Upload-Offset', req.headers['upload-offset']);
    await receiveChunk(req, reply, req.params.id, req.auth.userId, offset);
    return reply.code(204).send();
  });

  app.delete('/media/tus/:id', { schema: { tags, ...secured, params: idParams, summary: 'tus: terminate an upload' } }, async (req, reply) => {
    const u = await findUpload(req.params.id, req.auth.userId);
    if (busy.has(u.id)) throw fail('tus.locked', 'the upload is being written; retry');
    await forget(u);
    return reply.code(204).send();
  });

};
