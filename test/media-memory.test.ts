import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, pngBomb, tusCreate, uploadFile } from './helpers/media.js';
import { freshDatabase, Node } from './helpers/cluster.js';
import { TestServer, type TestUser } from './helpers/server.js';

const MB = 1_048_576;
const SIZE = 200 * MB;

let server: TestServer;
let user: TestUser;

beforeAll(async () => {
  server = await TestServer.start({ MEDIA_MAX_BYTES: String(256 * MB) });
  user = await server.register('Heavy Uploader');
});
afterAll(() => server?.close());

/**
 * A multipart body generated on the fly: an MP4 header (so the sniffer accepts it) and then
 * random filler, 64 KiB at a time. Nothing of it is ever held whole, on either side.
 */
function streamedForm(size: number, boundary: string): { body: ReadableStream<Uint8Array>; length: number } {
  const enc = new TextEncoder();
  const head = enc.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = enc.encode(`\r\n--${boundary}--\r\n`);
  const ftyp = Uint8Array.from([0, 0, 0, 0x18, ...enc.encode('ftypisom'), 0, 0, 2, 0, ...enc.encode('isomiso2')]);
  const filler = new Uint8Array(crypto.randomBytes(64 * 1024));
  let sent = 0;
  let stage = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (stage === 0) {
        c.enqueue(head);
        c.enqueue(ftyp);
        sent = ftyp.length;
        stage = 1;
        return;
      }
      if (stage === 1) {
        const n = Math.min(filler.length, size - sent);
        c.enqueue(n === filler.length ? filler : filler.subarray(0, n));
        sent += n;
        if (sent >= size) stage = 2;
        return;
      }
      c.enqueue(tail);
      c.close();
    },
  });
  return { body, length: head.length + size + tail.length };
}

describe('uploading a 200 MB file', () => {
  it('streams it to storage while the process memory stays flat', async () => {
    const samples: number[] = [];
    const sample = () => samples.push(process.memoryUsage().rss);
    for (let i = 0; i < 5; i++) {
      sample();
      await new Promise((r) => setTimeout(r, 20));
    }
    const baseline = Math.max(...samples);
    samples.length = 0;
    const timer = setInterval(sample, 25);

    const boundary = `parley${crypto.randomBytes(8).toString('hex')}`;
    const { body, length } = streamedForm(SIZE, boundary);
    const started = Date.now();
    const res = await fetch(`${server.url}/api/v1/media/upload`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${user.token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(length),
      },
      body,
      duplex: 'half',
    } as RequestInit);
    const json = await res.json();
    clearInterval(timer);
    sample();

    expect(res.status).toBe(201);
    expect(json.media).toMatchObject({ kind: 'video', mimeType: 'video/mp4', size: SIZE, name: 'big.mp4' });
    // Sampled all along the transfer, not just before and after.
    expect(samples.length).toBeGreaterThan(5);
    const growth = Math.max(...samples) - baseline;
    console.log(
      `200 MB upload in ${Date.now() - started} ms;`,
      `rss baseline ${(baseline / MB).toFixed(0)} MB, peak growth ${(growth / MB).toFixed(1)} MB`,
    );
    expect(growth).toBeLessThan(60 * MB);

    // It is all there: the last bytes, by range.
    const end = await fetchBytes(server, `${json.media.url}`, user.token, { range: `bytes=${SIZE - 10}-` });
    expect(end.status).toBe(206);
    expect(end.headers.get('content-range')).toBe(`bytes ${SIZE - 10}-${SIZE - 1}/${SIZE}`);
  }, 60_000);
});

/** Samples a process's resident memory (Linux /proc) every 25 ms until stopped; returns the peak. */
function rssSampler(pid: number): { stop(): number } {
  const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
  let peak = rss();
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 25);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rss());
    },
  };
}

describe('decompression bombs: small PNGs that decode huge', () => {
  // A server process of its own, as deployed: its RSS is the server's alone.
  let node: Node;
  let db: { url: string; drop(): Promise<void> } | undefined;
  let uploader: { id: string; token: string };
  let under: Buffer;
  let over: Buffer;

  beforeAll(async () => {
    if (process.env.PARLEY_TEST_DB === 'postgres') db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    // The default MEDIA_MAX_PIXELS and MEDIA_DECODE_CONCURRENCY: what a deployment that sets nothing gets.
    [node, under, over] = await Promise.all([
      Node.start(db ? { DATABASE_URL: db.url } : { PGLITE_PATH: 'memory://' }),
      // 36 MP (just under the limit) and 100 MP, interlaced: a few hundred KB each.
      pngBomb(6000, 6000),
      pngBomb(10_000, 10_000),
    ]);
    uploader = await node.register('Bomb Thrower');
  }, 120_000);
  afterAll(async () => {
    await node?.stop();
    await db?.drop();
  });

  it('stays under +600 MiB RSS while 6 images just under MEDIA_MAX_PIXELS and 3 over it arrive at once (upload, tus, avatar)', async () => {
    expect(under.length).toBeLessThan(1_048_576);
    expect(over.length).toBeLessThan(1_048_576);
    const tusResult = async (data: Buffer) => {
      const res = await tusCreate(node, uploader.token, data.length, data, { filename: 'bomb.png', filetype: 'image/png' });
      const body = res.headers.get('content-type')?.includes('json') ? await res.json() : undefined;
      return { status: res.status, code: body?.code, mediaId: res.headers.get('media-id') };
    };
    const multipart = async (data: Buffer, path?: string) => {
      const r = await uploadFile(node, uploader.token, data, {
        name: 'bomb.png',
        type: 'image/png',
        ...(path ? { path, field: 'avatar' } : {}),
      });
      return { status: r.status, code: r.body?.code, mediaId: r.body?.media?.id as string | undefined };
    };

    const idle = rssSampler(node.proc.pid!);
    await new Promise((r) => setTimeout(r, 500));
    const baseline = idle.stop();
    const sampler = rssSampler(node.proc.pid!);
    const started = Date.now();
    const [fits, refused] = await Promise.all([
      Promise.all([
        multipart(under),
        multipart(under),
        multipart(under),
        multipart(under),
        tusResult(under),
        multipart(under, '/users/me/avatar'),
      ]),
      Promise.all([multipart(over), tusResult(over), multipart(over, '/users/me/avatar')]),
    ]);
    const growth = sampler.stop() - baseline;
    console.log(
      `9 bombs in ${Date.now() - started} ms;`,
      `server rss baseline ${(baseline / MB).toFixed(0)} MB, peak growth ${(growth / MB).toFixed(0)} MB`,
    );

    expect(fits.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 200]);
    expect(fits[4].mediaId).toMatch(/^[0-9a-f-]{36}$/);
    // Over the pixel limit: refused from the header, never decoded.
    expect(refused).toEqual([
      { status: 413, code: 'media.too_large', mediaId: undefined },
      { status: 413, code: 'media.too_large', mediaId: null },
      { status: 413, code: 'media.too_large', mediaId: undefined },
    ]);
    expect(growth).toBeLessThan(600 * MB);
  }, 180_000);
});
