import fsp from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { mediaDirs } from './dirs.js';
import { IncomingDir } from './incoming.js';

const BATCH = 500;

/** The stored objects of media rows already deleted (the retention purge uses it too). */
export interface GoneMedia {
  storage_key: string;
  thumbnail_key: string | null;
}

/** Deletes the objects of media whose rows are gone; a failure is logged (the row is gone, nothing serves it). */
export async function deleteMediaObjects(ctx: Pick<AppContext, 'storage' | 'log'>, gone: readonly GoneMedia[]): Promise<void> {
  for (const g of gone) {
    for (const key of [g.storage_key, g.thumbnail_key]) {
      if (key) await ctx.storage.delete(key).catch((err) => ctx.log.warn({ err, key }, 'could not delete a media object'));
    }
  }
}

/**
 * Deletes uploads that no message took within MEDIA_ORPHAN_HOURS (rows first, then their
 * objects), resumable uploads untouched for as long (with their stored parts), and temporary
 * files a crash left behind.
 * A message claiming an upload locks and marks it (`attached_at`), so a sweep racing it either
 * deletes it first (the send then fails with message.media_invalid) or finds it attached.
 */
export async function sweepOrphanMedia(ctx: AppContext): Promise<{ media: number; uploads: number }> {
  const maxAgeMs = ctx.config.MEDIA_ORPHAN_HOURS * 3_600_000;
  const cutoff = new Date(Date.now() - maxAgeMs);
  let deleted = 0;
  for (;;) {
    const gone = await rows<GoneMedia>(
      ctx.db,
      sql`delete from media
          where id in (select id from media where attached_at is null and created_at < ${cutoff} order by created_at limit ${BATCH})
            and attached_at is null
          returning storage_key, thumbnail_key`,
    );
    await deleteMediaObjects(ctx, gone);
    deleted += gone.length;
    if (gone.length < BATCH) break;
  }

  const dirs = mediaDirs(ctx.config);
  const stale = await rows<{ id: string; parts: string[] }>(
    ctx.db,
    sql`delete from tus_uploads where updated_at < ${cutoff} returning id, parts`,
  );
  for (const u of stale) {
    for (const key of u.parts) await ctx.storage.delete(key).catch((err) => ctx.log.warn({ err, key }, 'could not delete a tus part'));
    // Bytes of an upload started before uploads in progress moved to storage.
    await fsp.rm(path.join(dirs.tus, u.id), { force: true });
  }
  await new IncomingDir(dirs.incoming).sweep(Math.max(maxAgeMs, 60_000));
  return { media: deleted, uploads: stale.length };
}
