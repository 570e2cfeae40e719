import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import { paramsAndQueryValidator } from '../../lib/apiDocs.js';
import { authenticate } from '../auth/authenticate.js';
import { rateLimit } from '../limits/rateLimits.js';
import { encodeMetadata, parseMetadata } from './tusMetadata.js';
import type { Place } from './tusLines.js';
import type { ChunkResult } from './tusStore.js';
import { ResumableUploads } from './tusUploads.js';
import { tusCreateSchema, tusDeleteSchema, tusHeadSchema, tusOptionsSchema, tusOverrideSchema, tusPatchSchema } from './tusSchemas.js';
import { asUploadError } from './upload.js';

/**
 * The tus 1.0 resumable upload protocol (https://tus.io/protocols/resumable-upload): core
 * (HEAD, PATCH, OPTIONS) with the creation, creation-with-upload and termination extensions,
 * at /api/v1/media/tus. Every request but OPTIONS needs the bearer token. A POST to an upload
 * with `X-HTTP-Method-Override: PATCH` (or DELETE) is that request, as the core protocol requires
 * (for clients that can only send GET and POST: tus-js-client's overridePatchMethod). These routes only
 * translate HTTP (headers in, status and headers out); the uploads themselves are
 * `ResumableUploads` (tusUploads.ts). When the last byte arrives the file goes through the same
 * checks and processing as POST /media/upload, and that response carries `Media-Id`.
 */
const VERSION = '1.0.0';
const EXTENSIONS = 'creation,creation-with-upload,termination';
const CHUNK_TYPE = 'application/offset+octet-stream';
const uploadLocation = (id: string) => `/api/v1/media/tus/${id}`;

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const nonNegative = (name: string, value: string | string[] | undefined): number => {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || !/^\d{1,16}$/.test(v)) {
    throw fail('validation.failed', `${name} must be a non-negative integer`, [
      { path: `headers.${name.toLowerCase()}`, message: 'a non-negative integer' },
    ]);
  }
  return Number(v);
};

/** The method a request stands for: on an upload, a POST with X-HTTP-Method-Override is that method. */
const methodOf = (req: FastifyRequest): string => {
  const override = req.headers['x-http-method-override'];
  return req.method === 'POST' && typeof override === 'string' ? override.trim().toUpperCase() : req.method;
};

const isChunk = (req: FastifyRequest) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === CHUNK_TYPE;

/** Upload-Offset (and Media-Id once complete) of a request that wrote; then its error, if it failed. */
function report(reply: FastifyReply, result: ChunkResult): void {
  reply.header('Upload-Offset', String(result.offset));
  if (result.mediaId) reply.header('Media-Id', result.mediaId);
  if (result.error !== undefined) throw asUploadError(result.error);
}

/**
 * The handlers of the tus routes, over `uploads`. A chunk's request holds the place in the
 * upload's line it took on arrival (`places`) until its handler is done.
 */
function tusHandlers(uploads: ResumableUploads, places: WeakMap<FastifyRequest, Place>) {
  const handlers = {
    create: async (req: FastifyRequest, reply: FastifyReply) => {
      if (req.headers['upload-defer-length'] !== undefined) {
        throw fail('validation.failed', 'Upload-Defer-Length is not supported', [
          { path: 'headers.upload-defer-length', message: 'not supported' },
        ]);
      }
      const length = nonNegative('Upload-Length', req.headers['upload-length']);
      if (length > uploads.maxBytes) reply.header('Tus-Max-Size', String(uploads.maxBytes));
      uploads.assertLength(length);
      const metadata = parseMetadata(req.headers['upload-metadata'] as string | undefined);
      const id = await uploads.create(req.auth.userId, length, metadata);
      reply.code(201).header('Location', uploadLocation(id));
      const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      if (hasBody && isChunk(req)) report(reply, await uploads.receive(id, req.auth.userId, 0, req.raw));
      else reply.header('Upload-Offset', '0');
      return reply.send();
    },

    head: async (req: IdRequest, reply: FastifyReply) => {
      const state = await uploads.status(req.params.id, req.auth.userId);
      reply.header('Cache-Control', 'no-store').header('Upload-Offset', String(state.offset)).header('Upload-Length', String(state.length));
      if (Object.keys(state.metadata).length > 0) reply.header('Upload-Metadata', encodeMetadata(state.metadata));
      if (state.mediaId) reply.header('Media-Id', state.mediaId);
      return reply.code(200).send();
    },

    patch: async (req: IdRequest, reply: FastifyReply) => {
      const place = places.get(req);
      try {
        if (!isChunk(req)) throw fail('request.unsupported_media_type', `chunks are sent as ${CHUNK_TYPE}`);
        const offset = nonNegative('Upload-Offset', req.headers['upload-offset']);
        report(reply, await uploads.receive(req.params.id, req.auth.userId, offset, req.raw, place));
      } finally {
        place?.leave();
      }
      return reply.code(204).send();
    },

    terminate: async (req: IdRequest, reply: FastifyReply) => {
      await uploads.terminate(req.params.id, req.auth.userId);
      return reply.code(204).send();
    },

    /** POST to an upload: the PATCH or DELETE its X-HTTP-Method-Override names; without one there is no such route. */
    override: async (req: IdRequest, reply: FastifyReply) => {
      const method = methodOf(req);
      if (method === 'PATCH') return handlers.patch(req, reply);
      if (method === 'DELETE') return handlers.terminate(req, reply);
      return reply.callNotFound();
    },
  };
  return handlers;
}

export const tusRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const uploads = new ResumableUploads(ctx);
  const places = new WeakMap<FastifyRequest, Place>();
  const handle = tusHandlers(uploads, places);
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
    // A chunk takes its place in the upload's line before anything else (a HEAD arriving after
    // it waits for it, even while it is still being authenticated); the place is left when its
    // handler is done, or when the request fails before it.
    const id = (req.params as { id?: string }).id;
    if (id !== undefined && methodOf(req) === 'PATCH' && isChunk(req)) places.set(req, uploads.arrive(id));
    await auth(req, reply);
  });
  app.addHook('onError', async (req) => places.get(req)?.leave());
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('Tus-Resumable', VERSION);
    if (req.method === 'OPTIONS') {
      reply.header('Tus-Version', VERSION).header('Tus-Extension', EXTENSIONS).header('Tus-Max-Size', String(ctx.config.TUS_MAX_BYTES));
    }
    return payload;
  });

  // The tus headers and chunk bodies are read by the handlers: their schemas only document them.
  const validatorCompiler = paramsAndQueryValidator;
  app.options('/media/tus', { schema: tusOptionsSchema }, async (_req, reply) => reply.code(204).send());
  app.options('/media/tus/:id', { schema: { tags, hide: true } }, async (_req, reply) => reply.code(204).send());
  app.post('/media/tus', { validatorCompiler, preHandler: rateLimit(ctx, 'uploads'), schema: tusCreateSchema }, handle.create);
  // An explicit HEAD: documented (@fastify/swagger leaves HEAD routes out unless told).
  app.head('/media/tus/:id', { validatorCompiler, config: { swagger: { exposeHeadRoute: true } }, schema: tusHeadSchema }, handle.head);
  app.patch('/media/tus/:id', { validatorCompiler, schema: tusPatchSchema }, handle.patch);
  app.delete('/media/tus/:id', { validatorCompiler, schema: tusDeleteSchema }, handle.terminate);
  app.post('/media/tus/:id', { validatorCompiler, schema: tusOverrideSchema }, handle.override);
};
