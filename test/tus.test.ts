import sharp from 'sharp';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elfBytes, fetchBytes, mp4Bytes, photo, sha256 } from './helpers/media.js';
import { TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  server = await TestServer.start({ TUS_MAX_BYTES: String(64 * 1_048_576) });
  [alice, bob] = await Promise.all([server.register('Alice Resumable'), server.register('Bob Resumable')]);
});
afterAll(() => server?.close());

const endpoint = () => `${server.url}/api/v1/media/tus`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

type Body = BodyInit | Buffer;

function tusFetch(
  url: string,
  method: string,
  token: string | undefined,
  headers: Record<string, string> = {},
  body?: Body,
  signal?: AbortSignal,
) {
  const full = url.startsWith('http') ? url : `${server.url}${url}`;
  return fetch(full, {
    method,
    headers: { 'tus-resumable': '1.0.0', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body as BodyInit | undefined,
    signal,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
}

async function create(token: string, length: number, metadata = `filename ${b64('movie.mp4')},filetype ${b64('video/mp4')}`) {
  const res = await tusFetch(endpoint(), 'POST', token, { 'upload-length': String(length), 'upload-metadata': metadata });
  expect(res.status).toBe(201);
  const location = res.headers.get('location')!;
  expect(location).toMatch(/^\/api\/v1\/media\/tus\/[0-9a-f-]{36}$/);
  return location;
}

const patch = (location: string, token: string, offset: number, body: Body, signal?: AbortSignal) =>
  tusFetch(location, 'PATCH', token, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body, signal);

const head = async (location: string, token: string) => {
  const res = await tusFetch(location, 'HEAD', token);
  return { status: res.status, offset: Number(res.headers.get('upload-offset')), length: Number(res.headers.get('upload-length')), res };
};

describe('tus 1.0 resumable uploads', () => {
  it('announces the protocol on OPTIONS without a token', async () => {
    const res = await fetch(endpoint(), { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('tus-resumable')).toBe('1.0.0');
    expect(res.headers.get('tus-version')).toBe('1.0.0');
    expect(res.headers.get('tus-extension')).toBe('creation,creation-with-upload,termination');
    expect(res.headers.get('tus-max-size')).toBe(String(64 * 1_048_576));
  });

  it('uploads in 3 chunks, interrupted during the third and resumed from HEAD, to a Media with the same SHA-256', async () => {
    const source = mp4Bytes(3 * 1_048_576 + 12_345);
    const chunk = 1_048_576;
    const location = await create(alice.token, source.length);
    expect((await head(location, alice.token)).offset).toBe(0);

    const first = await patch(location, alice.token, 0, source.subarray(0, chunk));
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe(String(chunk));
    expect(first.headers.get('tus-resumable')).toBe('1.0.0');
    const second = await patch(location, alice.token, chunk, source.subarray(chunk, 2 * chunk));
    expect(second.status).toBe(204);
    expect(second.headers.get('upload-offset')).toBe(String(2 * chunk));

    // The third chunk: the connection drops after part of it was sent.
    const controller = new AbortController();
    const partial = source.subarray(2 * chunk, 2 * chunk + 300_000);
    const stalled = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(partial));
      },
      pull() {
        return new Promise(() => {}); // never sends the rest
      },
    });
    const interrupted = patch(location, alice.token, 2 * chunk, stalled, controller.signal).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 500));
    controller.abort();
    expect(await interrupted).toBeInstanceOf(Error);

    // Resume as a client does: ask for the offset, send the rest (retrying while the server still holds the old request).
    let mediaId: string | null = null;
    for (let attempt = 0; attempt < 50 && !mediaId; attempt++) {
      const { offset, status } = await head(location, alice.token);
      expect(status).toBe(200);
      expect(offset).toBeGreaterThanOrEqual(2 * chunk);
      const res = await patch(location, alice.token, offset, source.subarray(offset));
      if (res.status === 204) {
        expect(res.headers.get('upload-offset')).toBe(String(source.length));
        mediaId = res.headers.get('media-id');
        expect(mediaId).toBeTruthy();
      } else {
        expect([409, 423]).toContain(res.status);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(mediaId).toBeTruthy();

    const done = await head(location, alice.token);
    expect([done.offset, done.length]).toEqual([source.length, source.length]);
    expect(done.res.headers.get('media-id')).toBe(mediaId);

    const download = await fetchBytes(server, `/media/${mediaId}`, alice.token);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('video/mp4');
    expect(download.headers.get('content-disposition')).toContain('movie.mp4');
    expect(sha256(download.bytes)).toBe(sha256(source));
    // Not shared with anyone yet.
    expect((await fetchBytes(server, `/media/${mediaId}`, bob.token)).status).toBe(404);
  });

  it('lets one request write to an upload at a time (423), and a stale retry gets 409, never a truncation', async () => {
    const source = mp4Bytes(600_000);
    const location = await create(alice.token, source.length);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let step = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (step === 0) c.enqueue(new Uint8Array(source.subarray(0, 100_000)));
        else if (step === 1) {
          await gate;
          c.enqueue(new Uint8Array(source.subarray(100_000, 300_000)));
        } else c.close();
        step++;
      },
    });
    const first = patch(location, alice.token, 0, slow);
    await new Promise((r) => setTimeout(r, 300));
    const second = await patch(location, alice.token, 0, source.subarray(0, 1000));
    expect(second.status).toBe(423);
    expect((await second.json()).code).toBe('tus.locked');
    release();
    const done = await first;
    expect(done.status).toBe(204);
    expect(done.headers.get('upload-offset')).toBe('300000');

    const stale = await patch(location, alice.token, 0, source.subarray(0, 1000));
    expect(stale.status).toBe(409);
    expect(stale.headers.get('upload-offset')).toBe('300000');
    const rest = await patch(location, alice.token, 300_000, source.subarray(300_000));
    expect(rest.status).toBe(204);
    const id = rest.headers.get('media-id')!;
    // The last chunk retried (its response was lost): the same answer, nothing written twice.
    const retried = await patch(location, alice.token, source.length, Buffer.alloc(0));
    expect(retried.status).toBe(204);
    expect(retried.headers.get('media-id')).toBe(id);
    expect(sha256((await fetchBytes(server, `/media/${id}`, alice.token)).bytes)).toBe(sha256(source));
  });

  it('refuses a PATCH at the wrong offset (409) and without the chunk content type (415)', async () => {
    const location = await create(alice.token, 10_000);
    const wrong = await patch(location, alice.token, 500, mp4Bytes(1000));
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).code).toBe('tus.offset_mismatch');
    const json = await tusFetch(location, 'PATCH', alice.token, { 'upload-offset': '0', 'content-type': 'application/json' }, '{}');
    expect(json.status).toBe(415);
    expect((await head(location, alice.token)).offset).toBe(0);
  });

  it("is authenticated, and another user's upload does not exist for you", async () => {
    const location = await create(alice.token, 5000);
    expect((await tusFetch(endpoint(), 'POST', undefined, { 'upload-length': '10' })).status).toBe(401);
    expect((await head(location, bob.token)).status).toBe(404);
    const theirs = await patch(location, bob.token, 0, mp4Bytes(5000));
    expect(theirs.status).toBe(404);
    expect((await tusFetch(location, 'DELETE', bob.token)).status).toBe(404);
  });

  it('requires Tus-Resumable: 1.0.0 (412 with Tus-Version)', async () => {
    const res = await fetch(endpoint(), { method: 'POST', headers: { authorization: `Bearer ${alice.token}`, 'upload-length': '10' } });
    expect(res.status).toBe(412);
    expect(res.headers.get('tus-version')).toBe('1.0.0');
  });

  it('refuses an upload larger than TUS_MAX_BYTES (413) and a missing Upload-Length (400)', async () => {
    const big = await tusFetch(endpoint(), 'POST', alice.token, { 'upload-length': String(64 * 1_048_576 + 1) });
    expect(big.status).toBe(413);
    expect((await big.json()).code).toBe('media.too_large');
    const none = await tusFetch(endpoint(), 'POST', alice.token);
    expect(none.status).toBe(400);
    const nul = await tusFetch(endpoint(), 'POST', alice.token, {
      'upload-length': '10',
      'upload-metadata': `filename ${b64('a\u0000b')}`,
    });
    expect(nul.status).toBe(400);
    expect((await nul.json()).code).toBe('validation.failed');
  });

  it('terminates an upload (DELETE), after which it is gone', async () => {
    const location = await create(alice.token, 4000);
    expect((await patch(location, alice.token, 0, mp4Bytes(2000))).status).toBe(204);
    const del = await tusFetch(location, 'DELETE', alice.token);
    expect(del.status).toBe(204);
    expect((await head(location, alice.token)).status).toBe(404);
  });

  it('refuses a spoofed type as soon as its first bytes arrive (415) and forgets the upload', async () => {
    const exe = elfBytes(100_000);
    const location = await create(alice.token, exe.length, `filename ${b64('photo.png')},filetype ${b64('image/png')}`);
    const res = await patch(location, alice.token, 0, exe);
    expect(res.status).toBe(415);
    expect((await res.json()).code).toBe('media.unsupported_type');
    expect((await head(location, alice.token)).status).toBe(404);
  });

  it('creates and uploads in one request (creation-with-upload), processing images like POST /media/upload', async () => {
    const jpeg = await photo(2400, 1800);
    const res = await tusFetch(
      endpoint(),
      'POST',
      alice.token,
      {
        'upload-length': String(jpeg.length),
        'content-type': 'application/offset+octet-stream',
        'upload-metadata': `filename ${b64('big.jpg')}`,
      },
      jpeg,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('upload-offset')).toBe(String(jpeg.length));
    const id = res.headers.get('media-id')!;
    const display = await fetchBytes(server, `/media/${id}`, alice.token);
    const meta = await sharp(display.bytes).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([1600, 1200, undefined]);
    expect((await fetchBytes(server, `/media/${id}/thumbnail`, alice.token)).status).toBe(200);
  });

  it('works with a standard client (tus-js-client), chunked', async () => {
    const source = mp4Bytes(700_000);
    const mediaId = await new Promise<string>((resolve, reject) => {
      const upload = new tus.Upload(source, {
        endpoint: endpoint(),
        chunkSize: 256 * 1024,
        retryDelays: [100, 300],
        headers: { Authorization: `Bearer ${alice.token}` },
        metadata: { filename: 'standard.mp4', filetype: 'video/mp4' },
        onError: reject,
        onSuccess: (payload) => resolve(payload.lastResponse.getHeader('Media-Id') ?? ''),
      });
      upload.start();
    });
    expect(mediaId).toMatch(/^[0-9a-f-]{36}$/);
    const download = await fetchBytes(server, `/media/${mediaId}`, alice.token);
    expect(sha256(download.bytes)).toBe(sha256(source));
  });
});
