import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { BACKUP_DATABASE_ENTRY, BACKUP_MANIFEST_ENTRY, keyOfEntry, type BackupManifest } from './format.js';

export interface RestoreResult {
  manifest: BackupManifest;
  objects: number;
}

/**
 * Restores a PGlite backup (GET /admin/backup) into `dataDir`, which must not hold a database yet: the snapshot
 * becomes `dataDir/pglite`, the objects `mediaDir/files` (default `dataDir/media`, the local storage driver's layout).
 * Starting Parley on that DATA_DIR then serves the state of the backup point. Everything is written into a staging
 * folder first and moved into place only once the whole archive was read and matched its manifest: a restore that
 * fails (a truncated or crafted archive, a full disk) leaves `dataDir` as it found it.
 */
export async function restoreBackup(file: string, dataDir: string, mediaDir = path.join(dataDir, 'media')): Promise<RestoreResult> {
  const pglite = path.join(dataDir, 'pglite');
  if (fs.existsSync(pglite) && fs.readdirSync(pglite).length > 0)
    throw new Error(`${pglite} already holds a database: restore into a new DATA_DIR`);
  await fsp.mkdir(dataDir, { recursive: true });
  const staging = await fsp.mkdtemp(path.join(dataDir, '.restore-'));
  try {
    const read = await readInto(file, staging);
    await fsp.rm(pglite, { recursive: true, force: true });
    await fsp.rename(path.join(staging, 'pglite'), pglite);
    await moveObjects(path.join(staging, 'files'), path.join(mediaDir, 'files'));
    return read;
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

/** Reads the archive into `staging/pglite` and `staging/files`, checking it against its manifest. */
async function readInto(file: string, staging: string): Promise<RestoreResult> {
  const zip = await open(file);
  try {
    let manifest: BackupManifest | undefined;
    let objects = 0;
    let database = false;
    for await (const entry of entries(zip)) {
      if (entry.fileName === BACKUP_MANIFEST_ENTRY) {
        manifest = checkManifest(JSON.parse((await readAll(zip, entry)).toString('utf8')) as unknown);
      } else if (entry.fileName === BACKUP_DATABASE_ENTRY) {
        if (!manifest) throw new Error('not a Parley backup: the manifest must come first');
        await loadSnapshot(path.join(staging, 'pglite'), await readAll(zip, entry));
        database = true;
      } else {
        const key = keyOfEntry(entry.fileName);
        if (!manifest || key === null) throw new Error(`not a Parley backup: unexpected entry ${entry.fileName}`);
        const target = path.join(staging, 'files', key);
        await fsp.mkdir(path.dirname(target), { recursive: true });
        await pipeline(await readStream(zip, entry), fs.createWriteStream(target));
        objects++;
      }
    }
    if (!manifest) throw new Error('not a Parley backup: no manifest.json');
    if (!database) throw new Error(`not a complete Parley backup: no ${BACKUP_DATABASE_ENTRY}`);
    if (objects !== manifest.objects) throw new Error(`not a complete Parley backup: ${objects} of ${manifest.objects} objects`);
    return { manifest, objects };
  } finally {
    zip.close();
  }
}

/** Moves the restored objects under `to`, folder by folder (an object already there is replaced). */
async function moveObjects(from: string, to: string): Promise<void> {
  if (!fs.existsSync(from)) return;
  for (const entry of await fsp.readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.rename(source, target);
  }
}

function checkManifest(m: unknown): BackupManifest {
  const given = (m ?? {}) as Partial<BackupManifest>;
  const valid =
    given.format === 'parley-backup' &&
    given.version === 1 &&
    given.database === 'pglite' &&
    typeof given.createdAt === 'string' &&
    !Number.isNaN(Date.parse(given.createdAt)) &&
    Number.isSafeInteger(given.objects) &&
    given.objects! >= 0;
  if (!valid) throw new Error(`not a Parley PGlite backup of a version this release reads: ${JSON.stringify(m)}`);
  return given as BackupManifest;
}

async function loadSnapshot(pglite: string, tar: Buffer): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  fs.mkdirSync(pglite, { recursive: true });
  const db = await PGlite.create(pglite, { loadDataDir: new Blob([tar as Uint8Array<ArrayBuffer>]) });
  await db.query('select 1');
  await db.close();
}

const open = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );

async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      zip.once('entry', resolve);
      zip.once('end', () => resolve(null));
      zip.once('error', reject);
      zip.readEntry();
    });
    zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
    if (!entry) return;
    yield entry;
  }
}

const readStream = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));

async function readAll(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await readStream(zip, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
