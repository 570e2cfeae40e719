import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, mp4Bytes, sha256 } from './helpers/media.js';
import { loadConfig } from '../src/config.js';
import { expectProblem } from './helpers/problems.js';
import { TestServer } from './helpers/server.js';

/** What a raw client saw: everything the server wrote, and when it closed the connection. */
interface RawOutcome {
  text: string;
  closedAfterMs: number;
  status: number | null;
  body: any;
}

/**
 * Opens a raw TCP connection, writes `head`, then trickles `trickle` one byte every `everyMs`
 * (a slowloris client); resolves when the server closes the connection, or after `giveUpMs`.
 */
function rawRequest(
  serverUrl: string,
  head: string | Buffer,
  opts: { trickle?: Buffer; everyMs?: number; giveUpMs?: number } = {},
): Promise<RawOutcome> {
  const { port } = new URL(serverUrl);
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), '127.0.0.1');
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      const rawBody = text.split('\r\n\r\n').slice(1).join('\r\n\r\n');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
      resolve({ text, closedAfterMs: Date.now() - started, status: status ? Number(status) : null, body });
    };
    const giveUp = setTimeout(finish, opts.giveUpMs ?? 15_000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', finish);
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.write(head);
      if (!opts.trickle) return;
      timer = setInterval(() => {
        if (sent < opts.trickle!.length && socket.writable) socket.write(opts.trickle!.subarray(sent, ++sent));
      }, opts.everyMs ?? 200);
    });
  });
}

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({
    HTTP_REQUEST_TIMEOUT_SECONDS: '1',
    HTTP_HEADERS_TIMEOUT_SECONDS: '1',
    HTTP_UPLOAD_TIMEOUT_SECONDS: '3',
  });
});
afterAll(() => server?.close());

