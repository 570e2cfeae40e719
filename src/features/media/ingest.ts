import fsp from 'node:fs/promises';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import { media } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { safeFileName } from './names.js';
import type { MediaRow } from './present.js';
import { decodeLimits, imageVariants } from './process.js';
import { claimStorage } from './quota.js';
import { sniffFile } from './types.js';

export interface ReceivedFile {
  /** A complete local file; it is consumed (moved into storage or deleted) either way. */
  path: string;
  size: number;
  name?: string | null;
  declaredType?: string;
}

/** Storage keys of a media item: spread over 256 folders by the id's random tail. */
export const mediaKeys = (id: string) => {
  const dir = `media/${id.slice(-2)}`;
  return { main: `${dir}/${id}`, thumbnail: `${dir}/${id}.thumb.webp` };
};

/**
 * Turns a received file into a Media: the type is sniffed from the bytes (media.unsupported_type
 * otherwise), images get their display variant and thumbnail (metadata stripped), the bytes go to
 * storage and the row is written last. A failure at any step leaves no object and no row.
 * The stored bytes must fit in the actor's quota (media.quota_exceeded), checked with the insert,
 * unless they were `reserved` when the upload began (tus). `inTransaction` runs with the insert
 * (tus marks its upload complete there).
 */
export async function createMedia(
  ctx: AppContext,
  actorId: string,
  file: ReceivedFile,
  opts: { reserved?: boolean; inTransaction?: (tx: Tx, row: MediaRow) => Promise<void> } = {},
): Promise<MediaRow> {
  const written: string[] = [];
  try {
    const type = await sniffFile(file.path, file.declaredType);
    const id = newId();
    const keys = mediaKeys(id);
    let row: MediaRow;
    const base = { id, ownerId: actorId, kind: type.kind, attachedAt: null, createdAt: new Date() };
    if (type.kind === 'image') {
      const { display, thumbnail } = await imageVariants(file.path, type, decodeLimits(ctx.config));
      written.push(keys.main);
      await ctx.storage.put(keys.main, display.data);
      written.push(keys.thumbnail);
      await ctx.storage.put(keys.thumbnail, thumbnail.data);
      row = {
        ...base,
        mimeType: display.mime,
        size: display.data.length,
        width: display.width,
        height: display.height,
        name: safeFileName(file.name, display.mime),
        storageKey: keys.main,
        thumbnailKey: keys.thumbnail,
        thumbnailSize: thumbnail.data.length,
      };
    } else {
      written.push(keys.main);
      await ctx.storage.putFile(keys.main, file.path);
      row = {
        ...base,
        mimeType: type.mime,
        size: file.size,
        width: null,
        height: null,
        name: safeFileName(file.name, type.mime),
        storageKey: keys.main,
        thumbnailKey: null,
        thumbnailSize: null,
      };
    }
    await ctx.db.transaction(async (tx) => {
      if (!opts.reserved) await claimStorage(tx, ctx.config, actorId, row.size + (row.thumbnailSize ?? 0));
      await tx.insert(media).values(row);
      await opts.inTransaction?.(tx, row);
    });
    return row;
  } catch (err) {
    await Promise.allSettled(written.map((k) => ctx.storage.delete(k)));
    throw err;
  } finally {
    await fsp.rm(file.path, { force: true });
  }
}
