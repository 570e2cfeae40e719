import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import S3rver from 's3rver';
import sharp from 'sharp';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { LocalStorage } from '../src/features/media/localStorage.js';
import { S3Storage, s3Options } from '../src/features/media/s3Storage.js';
import type { Storage } from '../src/features/media/storage.js';
import { fetchBytes, filesUnder, mp4Bytes, photo, sha256, uploadFile } from './helpers/media.js';
import { TestServer, type TestUser } from './helpers/server.js';

const BUCKET = 'parley-media';
let s3: S3rver;
let s3Dir: string;
let s3Env: Record<string, string>;
let storage: S3Storage;

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-s3rver-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3.run();
  s3Env = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: BUCKET,
    // s3rver's fixed credentials.
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  storage = new S3Storage(s3Options(loadConfig(s3Env)));
});
afterAll(async () => {
  storage?.client.destroy();
  await s3?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

/** Keys in the bucket under `prefix`. */
async function keysUnder(prefix: string): Promise<string[]> {
  const res = await storage.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!).sort();
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

const waitFor = async (what: string, ok: () => Promise<boolean>, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

describe('configuration', () => {
  it('chooses S3 with S3_BUCKET, and refuses a bucket without credentials or S3 settings without a bucket, naming them', () => {
    const c = loadConfig({ ...s3Env, S3_REGION: 'eu-west-3' });
    expect(s3Options(c)).toMatchObject({ bucket: BUCKET, region: 'eu-west-3', forcePathStyle: true });
    expect(s3Options(loadConfig({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }))).toMatchObject({
      endpoint: undefined,
      region: 'us-east-1',
      forcePathStyle: false,
    });
    expect(s3Options(loadConfig({ ...s3Env, S3_FORCE_PATH_STYLE: 'false' })).forcePathStyle).toBe(false);

    const noKeys = () => loadConfig({ S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 's' });
    expect(noKeys).toThrow(ConfigError);
    expect(noKeys).toThrow(/S3_BUCKET: .*S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'k' })).toThrow(
      /S3_BUCKET: is required when S3_ENDPOINT, S3_ACCESS_KEY_ID are set/,
    );
    expect(() => loadConfig({ ...s3Env, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
  });
});

describe('the S3 driver', () => {
  it('stores, stats, reads whole and in ranges, and deletes idempotently', async () => {
    const data = crypto.randomBytes(10_000);
    await storage.put('media/aa/one', data);
    expect(await storage.stat('media/aa/one')).toEqual({ size: 10_000 });
    expect(sha256(await readAll(await storage.get('media/aa/one')))).toBe(sha256(data));
    expect((await readAll(await storage.get('media/aa/one', { start: 100, end: 199 }))).equals(data.subarray(100, 200))).toBe(true);
    await storage.delete('media/aa/one');
    await storage.delete('media/aa/one');
    expect(await storage.stat('media/aa/one')).toBeNull();
    await expect(storage.get('media/aa/one')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('streams a file larger than one part as a multipart upload and consumes the local file', async () => {
    const file = path.join(s3Dir, '..', `parley-big-${crypto.randomBytes(4).toString('hex')}`);
    const data = crypto.randomBytes(19 * 1_048_576 + 123);
    fs.writeFileSync(file, data);
    await storage.putFile('media/bb/big', file);
    expect(fs.existsSync(file)).toBe(false);
    expect(await storage.stat('media/bb/big')).toEqual({ size: data.length });
    expect(sha256(await readAll(await storage.get('media/bb/big')))).toBe(sha256(data));
    const tail = await readAll(await storage.get('media/bb/big', { start: data.length - 1000, end: data.length - 1 }));
    expect(tail.equals(data.subarray(-1000))).toBe(true);
    // s3rver answers bytes=0-0 with the whole object: the driver still returns one byte.
    expect((await readAll(await storage.get('media/bb/big', { start: 0, end: 0 }))).equals(data.subarray(0, 1))).toBe(true);
    await storage.delete('media/bb/big');
  });

  it('stores nothing when the source stream fails', async () => {
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent++ < 3) this.push(crypto.randomBytes(4 * 1_048_576));
        else this.destroy(new Error('source broke'));
      },
    });
    await expect(storage.put('media/cc/broken', failing)).rejects.toThrow();
    expect(await storage.stat('media/cc/broken')).toBeNull();
  });

  it('returns exactly the requested bytes for any range, like the local driver (property)', async () => {
    const data = crypto.randomBytes(4099);
    const local = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-local-')));
    const drivers: Storage[] = [storage, local];
    for (const d of drivers) await d.put('media/dd/ranges', data);
    await fc.assert(
      fc.asyncProperty(fc.nat(data.length - 1), fc.nat(data.length - 1), async (a, b) => {
        const range = { start: Math.min(a, b), end: Math.max(a, b) };
        const expected = data.subarray(range.start, range.end + 1);
        for (const d of drivers) expect((await readAll(await d.get('media/dd/ranges', range))).equals(expected)).toBe(true);
      }),
      {
        numRuns: 60,
        examples: [
          [0, 0],
          [0, data.length - 1],
          [data.length - 1, data.length - 1],
        ],
      },
    );
    await storage.delete('media/dd/ranges');
    fs.rmSync(local.root, { recursive: true, force: true });
  });
});

describe('a server with S3 storage', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    server = await TestServer.start({ ...s3Env, TUS_MAX_BYTES: String(16 * 1_048_576) });
    [alice, bob] = await Promise.all([server.register('Alice Bucket'), server.register('Bob Bucket')]);
  });
  afterAll(() => server?.close());

  const localFiles = () => filesUnder(path.join(server.dataDir, 'media', 'files'));

  it('uploads an image into the bucket and serves it whole, in ranges and as a thumbnail', async () => {
    const up = await uploadFile(server, alice.token, await photo(2000, 1500), { name: 'bucket.jpg', type: 'image/jpeg' });
    expect(up.status).toBe(201);
    const m = up.body.media;
    expect(m).toMatchObject({ kind: 'image', width: 1600, height: 1200 });
    expect(await keysUnder(`media/${m.id.slice(-2)}/${m.id}`)).toEqual([
      `media/${m.id.slice(-2)}/${m.id}`,
      `media/${m.id.slice(-2)}/${m.id}.thumb.webp`,
    ]);
    expect(localFiles()).toEqual([]);

    const whole = await fetchBytes(server, m.url, alice.token);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('image/jpeg');
    expect(whole.bytes.length).toBe(m.size);
    expect(sha256(whole.bytes)).toBe(sha256(await readAll(await storage.get(`media/${m.id.slice(-2)}/${m.id}`))));

    const part = await fetchBytes(server, m.url, alice.token, { range: 'bytes=100-1099' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${m.size}`);
    expect(part.bytes.equals(whole.bytes.subarray(100, 1100))).toBe(true);
    const suffix = await fetchBytes(server, m.url, alice.token, { range: 'bytes=-500' });
    expect(suffix.status).toBe(206);
    expect(suffix.bytes.equals(whole.bytes.subarray(-500))).toBe(true);
    const open = await fetchBytes(server, m.url, alice.token, { range: `bytes=${m.size - 10}-` });
    expect(open.bytes.equals(whole.bytes.subarray(-10))).toBe(true);
    expect((await fetchBytes(server, m.url, alice.token, { range: `bytes=${m.size}-` })).status).toBe(416);

    const thumb = await fetchBytes(server, m.thumbnailUrl, alice.token);
    expect(thumb.status).toBe(200);
    const tm = await sharp(thumb.bytes).metadata();
    expect([tm.format, tm.width, tm.height]).toEqual(['webp', 320, 240]);
    expect((await fetchBytes(server, m.url, bob.token)).status).toBe(404);
  });

  it('answers 404, not 500, when the object is gone from the bucket', async () => {
    const m = (await uploadFile(server, alice.token, mp4Bytes(20_000), { name: 'lost.mp4' })).body.media;
    await storage.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `media/${m.id.slice(-2)}/${m.id}` }));
    const res = await fetchBytes(server, m.url, alice.token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('media.not_found');
  });

  it('keeps avatars in the bucket, serves them publicly and deletes the previous one', async () => {
    const first = await uploadFile(server, alice.token, await photo(600, 400), {
      path: '/users/me/avatar',
      field: 'avatar',
      type: 'image/jpeg',
    });
    expect(first.status).toBe(200);
    const url1: string = first.body.avatarUrl;
    const key1 = `avatars/${url1.split('/').pop()}`;
    expect(await storage.stat(key1)).not.toBeNull();
    const got = await fetch(`${server.url}${url1}`);
    expect(got.status).toBe(200);
    const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);

    const second = await uploadFile(server, alice.token, await photo(300, 300), {
      path: '/users/me/avatar',
      field: 'avatar',
      type: 'image/jpeg',
    });
    expect(second.status).toBe(200);
    expect(await storage.stat(`avatars/${(second.body.avatarUrl as string).split('/').pop()}`)).not.toBeNull();
    expect(await storage.stat(key1)).toBeNull();
    expect((await fetch(`${server.url}${url1}`)).status).toBe(404);
    expect(localFiles()).toEqual([]);
  });

  it('keeps a tus upload in progress in the bucket, one object per PATCH, and removes the parts when it completes', async () => {
    const source = mp4Bytes(2 * 1_048_576 + 777);
    const created = await tusRequest(server, '/media/tus', 'POST', alice.token, {
      'upload-length': String(source.length),
      'upload-metadata': `filename ${Buffer.from('tus.mp4').toString('base64')}`,
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const id = location.split('/').pop()!;
    const chunk = 1_048_576;
    expect((await tusPatch(server, location, alice.token, 0, source.subarray(0, chunk))).status).toBe(204);
    expect((await tusPatch(server, location, alice.token, chunk, source.subarray(chunk, 2 * chunk))).status).toBe(204);
    expect(await keysUnder(`tus/${id}/`)).toHaveLength(2);
    expect(filesUnder(path.join(server.dataDir, 'media', 'incoming'))).toEqual([]);

    const last = await tusPatch(server, location, alice.token, 2 * chunk, source.subarray(2 * chunk));
    expect(last.status).toBe(204);
    expect(last.headers.get('upload-offset')).toBe(String(source.length));
    const mediaId = last.headers.get('media-id')!;
    expect(await keysUnder(`tus/${id}/`)).toEqual([]);
    const download = await fetchBytes(server, `/media/${mediaId}`, alice.token);
    expect(download.status).toBe(200);
    expect(sha256(download.bytes)).toBe(sha256(source));
  });

  it('works with a standard tus client, chunked, on S3', async () => {
    const source = mp4Bytes(900_000);
    const mediaId = await new Promise<string>((resolve, reject) => {
      const upload = new tus.Upload(source, {
        endpoint: `${server.url}/api/v1/media/tus`,
        chunkSize: 256 * 1024,
        retryDelays: [100, 300],
        headers: { Authorization: `Bearer ${alice.token}` },
        metadata: { filename: 'client.mp4', filetype: 'video/mp4' },
        onError: reject,
        onSuccess: (payload) => resolve(payload.lastResponse.getHeader('Media-Id') ?? ''),
      });
      upload.start();
    });
    expect(sha256((await fetchBytes(server, `/media/${mediaId}`, alice.token)).bytes)).toBe(sha256(source));
    expect(await keysUnder('tus/')).toEqual([]);
  });

  it('forgets a tus upload whose stored part was lost, with 404 rather than 500', async () => {
    const source = mp4Bytes(300_000);
    const created = await tusRequest(server, '/media/tus', 'POST', alice.token, { 'upload-length': String(source.length) });
    const location = created.headers.get('location')!;
    const id = location.split('/').pop()!;
    expect((await tusPatch(server, location, alice.token, 0, source.subarray(0, 100_000))).status).toBe(204);
    const [part] = await keysUnder(`tus/${id}/`);
    await storage.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: part! }));
    const last = await tusPatch(server, location, alice.token, 100_000, source.subarray(100_000));
    expect(last.status).toBe(404);
    expect((await last.json()).code).toBe('tus.not_found');
    expect((await tusRequest(server, location, 'HEAD', alice.token)).status).toBe(404);
  });

  it('deletes orphaned uploads and stale tus uploads from the bucket', async () => {
    const sweeper = await TestServer.start({ ...s3Env, MEDIA_ORPHAN_HOURS: '0.0005', MEDIA_CLEANUP_INTERVAL_MS: '200' });
    try {
      const user = await sweeper.register('Sweep Bucket');
      const orphan = (await uploadFile(sweeper, user.token, await photo(300, 200), { name: 'orphan.jpg' })).body.media;
      const keys = [`media/${orphan.id.slice(-2)}/${orphan.id}`, `media/${orphan.id.slice(-2)}/${orphan.id}.thumb.webp`];
      const created = await tusRequest(sweeper, '/media/tus', 'POST', user.token, { 'upload-length': '200000' });
      const location = created.headers.get('location')!;
      expect((await tusPatch(sweeper, location, user.token, 0, mp4Bytes(50_000))).status).toBe(204);
      const tusPrefix = `tus/${location.split('/').pop()}/`;
      expect(await keysUnder(tusPrefix)).toHaveLength(1);

      await waitFor('the orphan and the stale upload are swept', async () => {
        const stats = await Promise.all(keys.map((k) => storage.stat(k)));
        return stats.every((s) => s === null) && (await keysUnder(tusPrefix)).length === 0;
      });
      expect((await fetchBytes(sweeper, orphan.url, user.token)).status).toBe(404);
      expect((await tusRequest(sweeper, location, 'HEAD', user.token)).status).toBe(404);
    } finally {
      await sweeper.close();
    }
  });
});

/** Two nodes on one database and one bucket: PostgreSQL only (PGlite is one process's database). */
describe.skipIf(process.env.PARLEY_TEST_DB !== 'postgres')('two nodes sharing the database and the bucket', () => {
  let one: TestServer;
  let two: TestServer;
  let alice: TestUser;

  beforeAll(async () => {
    one = await TestServer.start(s3Env);
    const shared: Record<string, string> = { ...s3Env, DATABASE_URL: one.app.ctx.config.DATABASE_URL! };
    if (one.app.ctx.config.REDIS_URL)
      Object.assign(shared, { REDIS_URL: one.app.ctx.config.REDIS_URL, REDIS_KEY_PREFIX: one.app.ctx.config.REDIS_KEY_PREFIX });
    two = await TestServer.start(shared);
    alice = await one.register('Alice Two Nodes');
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('serves a media uploaded on node 1 from node 2, in ranges too, and an avatar set on node 2 from node 1', async () => {
    const m = (await uploadFile(one, alice.token, await photo(800, 600), { name: 'shared.jpg', type: 'image/jpeg' })).body.media;
    const fromOne = await fetchBytes(one, m.url, alice.token);
    const fromTwo = await fetchBytes(two, m.url, alice.token);
    expect(fromTwo.status).toBe(200);
    expect(sha256(fromTwo.bytes)).toBe(sha256(fromOne.bytes));
    const range = await fetchBytes(two, m.url, alice.token, { range: 'bytes=10-19' });
    expect(range.status).toBe(206);
    expect(range.bytes.equals(fromOne.bytes.subarray(10, 20))).toBe(true);
    expect((await fetchBytes(two, m.thumbnailUrl, alice.token)).status).toBe(200);

    const avatar = await uploadFile(two, alice.token, await photo(400, 400), {
      path: '/users/me/avatar',
      field: 'avatar',
      type: 'image/jpeg',
    });
    expect(avatar.status).toBe(200);
    expect((await fetch(`${one.url}${avatar.body.avatarUrl}`)).status).toBe(200);
  });

  it('resumes a tus upload on the other node: chunks alternate between nodes', async () => {
    const source = mp4Bytes(3 * 500_000 + 42);
    const created = await tusRequest(one, '/media/tus', 'POST', alice.token, { 'upload-length': String(source.length) });
    const location = created.headers.get('location')!;
    expect((await tusPatch(one, location, alice.token, 0, source.subarray(0, 500_000))).status).toBe(204);
    expect((await tusPatch(two, location, alice.token, 500_000, source.subarray(500_000, 1_000_000))).status).toBe(204);
    const head = await tusRequest(one, location, 'HEAD', alice.token);
    expect(head.headers.get('upload-offset')).toBe('1000000');
    // A stale retry on the other node is refused, not appended.
    const stale = await tusPatch(one, location, alice.token, 500_000, source.subarray(500_000, 1_000_000));
    expect(stale.status).toBe(409);
    expect((await tusPatch(one, location, alice.token, 1_000_000, source.subarray(1_000_000, 1_500_000))).status).toBe(204);
    const last = await tusPatch(two, location, alice.token, 1_500_000, source.subarray(1_500_000));
    expect(last.status).toBe(204);
    const mediaId = last.headers.get('media-id')!;
    expect(sha256((await fetchBytes(one, `/media/${mediaId}`, alice.token)).bytes)).toBe(sha256(source));
  });

  it("lets exactly one of two PATCHes racing on two nodes at the same offset win; the file is the winner's", async () => {
    const a = mp4Bytes(400_000);
    const b = mp4Bytes(400_000);
    const rest = crypto.randomBytes(100_000);
    const created = await tusRequest(one, '/media/tus', 'POST', alice.token, { 'upload-length': String(500_000) });
    const location = created.headers.get('location')!;
    const id = location.split('/').pop()!;
    const [ra, rb] = await Promise.all([tusPatch(one, location, alice.token, 0, a), tusPatch(two, location, alice.token, 0, b)]);
    expect([ra.status, rb.status].sort()).toEqual([204, 409]);
    const winner = ra.status === 204 ? a : b;
    expect(await keysUnder(`tus/${id}/`)).toHaveLength(1);
    const last = await tusPatch(two, location, alice.token, 400_000, rest);
    expect(last.status).toBe(204);
    const got = await fetchBytes(one, `/media/${last.headers.get('media-id')}`, alice.token);
    expect(sha256(got.bytes)).toBe(sha256(Buffer.concat([winner, rest])));
  });
});

function tusRequest(server: TestServer, url: string, method: string, token: string, headers: Record<string, string> = {}, body?: Buffer) {
  const full = url.startsWith('/api/') ? `${server.url}${url}` : `${server.url}/api/v1${url}`;
  return fetch(full, {
    method,
    headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${token}`, ...headers },
    body: body as BodyInit | undefined,
  });
}

const tusPatch = (server: TestServer, location: string, token: string, offset: number, body: Buffer) =>
  tusRequest(
    server,
    location,
    'PATCH',
    token,
    { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    body,
  );
