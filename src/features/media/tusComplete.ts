import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import type { IncomingDir } from './incoming.js';
import { createMedia } from './ingest.js';
import type { ChunkResult, TusStore, TusUpload } from './tusStore.js';

/** The stored parts, then `tail` (this request's bytes), concatenated into one local file. */
async function assemble(ctx: AppContext, incoming: IncomingDir, parts: string[], tail: string): Promise<string> {
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

/** The whole file of the upload (its parts and `tail`), or null when a part is missing. */
async function wholeFile(ctx: AppContext, incoming: IncomingDir, upload: TusUpload, tail: string): Promise<string | null> {
  let file: string;
  try {
    file = await assemble(ctx, incoming, upload.parts, tail);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return null;
  }
  if ((await fsp.stat(file)).size === upload.length) return file;
  if (file !== tail) await fsp.rm(file, { force: true });
  return null;
}

/**
 * The last bytes of the upload arrived (in the local file `tail`): the stored parts and `tail`
 * become one Media, with the same checks and processing as POST /media/upload, and the upload
 * is marked complete in the Media's transaction. A refused file ends the upload (nothing is
 * kept); so does a missing part (tus.not_found: start again).
 */
export async function completeUpload(
  ctx: AppContext,
  store: TusStore,
  incoming: IncomingDir,
  upload: TusUpload,
  tail: string,
): Promise<ChunkResult> {
  const file = await wholeFile(ctx, incoming, upload, tail);
  if (!file) {
    // A part is missing (deleted by hand, or storage lost it): the upload cannot be finished.
    ctx.log.warn({ upload: upload.id }, 'the stored parts of a tus upload are missing');
    await store.forget(upload.id);
    throw fail('tus.not_found', 'the bytes of this upload are gone; start again');
  }
  let lost = false;
  let mediaId: string;
  try {
    const row = await createMedia(
      ctx,
      upload.ownerId,
      {
        path: file,
        size: upload.length,
        name: upload.metadata.filename ?? upload.metadata.name ?? null,
        declaredType: upload.metadata.filetype,
      },
      {
        // Its whole length was reserved against the quota at creation; this swaps it for the stored size.
        reserved: true,
        inTransaction: async (tx, m) => {
          if (!(await store.markComplete(tx, upload, m.id))) {
            lost = true;
            throw fail('tus.offset_mismatch');
          }
        },
      },
    );
    mediaId = row.id;
  } catch (err) {
    // Another request finished or moved it first (its Media is the one), or it was terminated.
    if (lost) return store.settled(upload.id, upload.ownerId);
    // Refused (type, size of image, undecodable): the upload is over, nothing is kept.
    await store.forget(upload.id);
    throw err;
  }
  await store.deleteParts(upload.parts);
  return { offset: upload.length, mediaId };
}