describe('slow clients are cut off (item 8)', () => {
  it('a login body trickled one byte at a time gets 408 request.timeout and the connection closes within the bound', async () => {
    const head = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n';
    const out = await rawRequest(server.url, head, { trickle: Buffer.from('{"login":"'.padEnd(100_000, 'a')), everyMs: 200 });
    expect(out.closedAfterMs).toBeLessThan(5_000);
    expect(out.status).toBe(408);
    expect(out.text).toMatch(/content-type: application\/problem\+json/i);
    expect(out.body).toMatchObject({ status: 408, code: 'request.timeout' });
  });

  it('headers trickled one byte at a time: the connection closes within the bound', async () => {
    const out = await rawRequest(server.url, 'GET /api/v1/health HTTP/1.1\r\n', {
      trickle: Buffer.from('X-Slow: '.padEnd(10_000, 'a')),
      everyMs: 100,
    });
    expect(out.closedAfterMs).toBeLessThan(5_000);
    if (out.status !== null) expect(out.body).toMatchObject({ status: 408, code: 'request.timeout' });
  });

  it('an unauthenticated upload body is not drained after its 401: the connection closes', async () => {
    const head =
      'POST /api/v1/media/upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n';
    const out = await rawRequest(server.url, head, { trickle: Buffer.alloc(100_000, 'a'), everyMs: 200 });
    expect(out.status).toBe(401);
    expect(out.closedAfterMs).toBeLessThan(2_500);
  });

  it('a tus PATCH cut off by the upload timeout keeps the bytes received so far, and the upload resumes to the same file', async () => {
    const user = await server.register('Slow Uploader');
    const source = mp4Bytes(64 * 1024);
    const created = await fetch(`${server.url}/api/v1/media/tus`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        authorization: `Bearer ${user.token}`,
        'upload-length': String(source.length),
        'upload-metadata': `filetype ${Buffer.from('video/mp4').toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    // 4 KiB at once, then a byte every 100 ms: the 3 s upload timeout cuts it.
    const first = source.subarray(0, 4096);
    const head =
      `PATCH ${location} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nAuthorization: Bearer ${user.token}\r\n` +
      `Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: ${source.length}\r\n\r\n`;
    const out = await rawRequest(server.url, Buffer.concat([Buffer.from(head), first]), {
      trickle: source.subarray(4096),
      everyMs: 100,
      giveUpMs: 20_000,
    });
    expect(out.closedAfterMs).toBeLessThan(10_000);

    const tusHeaders = { 'tus-resumable': '1.0.0', authorization: `Bearer ${user.token}` };
    // The part is stored after the cut; give the server a moment to file it.
    let offset = 0;
    for (let i = 0; i < 50 && offset < 4096; i++) {
      const h = await fetch(`${server.url}${location}`, { method: 'HEAD', headers: tusHeaders });
      offset = Number(h.headers.get('upload-offset'));
      if (offset < 4096) await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThanOrEqual(4096);
    expect(offset).toBeLessThan(source.length);

    const rest = await fetch(`${server.url}${location}`, {
      method: 'PATCH',
      headers: { ...tusHeaders, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
      body: source.subarray(offset) as unknown as BodyInit,
    });
    expect(rest.status).toBe(204);
    const mediaId = rest.headers.get('media-id')!;
    const file = await fetchBytes(server, `/media/${mediaId}`, user.token);
    expect(sha256(file.bytes)).toBe(sha256(source));
  }, 30_000);
});

describe('framework errors are problem+json (item 15)', () => {
  it('an oversized header → 431 request.header_too_large', async () => {
    const out = await rawRequest(server.url, `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(out.status).toBe(431);
    expect(out.text).toMatch(/content-type: application\/problem\+json/i);
    expect(out.body).toMatchObject({ status: 431, code: 'request.header_too_large' });
  });

  it('a request that is not HTTP → 400 request.bad', async () => {
    const out = await rawRequest(server.url, 'HELLO THERE\r\n\r\n');
    expect(out.status).toBe(400);
    expect(out.body).toMatchObject({ status: 400, code: 'request.bad' });
  });

  it('a path parameter longer than the router allows → 414 request.url_too_long', async () => {
    const res = await server.api('GET', `/users/${'a'.repeat(150)}`);
    expectProblem(res, 414, 'request.url_too_long');
  });

  it('bad percent-encoding in the path → 400 request.bad_url', async () => {
    const res = await server.api('GET', '/users/%zz');
    expectProblem(res, 400, 'request.bad_url');
  });
});

describe('avatars (item 14)', () => {
  it('GET /avatars/ with a name of dashes → 404 media.not_found, not a 500', async () => {
    const res = await server.api('GET', `/avatars/${'-'.repeat(36)}.webp`);
    expectProblem(res, 404, 'media.not_found');
    expectProblem(await server.api('GET', `/avatars/-${'0'.repeat(35)}.webp`), 404, 'media.not_found');
  });
});

describe('problem bodies', () => {
  it('instance leaves out the query string (no ?token= echoed back)', async () => {
    const res = await server.api('GET', '/media/01900000-0000-7000-8000-000000000000?token=secret-token-value');
    expect(res.status).toBe(401);
    expect(res.body.instance).toBe('/api/v1/media/01900000-0000-7000-8000-000000000000');
    expect(JSON.stringify(res.body)).not.toContain('secret-token-value');
    const missing = await server.api('GET', '/no-such-route?token=secret-token-value');
    expect(JSON.stringify(missing.body)).not.toContain('secret-token-value');
  });
});

describe('Content-Security-Policy', () => {
  const directives = (h: Headers) =>
    (h.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);

  it("API and media responses carry default-src 'none' and frame-ancestors 'none'", async () => {
    const health = await server.api('GET', '/health');
    expect(directives(health.headers)).toEqual(["default-src 'none'", "frame-ancestors 'none'"]);
    const user = await server.register('Csp Checker');
    const form = new FormData();
    form.append('file', new Blob([mp4Bytes(4096) as unknown as BlobPart]), 'clip.mp4');
    const up = await fetch(`${server.url}/api/v1/media/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}` },
      body: form,
    });
    const { media } = await up.json();
    const file = await fetchBytes(server, `/media/${media.id}`, user.token);
    expect(file.status).toBe(200);
    expect(directives(file.headers)).toEqual(["default-src 'none'", "frame-ancestors 'none'"]);
    const notFound = await server.api('GET', '/nothing-here');
    expect(directives(notFound.headers)).toEqual(["default-src 'none'", "frame-ancestors 'none'"]);
  });

  it('the docs page gets a policy that lets it load its own scripts and styles, and they load', async () => {
    const page = await fetch(`${server.url}/docs/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/style-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(3);
    for (const asset of assets) {
      // Only same-origin, relative assets: 'self' covers them.
      expect(asset).toMatch(/^\.\/static\//);
      const res = await fetch(new URL(asset, `${server.url}/docs/`));
      expect(res.status, asset).toBe(200);
    }
    const spec = await fetch(`${server.url}/docs/json`);
    expect(spec.status).toBe(200);
  });
});

describe('CORS', () => {
  const preflight = (s: TestServer, origin: string) =>
    fetch(`${s.url}/api/v1/auth/login`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('outside production any origin may call, without credentials (auth is a bearer header)', async () => {
    const res = await preflight(server, 'https://anywhere.example');
    expect(res.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/anywhere\.example)$/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const get = await server.api('GET', '/health', { headers: { origin: 'https://anywhere.example' } });
    expect(get.headers.get('access-control-allow-credentials')).toBeNull();
    const sio = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://anywhere.example' } });
    expect(sio.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/anywhere\.example)$/);
    expect(sio.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('in production without CORS_ORIGINS no cross-origin access; with a list only those origins', async () => {
    const [closed, listed] = await Promise.all([
      TestServer.start({ NODE_ENV: 'production' }),
      TestServer.start({ NODE_ENV: 'production', CORS_ORIGINS: 'https://chat.example.com, https://admin.example.com' }),
    ]);
    try {
      expect((await preflight(closed, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      const sioClosed = await fetch(`${closed.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://evil.example' } });
      expect(sioClosed.headers.get('access-control-allow-origin')).toBeNull();

      expect((await preflight(listed, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      const ok = await preflight(listed, 'https://admin.example.com');
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
      expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
      const sio = await fetch(`${listed.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://chat.example.com' } });
      expect(sio.headers.get('access-control-allow-origin')).toBe('https://chat.example.com');
      expect(sio.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await Promise.all([closed.close(), listed.close()]);
    }
  }, 90_000);

  it('a CORS_ORIGINS entry that is not an origin stops the start with a message naming it', async () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'chat.example.com/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://chat.example.com/' })).toThrow(/CORS_ORIGINS/);
    expect(loadConfig({ CORS_ORIGINS: 'https://chat.example.com,http://localhost:5173' }).CORS_ORIGINS).toBeDefined();
  });
});
