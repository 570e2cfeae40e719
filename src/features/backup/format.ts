/** The zip a PGlite backup is (src/features/backup/archive.ts) and `npm run admin -- restore` reads. */
export interface BackupManifest {
  format: 'parley-backup';
  version: 1;
  createdAt: string;
  database: 'pglite';
  /** How many stored objects follow under `objects/`. */
  objects: number;
}

export const BACKUP_MANIFEST_ENTRY = 'manifest.json';
/** PGlite's data folder as `dumpDataDir` writes it (a tar), loaded back with `loadDataDir`. */
export const BACKUP_DATABASE_ENTRY = 'database/pglite.tar';
const OBJECTS = 'objects/';

export const objectEntry = (key: string) => `${OBJECTS}${key}`;

/**
 * The storage key of an `objects/` entry, or null for any other name. Keys are what Parley writes (`media/3f/<id>`,
 * `avatars/<id>.webp`): lowercase words, digits, dots and dashes between slashes. Anything else (`..`, an absolute
 * path, a backslash) is refused, so a crafted archive cannot write outside the media folder.
 */
export function keyOfEntry(name: string): string | null {
  if (!name.startsWith(OBJECTS)) return null;
  const key = name.slice(OBJECTS.length);
  const segments = key.split('/');
  const safe = segments.length >= 2 && segments.every((s) => /^[a-z0-9][a-z0-9._-]*$/i.test(s) && !s.includes('..'));
  return safe ? key : null;
}
