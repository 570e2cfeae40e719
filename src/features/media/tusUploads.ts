import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../context.js';
import { AppError, fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { mediaDirs } from './dirs.js';
import { IncomingDir, UploadGuard } from './incoming.js';
import { reserveUpload } from './quota.js';
import { completeUpload } from './tusComplete.js';
import { UploadLines, type Place } from './tusLines.js';
import { mismatch, TusStore, type ChunkResult, type TusUpload } from './tusStore.js';

/**
 * How long a request on an upload waits for this node's requests ahead of it to be done with it
 * (a cut PATCH storing what it received is usually done well within it; a live one may take minutes).
 */
export const WRITER_WAIT_MS = 5000;

/** What HEAD reports. */
export type UploadStatus = Pick<TusUpload, 'offset' | 'length' | 'metadata' | 'mediaId'>;

/**
 * Resumable uploads (the state behind the tus routes, which only translate HTTP): creation, the
 * offset, receiving a chunk, completion into a Media, termination. An upload is its creator's
 * only: anyone else's id is tus.not_found.
 *
 * State (length, offset, metadata, parts) is in `tus_uploads`. Each chunk is received into a
 * local temporary file and then stored as its own object `tus/<id>/<offset>-<random>` in
 * Storage, and the row moves `offset` and appends the key only if nobody moved it first; so
 * with shared storage (S3) any node can take the next chunk. The last chunk concatenates the
 * stored parts and its own bytes into one local file, which becomes the Media; then the parts
 * are deleted.
 *
 * The requests of one node that write to an upload take turns (`UploadLines`): a new chunk
 * waits up to WRITER_WAIT_MS for the one before it (else tus.locked), and `status` waits as long
 * for the chunks in progress, so right after a cut connection it reports what that request kept.
 */
export class ResumableUploads {
  private readonly incoming: IncomingDir;
  private readonly store: TusStore;
  private readonly lines = new UploadLines();

  constructor(private readonly ctx: AppContext) {
    this.incoming = new IncomingDir(mediaDirs(ctx.config).incoming);
    this.store = new TusStore(ctx);
  }

  get maxBytes(): number {
    return this.ctx.config.TUS_MAX_BYTES;
  }

  /** An upload may be 1..maxBytes long. */
  assertLength(length: number): void {
    if (length > this.maxBytes) throw fail('media.too_large', `uploads are limited to ${this.maxBytes} bytes`);
    if (length === 0) throw fail('media.unsupported_type', 'an empty file is not of a supported type');
  }

  /** A new upload of `length` bytes, reserved against the owner's quota; its id. */
  async create(ownerId: string, length: number, metadata: Record<string, string>): Promise<string> {
    this.assertLength(length);
    const id = newId();
    await this.ctx.db.transaction(async (tx) => {
      await reserveUpload(tx, this.ctx.config, ownerId, length);
      await this.store.insert({ id, ownerId, length, metadata }, tx);
    });
    return id;
  }

  /**
   * A place in the line of the requests that write to upload `id` on this node, for a request
   * that may write to it, taken as it arrives: `receive` waits its turn there and leaves it.
   */
  arrive(id: string): Place {
    return this.lines.join(id);
  }

  /** Where the upload is, once the chunks this node is receiving for it are stored (waiting at most WRITER_WAIT_MS). */
  async status(id: string, ownerId: string): Promise<UploadStatus> {
    const upload = await this.store.find(id, ownerId);
    if (!this.lines.busy(id)) return upload;
    await this.lines.idle(id, WRITER_WAIT_MS);
    return this.store.find(id, ownerId);
  }

  /** Ends the upload: its row and stored parts are deleted (after the chunk in progress; tus.locked if it takes too long). */
  async terminate(id: string, ownerId: string): Promise<void> {
    const place = this.lines.join(id);
    try {
      const upload = await this.store.find(id, ownerId);
      if (!(await place.turn(WRITER_WAIT_MS))) throw fail('tus.locked', 'the upload is being written; retry');
      await this.store.forget(upload.id);
    } finally {
      place.leave();
    }
  }

  /**
   * Receives `body` at `offset`, which must be where the upload is (else 409 with the upload's
   * offset). Whatever arrived before an interruption is kept (the next HEAD reports it).
   * Completing the upload turns it into a Media. It waits its turn at `place` (taken when the
   * request arrived; one is taken now without it), at most WRITER_WAIT_MS, else tus.locked. The
   * upload is read again in its turn, so a request that waited behind another never works from
   * a stale offset; across nodes, the conditional update of the row decides, and the loser drops
   * its part.
   */
  async receive(id: string, ownerId: string, offset: number, body: Readable, place = this.lines.join(id)): Promise<ChunkResult> {
    const temp = this.incoming.newPath();
    try {
      await this.store.find(id, ownerId);
      if (!(await place.turn(WRITER_WAIT_MS))) throw fail('tus.locked', 'another request is writing to this upload; retry');
      const upload = await this.store.find(id, ownerId);
      const early = await this.refuseEarly(upload, offset, body);
      if (early) return early;
      await this.store.touch(upload.id);
      const { received, failure } = await this.receiveInto(upload, body, temp);
      // The last bytes: they go straight into the Media, never stored as a part.
      const last = !failure && upload.offset + received === upload.length;
      if (last) return await completeUpload(this.ctx, this.store, this.incoming, upload, temp);
      return await this.storePart(upload, temp, received, failure);
    } finally {
      place.leave();
      await fsp.rm(temp, { force: true });
    }
  }

  /** The answer when `body` is not to be received at all: a wrong offset, a finished or a lost upload. */
  private async refuseEarly(upload: TusUpload, offset: number, body: Readable): Promise<ChunkResult | undefined> {
    if (offset !== upload.offset) return mismatch(upload.offset);
    if (upload.mediaId) {
      // Already complete (a retried last chunk): the same answer again.
      body.resume();
      return { offset: upload.offset, mediaId: upload.mediaId };
    }
    if (upload.offset > 0 && upload.parts.length === 0) {
      // Started before uploads in progress moved to storage: its bytes were on one node's disk.
      await this.store.forget(upload.id);
      throw fail('tus.not_found', 'the bytes of this upload are gone; start again');
    }
    return undefined;
  }

  /**
   * Streams `body` into the local file `temp`, at most up to the upload's length: how many bytes
   * it kept, and why it stopped early if it did. A type refused by its first bytes ends the upload.
   */
  private async receiveInto(upload: TusUpload, body: Readable, temp: string): Promise<{ received: number; failure?: unknown }> {
    const guard = new UploadGuard(upload.length, upload.metadata.filetype, upload.offset, () =>
      fail('tus.length_exceeded', `the upload is ${upload.length} bytes long`),
    );
    const file = fs.createWriteStream(temp);
    let failure: unknown;
    try {
      await pipeline(body, guard, file);
    } catch (err) {
      failure = err;
    }
    // A failed pipeline settles before the file is closed, and a write still in flight lands
    // after it: the size read below, and the part stored, must include it.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    if (failure instanceof AppError && failure.code === 'media.unsupported_type') {
      await this.store.forget(upload.id);
      throw failure;
    }
    const size = (await fsp.stat(temp).catch(() => null))?.size ?? 0;
    // The guard stops at the upload's length; never store more than that.
    const received = Math.min(size, upload.length - upload.offset);
    if (size > received) await fsp.truncate(temp, received);
    return failure === undefined ? { received } : { received, failure };
  }

  /** Stores the `received` bytes in `temp` as the upload's next part (if any) and moves its offset. */
  private async storePart(upload: TusUpload, temp: string, received: number, failure: unknown): Promise<ChunkResult> {
    let reached = upload.offset;
    if (received > 0) {
      const key = this.store.partKey(upload.id, upload.offset);
      await this.ctx.storage.putFile(key, temp);
      const moved = await this.store.appendPart(upload, key, received);
      if (moved === null) {
        await this.ctx.storage.delete(key);
        return this.store.settled(upload.id, upload.ownerId);
      }
      reached = moved;
    }
    return failure === undefined ? { offset: reached } : { offset: reached, error: failure };
  }
}
