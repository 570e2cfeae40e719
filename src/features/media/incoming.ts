import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fail } from '../../lib/errors.js';
import { refuseEarly } from './types.js';

/** How many bytes the early type check looks at (what file-type reads for most formats). */
const HEAD_BYTES = 4100;

/**
 * Counts the bytes passing through, refuses more than `maxBytes` (media.too_large) and, once
 * the first bytes are in, refuses a recognisably unsupported type (media.unsupported_type)
 * before the rest is read.
 */
export class UploadGuard extends Transform {
  bytes = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private checked = false;

  constructor(
    private readonly maxBytes: number,
    private readonly declaredType?: string,
    startAt = 0,
    private readonly tooMuch: () => Error = () => fail('media.too_large', `the file is larger than ${maxBytes} bytes`),
  ) {
    super();
    this.bytes = startAt;
    // A resumed upload was checked when its first bytes arrived.
    this.checked = startAt > 0;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(this.tooMuch());
    if (this.checked) return done(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < HEAD_BYTES) return done();
    this.check(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.checked) return done();
    this.check(done);
  }

  private check(done: TransformCallback): void {
    this.checked = true;
    const held = Buffer.concat(this.head);
    this.head = [];
    refuseEarly(held.subarray(0, HEAD_BYTES), this.declaredType).then(
      () => done(null, held),
      (err: Error) => done(err),
    );
  }
}

/** The folder uploads are written to while they arrive (MEDIA_DIR/incoming). */
export class IncomingDir {
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  newPath(): string {
    return path.join(this.dir, `${Date.now()}-${crypto.randomBytes(8).toString('hex')}`);
  }

  /** Deletes files left by a crash mid-upload. */
  async sweep(olderThanMs: number): Promise<void> {
    const cutoff = Date.now() - olderThanMs;
    for (const name of await fsp.readdir(this.dir).catch(() => [] as string[])) {
      const file = path.join(this.dir, name);
      const stats = await fsp.stat(file).catch(() => null);
      if (stats && stats.mtimeMs < cutoff) await fsp.rm(file, { force: true });
    }
  }
}

/**
 * Streams an upload into `file` through an UploadGuard; returns its size. On any failure the
 * file is removed, so a refused upload leaves nothing behind.
 */
export async function receiveToFile(source: Readable, file: string, opts: { maxBytes: number; declaredType?: string }): Promise<number> {
  const guard = new UploadGuard(opts.maxBytes, opts.declaredType);
  try {
    await pipeline(source, guard, fs.createWriteStream(file));
    return guard.bytes;
  } catch (err) {
    await fsp.rm(file, { force: true });
    throw err;
  }
}
