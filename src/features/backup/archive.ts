import { PassThrough, Readable } from 'node:stream';
import { isNotNull, sql } from 'drizzle-orm';
import yazl from 'yazl';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { media, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { avatarKeyOf } from '../media/avatar.js';
import { BACKUP_DATABASE_ENTRY, BACKUP_MANIFEST_ENTRY, objectEntry, type BackupManifest } from './format.js';

/**
 * A backup of a PGlite deployment taken while it serves (PostgreSQL deployments use pg_dump: docs/operations.md): the
 * database's data folder as one consistent snapshot, then every stored object a row of that snapshot refers to
 * (media, thumbnails, avatars) read through Storage, so it works on S3 too. Objects are streamed one at a time; the
 * snapshot itself is held in memory while it is written (PGlite dumps to a Blob), which bounds this to laptop-sized
 * databases. An object deleted between the snapshot and its turn is left out: its row was deleted after the backup point.
 */
export async function backupArchive(ctx: AppContext): Promise<Readable> {
  if (!ctx.databaseSnapshot) throw fail('backup.use_pg_dump');
  const snapshot = Buffer.from(await (await ctx.databaseSnapshot()).arrayBuffer());
  const keys = await referencedObjects(ctx);
  const manifest: BackupManifest = {
    format: 'parley-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: 'pglite',
    objects: keys.length,
  };
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.outputStream.on('error', (err: Error) => out.destroy(err)).pipe(out);
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), BACKUP_MANIFEST_ENTRY);
  zip.addBuffer(snapshot, BACKUP_DATABASE_ENTRY);
  for (const key of keys) {
    zip.addReadStreamLazy(objectEntry(key), (done) => {
      ctx.storage.get(key).then(
        (stream) => done(null, stream),
        () => done(null, Readable.from([])),
      );
    });
  }
  zip.end();
  return out;
}

/** Every storage key the database refers to, read after the snapshot (so a superset of the snapshot's). */
async function referencedObjects(ctx: AppContext): Promise<string[]> {
  const files = await rows<{ key: string }>(
    ctx.db,
    sql`select ${media.storageKey} as key from ${media}
        union select ${media.thumbnailKey} from ${media} where ${media.thumbnailKey} is not null`,
  );
  const avatars = await ctx.db.select({ url: users.avatarUrl }).from(users).where(isNotNull(users.avatarUrl));
  const keys = new Set(files.map((f) => f.key));
  for (const a of avatars) {
    const key = avatarKeyOf(a.url);
    if (key) keys.add(key);
  }
  return [...keys].sort();
}
