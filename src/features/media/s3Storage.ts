import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Config } from '../../config.js';
import type { ByteRange, Storage } from './storage.js';

export interface S3Options {
  /** An S3-compatible server (MinIO, Ceph, R2, …); unset: AWS for `region`. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** endpoint/bucket/key rather than bucket.endpoint/key. */
  forcePathStyle: boolean;
}

/** The S3 settings of a validated config (config.ts requires the credentials with S3_BUCKET). */
export function s3Options(config: Config): S3Options {
  return {
    endpoint: config.S3_ENDPOINT,
    bucket: config.S3_BUCKET!,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID!,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: config.S3_FORCE_PATH_STYLE ?? config.S3_ENDPOINT !== undefined,
  };
}

/** Multipart part size for streamed puts: memory per put is at most PART_SIZE × QUEUE_SIZE. */
const PART_SIZE = 8 * 1_048_576;
const QUEUE_SIZE = 2;

const status = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
/** No such object (a wrong bucket name is a configuration error, not a missing object). */
const isMissing = (err: unknown) => {
  const name = (err as { name?: string }).name;
  return name !== 'NoSuchBucket' && (name === 'NoSuchKey' || name === 'NotFound' || status(err) === 404);
};

/** A missing object rejects like the local driver's (ENOENT), so callers handle both alike. */
function notFound(key: string, cause: unknown): Error {
  return Object.assign(new Error(`no such object: ${key}`, { cause }), { code: 'ENOENT' });
}

/**
 * `take` bytes of `source` after skipping `skip`: for a server that answered a Range with more
 * than was asked (some S3-compatible servers ignore `bytes=0-0` and send the whole object).
 */
function slice(source: Readable, skip: number, take: number): Readable {
  let left = take;
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      let part = chunk;
      if (skip > 0) {
        const skipped = Math.min(skip, part.length);
        part = part.subarray(skipped);
        skip -= skipped;
      }
      if (left > 0 && part.length > 0) {
        part = part.subarray(0, left);
        left -= part.length;
        this.push(part);
        if (left === 0) this.push(null);
      }
      done();
    },
    flush(done) {
      done(left > 0 ? new Error(`the object ended ${left} bytes before the end of the range`) : null);
    },
  });
  source.on('error', (err) => out.destroy(err));
  // Read what was asked for: stop the download, and finish the writable side too.
  out.on('end', () => {
    source.unpipe(out);
    source.destroy();
    out.end();
  });
  return source.pipe(out);
}

/**
 * Storage in an S3-compatible bucket, shared by every node. Streams are uploaded in parts
 * (lib-storage), so a large file is never held in memory; an object appears only once its
 * upload completes (a failed multipart upload is aborted), which keeps put() whole or nothing.
 */
export class S3Storage implements Storage {
  readonly client: S3Client;
  readonly bucket: string;

  constructor(opts: S3Options) {
    this.bucket = opts.bucket;
    this.client = new S3Client({
      endpoint: opts.endpoint,
      region: opts.region,
      forcePathStyle: opts.forcePathStyle,
      credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
      // Checksums only where S3 requires them: many S3-compatible servers reject the newer
      // default (aws-chunked bodies with CRC trailers). TLS and the signature protect the bytes.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer | Readable): Promise<void> {
    if (Buffer.isBuffer(data)) {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentLength: data.length }));
      return;
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: data },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      // The source failed (or S3 did): stop reading it, leave nothing behind.
      data.destroy();
      throw err;
    }
  }

  async putFile(key: string, localPath: string): Promise<void> {
    const { size } = await fsp.stat(localPath);
    if (size <= PART_SIZE) {
      // One PUT of a known length, streamed from the file.
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: fs.createReadStream(localPath), ContentLength: size }),
      );
    } else {
      await this.put(key, fs.createReadStream(localPath));
    }
    await fsp.rm(localPath, { force: true });
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      const body = res.Body as Readable;
      if (!range) return body;
      const want = range.end - range.start + 1;
      const from = Number(/^bytes (\d+)-/.exec(res.ContentRange ?? '')?.[1] ?? 0);
      if (from === range.start && res.ContentLength === want) return body;
      if (from > range.start) {
        body.destroy();
        throw new Error(`asked for bytes from ${range.start} of ${key}, got them from ${from}`);
      }
      return slice(body, range.start - from, want);
    } catch (err) {
      if (isMissing(err)) throw notFound(key, err);
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: res.ContentLength ?? 0 };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  }
}
