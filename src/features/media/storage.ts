import type { Readable } from 'node:stream';

/** An inclusive byte range, as in HTTP Range. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where media bytes live. Keys are relative paths like `media/3f/<id>`. The local-directory
 * driver is the default; `s3Storage.ts` (S3_BUCKET) keeps them in a bucket every node shares.
 * Objects are written once and never changed, so readers may cache them forever.
 */
export interface Storage {
  /** Stores bytes under `key`, whole or not at all (a failed write leaves nothing readable). */
  put(key: string, data: Buffer | Readable): Promise<void>;
  /** Moves a finished local file (an upload received on this node) into storage; the file is consumed. */
  putFile(key: string, localPath: string): Promise<void>;
  /** A stream of the object, or of `range` of it; a missing object rejects with `code: 'ENOENT'`. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Its size, or null when there is no such object. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
}
