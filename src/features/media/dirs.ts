import path from 'node:path';
import type { Config } from '../../config.js';

/**
 * MEDIA_DIR (default DATA_DIR/media): `files/` is the local storage driver's root, `incoming/`
 * holds multipart uploads while they arrive, `tus/` the bytes of resumable uploads in progress.
 * The last two are always local to the node that receives the upload.
 */
export function mediaDirs(config: Config) {
  const root = path.resolve(config.MEDIA_DIR ?? path.join(config.dataDir, 'media'));
  return { root, files: path.join(root, 'files'), incoming: path.join(root, 'incoming'), tus: path.join(root, 'tus') };
}
