import net from 'node:net';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, mp4Bytes, sha256, tusHeaders } from './helpers/media.js';
import { TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  server = await TestServer.start({ TUS_MAX_BYTES: String(16 * 1_048_576), TUS_MAX_PENDING_PER_USER: '100' });
  [alice, bob] = await Promise.all([server.register('Alice Resumes'), server.register('Bob Resumes')]);
});
afterAll(() => server?.close());

const CHUNK = 'application/offset+octet-stream';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tusFetch(path: string, method: string, token: string, headers: Record<string, string> = {}, body?: Buffer) {
  return fetch(`${server.url}${path}`, { method, headers: tusHeaders(token, headers), body: body as BodyInit | undefined });
}

async function create(token: string, length: number): Promise<string> {
  const res = await tusFetch('/api/v1/media/tus', 'POST', token, {
    'upload-length': String(length),
    'upload-metadata': `filename ${Buffer.from('resumed.mp4').toString('base64')},filetype ${Buffer.from('video/mp4').toString('base64')}`,
  });
  expect(res.status).toBe(201);
  return res.headers.get('location')!;
}

const patch = (location: string, token: string, offset: number, body: Buffer) =>
  tusFetch(location, 'PATCH', token, { 'upload-offset': String(offset), 'content-type': CHUNK }, body);

async function head(location: string, token: string) {
  const res = await tusFetch(location, 'HEAD', token);
  return { status: res.status, offset: Number(res.headers.get('upload-offset')), mediaId: res.headers.get('media-id') };
}

/**
 * A PATCH whose connection is cut mid-body: its headers (announcing all of `body`) and the first
 * `sent` bytes go out over a raw socket, `holdMs` later the socket is destroyed.
 */
function cutPatch(location: string, token: string, offset: number, body: Buffer, sent: number, holdMs: number): Promise<void> {
  const head =
    `PATCH ${location} HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\nAuthorization: Bearer ${token}\r\n` +
    `Content-Type: ${CHUNK}\r\nUpload-Offset: ${offset}\r\nContent-Length: ${body.length}\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1', () => {
      socket.write(Buffer.concat([Buffer.from(head), body.subarray(0, sent)]), () => {
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, holdMs);
      });
    });
    socket.on('error', reject);
  });
}

describe('tus: resuming right after a cut PATCH, as a client that never retries a 409 (python3-tuspy)', () => {
  it('HEAD right after the cut reports the true offset, and the PATCH from there succeeds: 20 times out of 20, same bytes', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const source = mp4Bytes(1_048_576 + i * 4099);
      const location = await create(alice.token, source.length);
      // Half the uploads already have a stored part when their connection is cut.
      let start = 0;
      if (i % 2 === 1) {
        start = 100_000 + i * 997;
        expect((await patch(location, alice.token, 0, source.subarray(0, start))).status).toBe(204);
      }
      // Cut after a few bytes to most of the body, at once or once the server is reading it.
      const sent = [1, 5000, 64 * 1024, 300_000, 700_000][i % 5]!;
      await cutPatch(location, alice.token, start, source.subarray(start), sent, [0, 0, 5, 30][i % 4]!);

      // What tuspy does next: HEAD, then PATCH the rest from the reported offset, once.
      const h = await head(location, alice.token);
      expect(h.status).toBe(200);
      expect(h.offset).toBeGreaterThanOrEqual(start);
      expect(h.offset).toBeLessThanOrEqual(start + sent);
      const res = await patch(location, alice.token, h.offset, source.subarray(h.offset));
      if (res.status !== 204) {
        outcomes.push(`#${i}: HEAD said ${h.offset}, PATCH got ${res.status} at ${res.headers.get('upload-offset')}`);
        continue;
      }
      expect(res.headers.get('upload-offset')).toBe(String(source.length));
      const mediaId = res.headers.get('media-id')!;
      const file = await fetchBytes(server, `/media/${mediaId}`, alice.token);
      expect(file.status).toBe(200);
      outcomes.push(sha256(file.bytes) === sha256(source) ? 'ok' : `#${i}: the stored file differs from the one sent`);
    }
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    expect(outcomes).toHaveLength(20);
  }, 120_000);

  it('a new PATCH waits for the cut one to finish instead of 423, then goes on from its own offset or gets 409', async () => {
    const source = mp4Bytes(600_000);
    const location = await create(alice.token, source.length);
    await cutPatch(location, alice.token, 0, source, 200_000, 0);
    // Without a HEAD: a client that trusts its own idea of the offset (0) learns the real one.
    const again = await patch(location, alice.token, 0, source);
    expect([204, 409]).toContain(again.status);
    if (again.status === 409) {
      const offset = Number(again.headers.get('upload-offset'));
      expect(offset).toBeGreaterThan(0);
      expect((await head(location, alice.token)).offset).toBe(offset);
      const rest = await patch(location, alice.token, offset, source.subarray(offset));
      expect(rest.status).toBe(204);
      expect(sha256((await fetchBytes(server, `/media/${rest.headers.get('media-id')}`, alice.token)).bytes)).toBe(sha256(source));
    }
  });
});

