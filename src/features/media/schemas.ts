import { mediaSchema } from '@parley/protocol';
import { z } from 'zod';
import { problems, type HeaderDoc, type ResponseDoc } from '../../lib/apiDocs.js';
import type { ErrorCode } from '../../lib/errors.js';

export { mediaSchema };

export const mediaResponse = z.object({ media: mediaSchema });
export const avatarResponse = z.object({
  avatarUrl: z
    .string()
    .meta({ description: 'Public: no token needed.', example: '/api/v1/avatars/0190f3a2-7c1e-7d4b-9a51-3f0c2e8b6d14.webp' }),
});
/** `token`: the access token, for clients that cannot send a header (`<img src>`). */
export const readQuery = z.object({
  token: z.string().max(4096).optional().meta({ description: 'The access token, when no Authorization header can be sent (`<img src>`).' }),
});
export const avatarParams = z.object({ file: z.string().regex(/^[0-9a-f-]{36}\.webp$/, 'not an avatar file name') });

/** The multipart bodies: documentation only (the handler streams the file, `receiveMultipart`). */
export const mediaUploadBody = z.object({
  file: z.file().meta({
    description: 'An image, video, audio file or document of a supported type (sniffed from its bytes), at most MEDIA_MAX_BYTES.',
  }),
});
export const avatarUploadBody = z.object({
  avatar: z.file().meta({ description: 'A JPEG, PNG, WebP, GIF or AVIF image; it becomes a 256 px square WebP.' }),
});

/** The request headers a download reads (`sendObject`): documentation only. */
export const downloadHeaders = z.object({
  Range: z.string().optional().meta({
    description: 'One byte range: 206 with that part (a malformed or multiple range: the whole object).',
    example: 'bytes=0-1023',
  }),
  'If-Range': z.string().optional().meta({ description: 'An ETag: the Range applies only while the object has it.' }),
  'If-None-Match': z.string().optional().meta({ description: 'ETags the client holds: 304 when one is this object’s.' }),
});

const header = (type: HeaderDoc['type'], description: string): HeaderDoc => ({ type, description });
const objectHeaders = {
  ETag: header('string', 'Fixed per object: stored objects never change.'),
  'Cache-Control': header('string', 'Immutable: `private` for media, `public` for avatars.'),
  'Accept-Ranges': header('string', '`bytes`.'),
  'Content-Disposition': header('string', '`inline`, or `attachment` with the file name for documents.'),
  'Last-Modified': header('string', 'When it was uploaded (media and thumbnails).'),
};
const binary = (description: string) => ({ schema: z.file().meta({ description }) });

/**
 * The responses of a download of a stored object (`sendObject`): the bytes (200), a part (206),
 * 304 for a matching If-None-Match, 416 for a range beyond the end, and 404 for `notFound`.
 */
export function downloadResponses(types: string[], notFound: ErrorCode) {
  const content = Object.fromEntries(types.map((t) => [t, binary('The bytes, of the type stored.')]));
  const range = header('string', 'Which bytes of how many: `bytes 0-1023/48211`.');
  return {
    200: { description: 'The whole object.', headers: { ...objectHeaders, 'Content-Length': header('integer', 'Its size.') }, content },
    206: { description: 'The range asked for.', headers: { ...objectHeaders, 'Content-Range': range }, content },
    304: { description: 'Not modified: If-None-Match names its ETag.', headers: objectHeaders },
    ...problems(notFound),
    416: { ...problems('media.range_not_satisfiable')[416]!, headers: { 'Content-Range': header('string', '`bytes */<size>`.') } },
  } satisfies Record<number, ResponseDoc>;
}

/** The types a media item is served as: those `allowed` in types.ts (images as JPEG, PNG, GIF or WebP; Media.mimeType says which). */
export const mediaTypes = ['image/*', 'video/*', 'audio/*', 'application/*'];
