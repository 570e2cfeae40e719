import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import { tusUploads } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';

/** One resumable upload: its row in `tus_uploads`. */
export type TusUpload = typeof tusUploads.$inferSelect;

/**
 * Where an upload stands after a request that wrote to it: the offset to report (Upload-Offset),
 * its Media once complete, and, when the request failed after the upload was found, why (the
 * offset is reported with the error).
 */
export interface ChunkResult {
  offset: number;
  mediaId?: string;
  error?: unknown;
}

/** The upload is not where the request said it was: report where it is. */
export const mismatch = (offset: number): ChunkResult => ({
  offset,
  error: fail('tus.offset_mismatch', `the upload is at offset ${offset}`),
});

/**
 * The rows of resumable uploads and the parts they list in Storage. Every change of offset is
 * conditional on the offset it started from (and on the upload not being complete), so of two
 * requests racing on two nodes exactly one moves it.
 */
export class TusStore {
  constructor(private readonly ctx: AppContext) {}

  /** The upload, if it is `ownerId`'s; tus.not_found otherwise. */
  async find(id: string, ownerId: string): Promise<TusUpload> {
    const [upload] = await this.ctx.db
      .select()
      .from(tusUploads)
      .where(and(eq(tusUploads.id, id), eq(tusUploads.ownerId, ownerId)));
    if (!upload) throw fail('tus.not_found');
    return upload;
  }

  async insert(row: Pick<TusUpload, 'id' | 'ownerId' | 'length' | 'metadata'>, tx: Tx): Promise<void> {
    await tx.insert(tusUploads).values({ ...row, offset: 0 });
  }

  async touch(id: string): Promise<void> {
    await this.ctx.db.update(tusUploads).set({ updatedAt: new Date() }).where(eq(tusUploads.id, id));
  }

  /** Deletes the upload's row, then the parts it listed. */
  async forget(id: string): Promise<void> {
    const [gone] = await this.ctx.db.delete(tusUploads).where(eq(tusUploads.id, id)).returning({ parts: tusUploads.parts });
    if (gone) await this.deleteParts(gone.parts);
  }

  async deleteParts(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.ctx.storage.delete(key).catch((err) => this.ctx.log.warn({ err, key }, 'could not delete a tus part'));
    }
  }

  /** A new key for the part of upload `id` that starts at `offset`. */
  partKey(id: string, offset: number): string {
    return `tus/${id}/${offset}-${crypto.randomBytes(4).toString('hex')}`;
  }

  /** Appends part `key` of `bytes` bytes at the upload's offset; the new offset, or null if the upload moved or finished first. */
  async appendPart(upload: TusUpload, key: string, bytes: number): Promise<number | null> {
    const [moved] = await this.ctx.db
      .update(tusUploads)
      .set({ offset: upload.offset + bytes, parts: sql`${tusUploads.parts} || ${JSON.stringify([key])}::jsonb`, updatedAt: new Date() })
      .where(and(eq(tusUploads.id, upload.id), eq(tusUploads.offset, upload.offset), isNull(tusUploads.mediaId)))
      .returning({ offset: tusUploads.offset });
    return moved?.offset ?? null;
  }

  /** In the transaction that inserts Media `mediaId`: marks the upload complete; false if it moved or finished first. */
  async markComplete(tx: Tx, upload: TusUpload, mediaId: string): Promise<boolean> {
    const [done] = await tx
      .update(tusUploads)
      .set({ offset: upload.length, parts: [], mediaId, updatedAt: new Date() })
      .where(and(eq(tusUploads.id, upload.id), eq(tusUploads.offset, upload.offset), isNull(tusUploads.mediaId)))
      .returning({ id: tusUploads.id });
    return done !== undefined;
  }

  /**
   * Another request (possibly on another node) moved the upload first: where it is now, as
   * 409, or the finished upload's answer (tus.not_found if it is gone).
   */
  async settled(id: string, ownerId: string): Promise<ChunkResult> {
    const now = await this.find(id, ownerId);
    return now.mediaId ? { offset: now.offset, mediaId: now.mediaId } : mismatch(now.offset);
  }
}
