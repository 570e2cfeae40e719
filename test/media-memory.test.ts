import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes } from './helpers/media.js';
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
    const json = (await res.json()) as any;
    clearInterval(timer);
    sample();

    expect(res.status).toBe(201);
    expect(json.media).toMatchObject({ kind: 'video', mimeType: 'video/mp4', size: SIZE, name: 'big.mp4' });
    // Sampled all along the transfer, not just before and after.
    expect(samples.length).toBeGreaterThan(5);
    const growth = Math.max(...samples) - baseline;
    console.log(`200 MB upload in ${Date.now() - started} ms; rss baseline ${(baseline / MB).toFixed(0)} MB, peak growth ${(growth / MB).toFixed(1)} MB`);
    expect(growth).toBeLessThan(60 * MB);

    // It is all there: the last bytes, by range.
    const end = await fetchBytes(server, `${json.media.url}`, user.token, { range: `bytes=${SIZE - 10}-` });
    expect(end.status).toBe(206);
    expect(end.headers.get('content-range')).toBe(`bytes ${SIZE - 10}-${SIZE - 1}/${SIZE}`);
  }, 60_000);
});
