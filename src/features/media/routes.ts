import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { setAvatar } from './avatar.js';
import { mediaDirs } from './dirs.js';
import { authenticateRead, readableMedia, sendObject } from './download.js';
import { IncomingDir } from './incoming.js';
import { createMedia } from './ingest.js';
import { contentDisposition } from './names.js';
import { toMedia } from './present.js';
import { avatarParams, avatarResponse, mediaResponse, readQuery } from './schemas.js';
import { tusRoutes } from './tus.js';
import { assertRoomFor } from './quota.js';
import { declaredFileBytes, receiveMultipart } from './upload.js';

const tags = ['media'];
const YEAR = 31_536_000;
const AVATAR_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.webp$/;

export const mediaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const incoming = new IncomingDir(mediaDirs(ctx.config).incoming);
  const max = ctx.config.MEDIA_MAX_BYTES;
  await app.register(multipart);
  await app.register(tusRoutes, { ctx });

  app.post(
    '/media/upload',
    { onRequest: authenticate(ctx), schema: { tags, ...secured, consumes: ['multipart/form-data'], response: { 201: mediaResponse } } },
    async (req, reply) => {
      await assertRoomFor(ctx.db, ctx.config, req.auth.userId, declaredFileBytes(req));
      const file = await receiveMultipart(req, 'file', incoming, max);
      const row = await createMedia(ctx, req.auth.userId, file);
      return reply.code(201).send({ media: toMedia(row) });
    },
  );

  app.get(
    '/media/:id',
    { onRequest: authenticateRead(ctx), schema: { tags, ...secured, params: idParams, querystring: readQuery } },
    async (req, reply) => {
      const m = await readableMedia(ctx.db, req.params.id, req.auth.userId);
      return sendObject(ctx.storage, req, reply, {
        key: m.storageKey,
        size: Number(m.size),
        mimeType: m.mimeType,
        etag: `"${m.id}"`,
        disposition: contentDisposition(m.kind === 'file' ? 'attachment' : 'inline', m.name),
        cacheControl: `private, max-age=${YEAR}, immutable`,
        lastModified: m.createdAt,
      });
    },
  );

  app.get(
    '/media/:id/thumbnail',
    { onRequest: authenticateRead(ctx), schema: { tags, ...secured, params: idParams, querystring: readQuery } },
    async (req, reply) => {
      const m = await readableMedia(ctx.db, req.params.id, req.auth.userId);
      if (!m.thumbnailKey) throw fail('media.not_found', 'this media has no thumbnail');
      return sendObject(ctx.storage, req, reply, {
        key: m.thumbnailKey,
        size: Number(m.thumbnailSize ?? (await ctx.storage.stat(m.thumbnailKey))?.size ?? 0),
        mimeType: 'image/webp',
        etag: `"${m.id}.thumb"`,
        disposition: 'inline',
        cacheControl: `private, max-age=${YEAR}, immutable`,
        lastModified: m.createdAt,
      });
    },
  );

  app.post(
    '/users/me/avatar',
    {
      onRequest: authenticate(ctx),
      schema: { tags: ['users'], ...secured, consumes: ['multipart/form-data'], response: { 200: avatarResponse } },
    },
    async (req) => {
      const file = await receiveMultipart(req, 'avatar', incoming, max);
      return { avatarUrl: await setAvatar(ctx, req.auth.userId, file) };
    },
  );

  // Public: avatars are shown to anyone who sees the user.
  app.get('/avatars/:file', { schema: { tags: ['users'], params: avatarParams } }, async (req, reply) => {
    // Only a real avatar name reaches storage (one of dashes is no storage key: it was a 500).
    if (!AVATAR_FILE.test(req.params.file)) throw fail('media.not_found', 'no such avatar');
    const key = `avatars/${req.params.file}`;
    const found = await ctx.storage.stat(key);
    if (!found) throw fail('media.not_found', 'no such avatar');
    return sendObject(ctx.storage, req, reply, {
      key,
      size: found.size,
      mimeType: 'image/webp',
      etag: `"${req.params.file}"`,
      disposition: 'inline',
      cacheControl: `public, max-age=${YEAR}, immutable`,
    });
  });
};
