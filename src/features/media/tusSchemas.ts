import { z } from 'zod';
import { problems, type HeaderDoc, type ResponseDoc } from '../../lib/apiDocs.js';
import type { ErrorCode } from '../../lib/errors.js';
import { idParams } from '../../lib/validation.js';
import { secured } from '../auth/authenticate.js';

/**
 * The tus routes as the OpenAPI document shows them. Their request headers and chunk bodies are
 * documentation only: the handlers read the headers and stream the body themselves (tus.ts).
 */
const tags = ['media'];
const header = (type: HeaderDoc['type'], description: string): HeaderDoc => ({ type, description });
const tusResumable = { 'Tus-Resumable': header('string', 'The protocol version: `1.0.0`.') };
const uploadOffset = { 'Upload-Offset': header('integer', 'How many bytes of the upload the server has.') };
const mediaId = { 'Media-Id': header('string', 'Once the last byte is in: the id of the Media it became (as from POST /media/upload).') };

const requestHeaders = {
  'Tus-Resumable': z.literal('1.0.0').meta({ description: 'Required on every tus request but OPTIONS (else 412).' }),
};
const chunkHeaders = {
  ...requestHeaders,
  'Upload-Offset': z.int().min(0).meta({ description: 'Where these bytes go: the offset HEAD reported (else 409).', example: 0 }),
};
/** A chunk: the bytes from Upload-Offset on. */
const chunkBody = z.file().meta({ description: 'The next bytes of the upload, from Upload-Offset on.' });

/** What a request that sends bytes can give: the chunk refused, the upload busy or gone, or the completed file refused. */
const chunkCodes: ErrorCode[] = [
  'tus.not_found',
  'tus.offset_mismatch',
  'tus.locked',
  'tus.length_exceeded',
  'request.bad',
  'media.too_large',
  'media.unsupported_type',
  'media.invalid',
];
/** Bodies arriving without a body schema (POST): what Fastify refuses before the handler. */
const bodyCodes: ErrorCode[] = ['request.unsupported_media_type', 'request.malformed_json', 'request.too_large', 'request.timeout'];

/** Every tus response says Tus-Resumable; a missing or other version is 412 with the one supported. */
function tusResponses(codes: ErrorCode[], success: Record<number, ResponseDoc>) {
  const all = problems('tus.version_unsupported', ...codes);
  const withOffset = (status: number) => all[status] && { [status]: { ...all[status], headers: uploadOffset } };
  return {
    ...all,
    ...success,
    412: { ...all[412]!, headers: { 'Tus-Version': header('string', 'The versions supported: `1.0.0`.') } },
    // The upload's offset, so the client can resume from there.
    ...withOffset(409),
  };
}

const noContent = (description: string, headers: Record<string, HeaderDoc>): ResponseDoc => ({
  description,
  headers: { ...tusResumable, ...headers },
});

export const tusOptionsSchema = {
  operationId: 'getTusCapabilities',
  summary: 'tus: the protocol versions, extensions and size limit',
  description: 'tus discovery (OPTIONS): which version and extensions this server speaks and the largest upload. Public.',
  tags,
  response: {
    204: noContent('The capabilities, in headers.', {
      'Tus-Version': header('string', '`1.0.0`.'),
      'Tus-Extension': header('string', '`creation,creation-with-upload,termination`.'),
      'Tus-Max-Size': header('integer', 'The largest upload, in bytes (TUS_MAX_BYTES).'),
    }),
  },
};

export const tusCreateSchema = {
  operationId: 'createTusUpload',
  summary: 'tus: create an upload',
  description:
    'Creates a resumable upload of Upload-Length bytes, reserved against the storage quota, at the returned Location. ' +
    'With a body of `application/offset+octet-stream` (creation-with-upload) its first bytes are received too; when they are ' +
    'all of it, Media-Id names the Media it became.',
  tags,
  ...secured,
  headers: z.object({
    ...requestHeaders,
    'Upload-Length': z.int().min(1).meta({ description: 'The size of the whole file, in bytes.', example: 48211 }),
    'Upload-Metadata': z
      .string()
      .optional()
      .meta({ description: 'Comma-separated `key base64value` pairs: `filename`, `filetype`.', example: 'filename cGhvdG8uanBn' }),
  }),
  response: tusResponses(['validation.failed', 'media.quota_exceeded', 'media.too_many_uploads', ...chunkCodes, ...bodyCodes], {
    201: noContent('Created.', {
      Location: header('string', 'The upload’s URL: `/api/v1/media/tus/{id}`.'),
      ...uploadOffset,
      ...mediaId,
    }),
  }),
};

const uploadSchema = { tags, ...secured, params: idParams };

export const tusHeadSchema = {
  ...uploadSchema,
  operationId: 'getTusUploadOffset',
  summary: 'tus: where an upload is',
  description:
    'The offset to resume from (HEAD), once the chunks still arriving on this server are stored. 404: not found, not yours, ' +
    'or terminated.',
  headers: z.object(requestHeaders),
  response: tusResponses(['tus.not_found'], {
    200: noContent('No body: the state, in headers.', {
      ...uploadOffset,
      'Upload-Length': header('integer', 'The size of the whole upload.'),
      'Upload-Metadata': header('string', 'As given at creation.'),
      'Cache-Control': header('string', '`no-store`.'),
      ...mediaId,
    }),
  }),
};

export const tusPatchSchema = {
  ...uploadSchema,
  operationId: 'appendTusChunk',
  summary: 'tus: append bytes at Upload-Offset',
  description:
    'Appends the body at Upload-Offset; what arrives before an interruption is kept (HEAD tells). One request writes to an ' +
    'upload at a time (423: retry). The last byte turns it into a Media, processed as by POST /media/upload.',
  consumes: ['application/offset+octet-stream'],
  headers: z.object(chunkHeaders),
  body: chunkBody,
  response: tusResponses(['validation.failed', 'request.unsupported_media_type', ...chunkCodes], {
    204: noContent('Stored.', { ...uploadOffset, ...mediaId }),
  }),
};

export const tusDeleteSchema = {
  ...uploadSchema,
  operationId: 'terminateTusUpload',
  summary: 'tus: terminate an upload',
  description: 'Ends the upload (termination): its bytes are deleted and its quota reservation freed. 404: not found or not yours.',
  headers: z.object(requestHeaders),
  response: tusResponses(['tus.not_found', 'tus.locked'], { 204: noContent('Terminated.', {}) }),
};

export const tusOverrideSchema = {
  ...uploadSchema,
  operationId: 'overrideTusMethod',
  summary: 'tus: PATCH or DELETE for clients that can only POST',
  description:
    'The PATCH (with its chunk body) or DELETE that X-HTTP-Method-Override names, answered as that request; without ' +
    'one this is no route (404 `route.not_found`).',
  headers: z.object({
    ...requestHeaders,
    'X-HTTP-Method-Override': z.enum(['PATCH', 'DELETE']).meta({ description: 'The method this request stands for.' }),
    'Upload-Offset': chunkHeaders['Upload-Offset'].optional().meta({ description: 'For PATCH: where the bytes go.' }),
  }),
  response: tusResponses(['validation.failed', 'route.not_found', ...chunkCodes, ...bodyCodes], {
    204: noContent('Stored (PATCH) or terminated (DELETE).', { ...uploadOffset, ...mediaId }),
  }),
};
