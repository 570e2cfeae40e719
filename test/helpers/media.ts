import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { TestServer } from './server.js';

export interface Fetched {
  status: number;
  headers: Headers;
  bytes: Buffer;
  body: any;
}

async function read(res: Response): Promise<Fetched> {
  const bytes = Buffer.from(await res.arrayBuffer());
  let body: any;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(bytes.toString('utf8'));
  return { status: res.status, headers: res.headers, bytes, body };
}

/** POST a multipart form with one file part, the way a browser's FormData does. */
export async function uploadFile(
  server: { url: string },
  token: string | undefined,
  data: Buffer,
  opts: { name?: string; type?: string; field?: string; path?: string } = {},
): Promise<Fetched> {
  const form = new FormData();
  form.append(
    opts.field ?? 'file',
    new Blob([data as Uint8Array<ArrayBuffer>], { type: opts.type ?? 'application/octet-stream' }),
    opts.name ?? 'upload.bin',
  );
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return read(await fetch(`${server.url}/api/v1${opts.path ?? '/media/upload'}`, { method: 'POST', headers, body: form }));
}

/** GET an /api/v1 path (or an absolute /api/v1/... url from the API) with optional token and headers. */
export async function fetchBytes(server: TestServer, url: string, token?: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const full = url.startsWith('/api/') ? `${server.url}${url}` : `${server.url}/api/v1${url}`;
  return read(await fetch(full, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } }));
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A JPEG photo with camera EXIF and GPS, optionally with an EXIF orientation. */
export function photo(width: number, height: number, orientation?: number): Promise<Buffer> {
  let img = sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 90 } } }).jpeg();
  if (orientation) img = img.withMetadata({ orientation });
  return img
    .withExif({
      IFD0: { Make: 'ParleyCam', Model: 'SecretModel-X' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 3/1' },
    })
    .toBuffer();
}

/** Bytes that sniff as an MP4 (an ftyp box) followed by random filler. */
export function mp4Bytes(size: number): Buffer {
  const head = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')]);
  return Buffer.concat([head, crypto.randomBytes(size - head.length)]);
}

/** Bytes that sniff as a PDF. */
export function pdfBytes(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  return Buffer.concat([head, crypto.randomBytes(size - head.length)]);
}

/** A Linux executable header: what a spoofed "image" really is. */
export function elfBytes(size = 4096): Buffer {
  const b = crypto.randomBytes(size);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]).copy(b);
  return b;
}

/** Every file under a folder (recursively), relative paths. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/**
 * A decompression bomb: an interlaced RGBA PNG of one colour. A few hundred KB on the wire, but
 * libvips has to hold all width × height × 4 bytes to decode it (interlacing defeats streaming).
 * Made in a child process, so that making it leaves no memory behind in the test's (the
 * server's) process to blur an RSS measurement.
 */
export function pngBomb(width: number, height: number): Promise<Buffer> {
  const script = `
    const sharp = require('sharp');
    sharp({ create: { width: ${width}, height: ${height}, channels: 4, background: { r: 12, g: 200, b: 90, alpha: 0.5 } } })
      .png({ progressive: true, compressionLevel: 9 })
      .toBuffer()
      .then((b) => process.stdout.write(b.toString('base64')));`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['-e', script], { maxBuffer: 64 * 1_048_576 }, (err, stdout) =>
      err ? reject(new Error('making the PNG bomb failed', { cause: err })) : resolve(Buffer.from(stdout, 'base64')),
    ),
  );
}

/** The tus 1.0 request headers plus the bearer token. */
export const tusHeaders = (token: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'tus-resumable': '1.0.0',
  authorization: `Bearer ${token}`,
  ...extra,
});

/** One tus creation (POST /media/tus) of `length` bytes; with `data`, creation-with-upload sends them at once. */
export function tusCreate(
  server: { url: string },
  token: string,
  length: number,
  data?: Buffer,
  metadata?: Record<string, string>,
): Promise<Response> {
  const meta = Object.entries(metadata ?? {})
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
  const headers = tusHeaders(token, { 'upload-length': String(length), ...(meta ? { 'upload-metadata': meta } : {}) });
  if (data) headers['content-type'] = 'application/offset+octet-stream';
  return fetch(`${server.url}/api/v1/media/tus`, { method: 'POST', headers, body: data as Uint8Array<ArrayBuffer> | undefined });
}
