import type { FastifyRequest } from 'fastify';
import { AppError, fail } from '../../lib/errors.js';
import type { IncomingDir } from './incoming.js';
import { receiveToFile } from './incoming.js';
import type { ReceivedFile } from './ingest.js';

/** Room for the multipart framing and a few small fields around the file. */
const FRAMING_BYTES = 64 * 1024;

/** At least how large the file of a multipart request is, by its Content-Length (1 when it has none). */
export function declaredFileBytes(req: FastifyRequest): number {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) ? Math.max(1, declared - FRAMING_BYTES) : 1;
}

const required = (field: string) =>
  fail('validation.failed', `multipart field "${field}" is required`, [{ path: field, message: 'required: the file' }]);

/**
 * Streams the file of a multipart request (its field `field`) into a local temporary file,
 * without holding it in memory: media.too_large past `maxBytes` (at once when Content-Length
 * already says so), media.unsupported_type as soon as the first bytes show a refused type.
 */
export async function receiveMultipart(req: FastifyRequest, field: string, incoming: IncomingDir, maxBytes: number): Promise<ReceivedFile> {
  if (!req.isMultipart()) throw fail('request.unsupported_media_type', 'expected multipart/form-data');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + FRAMING_BYTES) {
    throw fail('media.too_large', `the file is larger than ${maxBytes} bytes`);
  }
  const path = incoming.newPath();
  try {
    // One more byte than allowed, so the guard (not busboy's silent truncation) sees the excess.
    const part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 12, fieldSize: 4096 } });
    if (!part) throw required(field);
    if (part.fieldname !== field) {
      part.file.resume();
      throw required(field);
    }
    const size = await receiveToFile(part.file, path, { maxBytes, declaredType: part.mimetype });
    return { path, size, name: part.filename || null, declaredType: part.mimetype };
  } catch (err) {
    throw asUploadError(err);
  }
}

/** Malformed multipart bodies and dropped connections are the client's doing: 4xx, never 500. */
export function asUploadError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const failure = err as { code?: string; statusCode?: number; message?: string };
  if (failure.code === 'FST_REQ_FILE_TOO_LARGE') return fail('media.too_large');
  if (failure.statusCode === 413) return fail('request.too_large', failure.message);
  if (failure.code === 'ERR_STREAM_PREMATURE_CLOSE' || failure.code === 'ECONNRESET' || failure.message === 'aborted') {
    return fail('request.bad', 'the upload was interrupted');
  }
  // The server's own file system (ENOSPC, EACCES…): a real 500.
  if (typeof failure.code === 'string' && /^E[A-Z]+$/.test(failure.code)) return err;
  if ((failure.statusCode && failure.statusCode < 500) || /multipart|boundary|form|part/i.test(failure.message ?? '')) {
    return fail('request.bad', 'malformed multipart body');
  }
  return err;
}
