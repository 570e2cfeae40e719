import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../helpers/server.js';

/**
 * The reference web client (packages/web/dist, built by test/web/globalSetup.ts when stale) as the server
 * serves it at `/`: pages under their own policy, hashed assets cached for good, the app's own paths
 * answered with its page, and the API's unknown paths still problem+json.
 */

const page = (server: TestServer, path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
const directives = (res: Response) => (res.headers.get('content-security-policy') ?? '').split(/;\s*/).filter(Boolean);

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await res.json()).toMatchObject({ code });
}

describe('the web client at /', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server?.close());

  it('serves index.html, revalidated on every load, under a policy that lets the app run and nothing else', async () => {
    const res = await page(server, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(directives(res)).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self' ws: wss:",
        "img-src 'self' data: blob:",
        "frame-ancestors 'none'",
      ]),
    );
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves its hashed assets as immutable, with their types', async () => {
    const html = await (await page(server, '/')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const res = await page(server, asset);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type'), asset).toMatch(
        asset.endsWith('.js') ? /^text\/javascript|^application\/javascript/ : /^text\/css/,
      );
    }
    await expectProblem(await page(server, '/assets/index-00000000.js'), 404, 'route.not_found');
  });

  it('sends the brotli or gzip copy to a browser that takes it, the same bytes once decoded', async () => {
    const html = await (await page(server, '/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const plain = await (await page(server, script, { headers: { 'accept-encoding': 'identity' } })).text();
    for (const encoding of ['br', 'gzip']) {
      const res = await page(server, script, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await res.text()).toBe(plain); // fetch decodes it
    }
    const page1 = await page(server, '/chat/x', { headers: { 'accept-encoding': 'br' } });
    expect(page1.headers.get('content-encoding')).toBe('br');
    expect(await page1.text()).toBe(html);
  });

  it("answers the app's own paths (a reload on a chat) with its page, and HEAD like GET", async () => {
    for (const path of ['/chat/01900000-0000-7000-8000-000000000000', '/anything/else']) {
      const res = await page(server, path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('<div id="root">');
    }
    const head = await page(server, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('leaves the API and the server paths alone: unknown ones stay problem+json 404 under the API policy', async () => {
    // (/socket.io/ is Engine.IO's: it answers there before any route.)
    for (const path of ['/api/v1/nope', '/api/nope', '/api', '/.well-known/nope', '/metrics', '/docs/nope.js']) {
      const res = await page(server, path);
      await expectProblem(res, 404, 'route.not_found');
      expect(directives(res), path).toEqual(["default-src 'none'", "frame-ancestors 'none'"]);
    }
    await expectProblem(await page(server, '/', { method: 'POST' }), 404, 'route.not_found');
    expect((await server.api('GET', '/health')).status).toBe(200);
  });

  it('serves nothing outside its folder', async () => {
    for (const path of ['/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/package.json']) {
      const res = await page(server, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(await res.text(), path).not.toContain('"workspaces"');
    }
  });
});

describe('WEB_CLIENT=off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ WEB_CLIENT: 'off' });
  });
  afterAll(() => server?.close());

  it('serves the API alone: / is an unknown route', async () => {
    await expectProblem(await page(server, '/'), 404, 'route.not_found');
    await expectProblem(await page(server, '/chat/x'), 404, 'route.not_found');
    expect((await server.api('GET', '/health')).status).toBe(200);
  });
});
