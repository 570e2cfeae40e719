import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Lookup } from '../src/lib/outbound.js';
import { history, send } from './helpers/messages.js';
import { next, settle, syncEvents, TestServer, type TestUser } from './helpers/server.js';

/**
 * Link previews through the front door: a real server, a local origin reached through
 * OUTBOUND_ALLOWED_URLS, and a DNS table (real DNS is not available) for names that must be refused.
 */

let server: TestServer;
let origin: http.Server;
let base = '';
let alice: TestUser;
let bob: TestUser;
let chat: string;
const hits: string[] = [];

const page = (title: string, image?: string) =>
  `<!doctype html><html><head><title>Plain ${title}</title>
   <meta property="og:title" content="${title}"><meta property="og:description" content="About &amp; more">
   <meta property="og:site_name" content="Origin">${image ? `<meta property="og:image" content="${image}">` : ''}
   </head><body><p>hello</p></body></html>`;

/** Public-looking names the table answers: one pointing at loopback (a rebinding answer), one public. */
const lookup: Lookup = async (host) => {
  const table: Record<string, string> = { 'rebind.test': '127.0.0.1', 'public.test': '93.184.216.34' };
  const address = table[host];
  if (!address) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

beforeAll(async () => {
  const png = await sharp({ create: { width: 64, height: 32, channels: 3, background: { r: 200, g: 50, b: 50 } } })
    .png()
    .toBuffer();
  origin = http.createServer((req, res) => {
    hits.push(req.url!);
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    switch (req.url) {
      case '/article':
        return html(page('An article', '/cover.png'));
      case '/cover.png':
        return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      case '/second':
        return html(page('Second page'));
      case '/hop':
        return res.writeHead(302, { location: '/second' }).end();
      case '/to-metadata':
        return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      case '/r1':
      case '/r2':
      case '/r3':
      case '/r4':
        return res.writeHead(302, { location: `/r${Number(req.url.slice(2)) + 1}` }).end();
      case '/r5':
        return html(page('Too far'));
      case '/huge':
        return html(page('Huge') + 'x'.repeat(600 * 1024));
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><head>');
        return setTimeout(() => res.end(page('Slow')), 3000).unref();
      case '/json':
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"no"}');
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  server = await TestServer.start({ OUTBOUND_ALLOWED_URLS: `${base}/`, LINK_PREVIEW_TIMEOUT_MS: '1000' }, { deps: { lookup } });
  [alice, bob] = await Promise.all([server.register('Alice'), server.register('Bob')]);
  chat = await server.directChat(alice, bob);
}, 60_000);
afterAll(async () => {
  await server?.close();
  origin?.closeAllConnections();
  await new Promise((r) => origin?.close(r));
});

/** The message as `bob` sees it once `done` says so (the worker runs after the send). */
async function eventually(messageId: string, done: (m: any) => boolean, ms = 8000): Promise<any> {
  const until = Date.now() + ms;
  for (;;) {
    const m = (await history(server, bob, chat)).find((x) => x.id === messageId);
    if (done(m) || Date.now() > until) return m;
    await settle(100);
  }
}

describe('link previews', () => {
  it('fetches the first URL once, after the send, and members hear message:updated with linkPreview', async () => {
    const s = await server.socket(bob.token);
    const updated = next<any>(s, 'message:updated', (p) => p.message.linkPreview !== null, 8000);
    const sent = await send(server, alice, chat, `look: ${base}/article. and ${base}/second`);
    expect(sent.linkPreview).toBeNull();
    const { message } = await updated;
    expect(message.id).toBe(sent.id);
    expect(message.linkPreview).toMatchObject({
      url: `${base}/article`,
      title: 'An article',
      description: 'About & more',
      siteName: 'Origin',
      image: { width: 64, height: 32 },
    });
    // The image is Parley's: recipients fetch it from the server, with their token.
    const img = await fetch(`${server.url}${message.linkPreview.image.url}`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toMatch(/^image\//);
    expect(hits.filter((h) => h === '/article')).toHaveLength(1);
    expect(hits).not.toContain('/second');
    // Sync replays it.
    const replayed = (await syncEvents(server, bob)).filter((e) => e.type === 'message:updated' && e.payload.message.id === sent.id);
    expect(replayed.at(-1).payload.message.linkPreview.title).toBe('An article');
    s.disconnect();
  });

  it('follows a redirect (checked again) and refetches when an edit changes the URL', async () => {
    const sent = await send(server, alice, chat, `${base}/hop`);
    expect((await eventually(sent.id, (m) => m.linkPreview))?.linkPreview?.title).toBe('Second page');
    const edited = await server.api('PATCH', `/messages/${sent.id}`, { token: alice.token, body: { text: `now ${base}/article` } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.message.linkPreview).toBeNull();
    expect((await eventually(sent.id, (m) => m.linkPreview?.title === 'An article'))?.linkPreview?.title).toBe('An article');
    const noUrl = await server.api('PATCH', `/messages/${sent.id}`, { token: alice.token, body: { text: 'no link any more' } });
    expect(noUrl.body.message.linkPreview).toBeNull();
  });

  it('goes with a message deleted for everyone', async () => {
    const sent = await send(server, alice, chat, `${base}/article`);
    await eventually(sent.id, (m) => m.linkPreview);
    const del = await server.api('DELETE', `/messages/${sent.id}?for=everyone`, { token: alice.token });
    expect(del.status, JSON.stringify(del.body)).toBeLessThan(300);
    const m = (await history(server, bob, chat)).find((x) => x.id === sent.id);
    expect(m.linkPreview).toBeNull();
  });

  it('refuses loopback by DNS, a redirect to the metadata address, integer and mapped IPv6 hosts, port 8080, too many redirects, huge, slow and non-html bodies', async () => {
    const refused = [
      'http://rebind.test/',
      `${base}/to-metadata`,
      'http://2130706433/',
      'http://[::ffff:127.0.0.1]/',
      'http://public.test:8080/',
      `${base}/r1`,
      `${base}/huge`,
      `${base}/slow`,
      `${base}/json`,
    ];
    const sent = [];
    for (const url of refused) sent.push(await send(server, alice, chat, `see ${url}`));
    // Handled in order: once a good one after them has its preview, they have all been tried.
    const marker = await send(server, alice, chat, `${base}/second`);
    expect((await eventually(marker.id, (m) => m.linkPreview, 15_000))?.linkPreview?.title).toBe('Second page');
    // Batches are fetched concurrently: the refused ones may still be finishing when the marker's preview lands.
    await vi.waitFor(() => expect(hits).toEqual(expect.arrayContaining(['/huge', '/slow', '/json', '/r4'])), { timeout: 10_000 });
    expect(hits).not.toContain('/r5');
    await settle(1500); // past the slow body's 1 s limit
    const shown = await history(server, bob, chat);
    for (const m of sent) expect(shown.find((x) => x.id === m.id).linkPreview, m.text).toBeNull();
  }, 30_000);

  it('is off with LINK_PREVIEWS=off', async () => {
    const off = await TestServer.start({ OUTBOUND_ALLOWED_URLS: `${base}/`, LINK_PREVIEWS: 'off' });
    try {
      const [a, b] = await Promise.all([off.register('A'), off.register('B')]);
      const c = await off.directChat(a, b);
      const before = hits.length;
      const sent = await send(off, a, c, `${base}/article`);
      await settle(800);
      expect((await history(off, b, c)).find((x) => x.id === sent.id).linkPreview).toBeNull();
      expect(hits.length).toBe(before);
    } finally {
      await off.close();
    }
  });
});
