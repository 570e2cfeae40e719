import path from 'node:path';
import type { Config } from '../../config.js';

/**
 * MEDIA_DIR (default DATA_DIR/media): `files/` is the local storage driver's root, `incoming/`
 * holds request bodies (multipart uploads, tus PATCHes) while they arrive, always local to the
 * node receiving them. `tus/` held resumable uploads before their parts moved to Storage; the
 * sweep still removes what is left there.
 */
export function mediaDirs(config: Config) {
  const root = path.resolve(config.MEDIA_DIR ?? path.join(config.dataDir, 'media'));
  return { root, files: path.join(root, 'files'), incoming: path.join(root, 'incoming'), tus: path.join(root, 'tus') };
}