describe('tus: X-HTTP-Method-Override on POST to the upload URL', () => {
  const override = (location: string, token: string, method: string, headers: Record<string, string> = {}, body?: Buffer) =>
    tusFetch(location, 'POST', token, { 'x-http-method-override': method, ...headers }, body);

  it('takes POST with X-HTTP-Method-Override: PATCH as a PATCH, with the same checks', async () => {
    const source = mp4Bytes(300_000);
    const location = await create(alice.token, source.length);
    const first = await override(
      location,
      alice.token,
      'PATCH',
      { 'upload-offset': '0', 'content-type': CHUNK },
      source.subarray(0, 100_000),
    );
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe('100000');
    expect(first.headers.get('tus-resumable')).toBe('1.0.0');
    expect((await head(location, alice.token)).offset).toBe(100_000);

    const stale = await override(location, alice.token, 'PATCH', { 'upload-offset': '0', 'content-type': CHUNK }, source.subarray(0, 10));
    expect(stale.status).toBe(409);
    expect(stale.headers.get('upload-offset')).toBe('100000');
    const theirs = await override(
      location,
      bob.token,
      'PATCH',
      { 'upload-offset': '100000', 'content-type': CHUNK },
      source.subarray(100_000),
    );
    expect(theirs.status).toBe(404);

    const rest = await override(
      location,
      alice.token,
      'patch',
      { 'upload-offset': '100000', 'content-type': CHUNK },
      source.subarray(100_000),
    );
    expect(rest.status).toBe(204);
    const mediaId = rest.headers.get('media-id')!;
    expect(sha256((await fetchBytes(server, `/media/${mediaId}`, alice.token)).bytes)).toBe(sha256(source));
  });

  it('takes POST with X-HTTP-Method-Override: DELETE as a termination; a POST without one is still 404', async () => {
    const location = await create(alice.token, 5000);
    expect((await override(location, bob.token, 'DELETE')).status).toBe(404);
    expect((await tusFetch(location, 'POST', alice.token)).status).toBe(404);
    const del = await override(location, alice.token, 'DELETE');
    expect(del.status).toBe(204);
    expect((await head(location, alice.token)).status).toBe(404);
  });

  it('works with tus-js-client overridePatchMethod, chunked', async () => {
    const source = mp4Bytes(700_000);
    const mediaId = await new Promise<string>((resolve, reject) => {
      const upload = new tus.Upload(source, {
        endpoint: `${server.url}/api/v1/media/tus`,
        chunkSize: 256 * 1024,
        overridePatchMethod: true,
        retryDelays: [],
        headers: { Authorization: `Bearer ${alice.token}` },
        metadata: { filename: 'override.mp4', filetype: 'video/mp4' },
        onError: reject,
        onSuccess: (payload) => resolve(payload.lastResponse.getHeader('Media-Id') ?? ''),
      });
      upload.start();
    });
    expect(mediaId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sha256((await fetchBytes(server, `/media/${mediaId}`, alice.token)).bytes)).toBe(sha256(source));
  });
});

describe('tus: HEAD while a PATCH is still being received', () => {
  it('waits a bounded time for a live PATCH, then reports what is stored', async () => {
    const source = mp4Bytes(400_000);
    const location = await create(alice.token, source.length);
    // A PATCH that keeps its connection open and stops sending.
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', r));
    socket.on('error', () => {});
    socket.write(
      `PATCH ${location} HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\nAuthorization: Bearer ${alice.token}\r\n` +
        `Content-Type: ${CHUNK}\r\nUpload-Offset: 0\r\nContent-Length: ${source.length}\r\n\r\n`,
    );
    socket.write(source.subarray(0, 50_000));
    await sleep(200);
    const started = Date.now();
    const h = await head(location, alice.token);
    const waited = Date.now() - started;
    expect(h.status).toBe(200);
    expect(h.offset).toBe(0);
    expect(waited).toBeLessThan(10_000);
    socket.destroy();
    // Once the connection is cut, the bytes it delivered are there at the next HEAD.
    expect((await head(location, alice.token)).offset).toBe(50_000);
  }, 30_000);

  it('a refused chunk leaves nobody waiting: HEAD and the next PATCH answer at once', async () => {
    const source = mp4Bytes(200_000);
    const location = await create(alice.token, source.length);
    const chunk = { 'upload-offset': '0', 'content-type': CHUNK };
    const refused = [
      await fetch(`${server.url}${location}`, {
        method: 'PATCH',
        headers: { 'tus-resumable': '1.0.0', authorization: 'Bearer nope', ...chunk },
        body: source.subarray(0, 1000) as BodyInit,
      }),
      await tusFetch(location, 'PATCH', alice.token, { ...chunk, 'upload-offset': 'x' }, source.subarray(0, 1000)),
      await tusFetch(location, 'PATCH', bob.token, chunk, source.subarray(0, 1000)),
      await tusFetch(location, 'PATCH', alice.token, { ...chunk, 'upload-offset': '7' }, source.subarray(0, 1000)),
      await tusFetch(
        location,
        'POST',
        alice.token,
        { ...chunk, 'x-http-method-override': 'PATCH', 'upload-offset': '7' },
        source.subarray(0, 10),
      ),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 400, 404, 409, 409]);
    const started = Date.now();
    expect((await head(location, alice.token)).offset).toBe(0);
    expect((await patch(location, alice.token, 0, source)).status).toBe(204);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
