import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { json, paramsAndQueryValidator, problems } from '../../lib/apiDocs.js';
import { fail } from '../../lib/errors.js';
import { idParams } from '../../lib/validation.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { rateLimit } from '../limits/rateLimits.js';
import { setAvatar } from './avatar.js';
import { mediaDirs } from './dirs.js';
import { authenticateRead, readableMedia, sendObject } from './download.js';
import { IncomingDir } from './incoming.js';
import { createMedia } from './ingest.js';
import { contentDisposition } from './names.js';
import { toMedia } from './present.js';
import {
  avatarParams,
  avatarResponse,
  avatarUploadBody,
  downloadHeaders,
  downloadResponses,
  mediaResponse,
  mediaTypes,
  mediaUploadBody,
  readQuery,
} from './schemas.js';
import { tusRoutes } from './tus.js';
import { assertRoomFor } from './quota.js';
import { declaredFileBytes, receiveMultipart } from './upload.js';

const tags = ['media'];
const YEAR = 31_536_000;
const AVATAR_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.webp$/;

export const mediaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart);
  await app.register(tusRoutes, { ctx });
  await app.register(uploadRoutes, { ctx });
  await app.register(downloadRoutes, { ctx });
  await app.register(avatarDownloadRoute, { ctx });
  await app.register(describeRoute, { ctx });
};

/** A Media's JSON (what a tus upload's last response only names by `Media-Id`). */
const describeRoute: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/media/:id/info',
    {
      onRequest: authenticate(ctx),
      schema: {
        operationId: 'describeMedia',
        summary: 'Describe a media item',
        description:
          'The Media object (kind, type, size, dimensions, URLs) of a media item the caller may read, as for its download ' +
          '(404: not found or not visible to you). A resumable upload ends with only its id (`Media-Id`): this is its Media.',
        tags,
        ...secured,
        params: idParams,
        response: { 200: json('The Media.', mediaResponse), ...problems('media.not_found') },
      },
    },
    async (req) => ({ media: toMedia(await readableMedia(ctx.db, req.params.id, req.auth.userId)) }),
  );
};

/** The multipart uploads: the handler streams the file, so the body schema only documents it. */
const uploadRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const incoming = new IncomingDir(mediaDirs(ctx.config).incoming);
  const max = ctx.config.MEDIA_MAX_BYTES;
  const upload = { validatorCompiler: paramsAndQueryValidator, onRequest: authenticate(ctx), preHandler: rateLimit(ctx, 'uploads') };
  const refused = ['media.too_large', 'media.unsupported_type', 'media.invalid'] as const;

  app.post(
    '/media/upload',
    {
      ...upload,
      schema: {
        operationId: 'uploadMedia',
        summary: 'Upload a file to attach to messages',
        description:
          'Stores the multipart field `file` as a Media of the caller, to attach to a message by its id (`mediaIds`). Its type is ' +
          'sniffed from its bytes; images are re-encoded without metadata and get a thumbnail. Counts against the storage quota.',
        tags,
        ...secured,
        consumes: ['multipart/form-data'],
        body: mediaUploadBody,
        response: {
          201: json('The stored Media: yours, until attached to a message.', mediaResponse),
          ...problems(...refused, 'media.quota_exceeded'),
        },
      },
    },
    async (req, reply) => {
      await assertRoomFor(ctx.db, ctx.config, req.auth.userId, declaredFileBytes(req));
      const file = await receiveMultipart(req, 'file', incoming, max);
      const row = await createMedia(ctx, req.auth.userId, file);
      return reply.code(201).send({ media: toMedia(row) });
    },
  );

  app.post(
    '/users/me/avatar',
    {
      ...upload,
      schema: {
        operationId: 'uploadAvatar',
        summary: 'Set your avatar',
        description:
          'Makes the image in the multipart field `avatar` the caller’s avatar: a 256 px square WebP without metadata at a new ' +
          'public `avatarUrl` (cacheable forever); the previous one is deleted.',
        tags: ['users'],
        ...secured,
        consumes: ['multipart/form-data'],
        body: avatarUploadBody,
        response: { 200: json('The new avatar.', avatarResponse), ...problems(...refused, 'user.not_found') },
      },
    },
    async (req) => {
      const file = await receiveMultipart(req, 'avatar', incoming, max);
      return { avatarUrl: await setAvatar(ctx, req.auth.userId, file) };
    },
  );
};

const ranges = 'Range (206), If-Range and If-None-Match (304) are honoured.';

/** Downloads of stored objects (`sendObject`): the headers they read are documented, not validated. */
const downloadRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const download = { onRequest: authenticateRead(ctx), validatorCompiler: paramsAndQueryValidator };
  const mediaRead = { tags, ...secured, params: idParams, querystring: readQuery, headers: downloadHeaders };

  app.get(
    '/media/:id',
    {
      ...download,
      schema: {
        ...mediaRead,
        operationId: 'downloadMedia',
        summary: 'Download a media item',
        description:
          'The bytes of a media item the caller may read: their own upload, or one attached to a message in a conversation they ' +
          `are a member of (404: not found or not visible to you). The token may come as \`?token=\` (\`<img src>\`). ${ranges}`,
        response: downloadResponses(mediaTypes, 'media.not_found'),
      },
    },
    async (req, reply) => {
      const item = await readableMedia(ctx.db, req.params.id, req.auth.userId);
      return sendObject(ctx.storage, req, reply, {
        key: item.storageKey,
        size: Number(item.size),
        mimeType: item.mimeType,
        etag: `"${item.id}"`,
        disposition: contentDisposition(item.kind === 'file' ? 'attachment' : 'inline', item.name),
        cacheControl: `private, max-age=${YEAR}, immutable`,
        lastModified: item.createdAt,
      });
    },
  );

  app.get(
    '/media/:id/thumbnail',
    {
      ...download,
      schema: {
        ...mediaRead,
        operationId: 'downloadMediaThumbnail',
        summary: 'Download the thumbnail of an image',
        description:
          'A WebP of at most 320 px of an image the caller may read (as for the media itself); 404 for media that are not ' +
          `images, or not visible to you. ${ranges}`,
        response: downloadResponses(['image/webp'], 'media.not_found'),
      },
    },
    async (req, reply) => {
      const item = await readableMedia(ctx.db, req.params.id, req.auth.userId);
      if (!item.thumbnailKey) throw fail('media.not_found', 'this media has no thumbnail');
      return sendObject(ctx.storage, req, reply, {
        key: item.thumbnailKey,
        size: Number(item.thumbnailSize ?? (await ctx.storage.stat(item.thumbnailKey))?.size ?? 0),
        mimeType: 'image/webp',
        etag: `"${item.id}.thumb"`,
        disposition: 'inline',
        cacheControl: `private, max-age=${YEAR}, immutable`,
        lastModified: item.createdAt,
      });
    },
  );
};

/** Public: avatars are shown to anyone who sees the user. */
const avatarDownloadRoute: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const avatarSchema = {
    operationId: 'downloadAvatar',
    summary: 'Download an avatar',
    description: `A user’s avatar (a 256 px square WebP) at the \`avatarUrl\` of their profile. Public: no token needed. ${ranges}`,
    tags: ['users'],
    params: avatarParams,
    headers: downloadHeaders,
    response: downloadResponses(['image/webp'], 'media.not_found'),
  };
  app.get('/avatars/:file', { validatorCompiler: paramsAndQueryValidator, schema: avatarSchema }, async (req, reply) => {
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
