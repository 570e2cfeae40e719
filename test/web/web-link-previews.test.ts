import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../helpers/messages.js';
import { TestServer, type TestUser } from '../helpers/server.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * The link preview card in the reference web client (packages/web/src/conversation/LinkPreviewCard.tsx):
 * Ada sends a link to a local origin (reached through OUTBOUND_ALLOWED_URLS); Bo's open chat shows the
 * card once the server fetched it, its image from Parley's media URL (the browser never asks the origin).
 */

let server: TestServer;
let browser: Browser;
let origin: http.Server;
let base = '';
const hits: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  const png = await sharp({ create: { width: 80, height: 80, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .png()
    .toBuffer();
  origin = http.createServer((req, res) => {
    hits.push(req.url!);
    if (req.url === '/cover.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<html><head><meta property="og:title" content="Parley ships previews"><meta property="og:site_name" content="The Origin">
       <meta name="description" content="A card under the message"><meta property="og:image" content="/cover.png"></head></html>`,
    );
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  [server, browser] = await Promise.all([TestServer.start({ OUTBOUND_ALLOWED_URLS: `${base}/` }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  origin?.closeAllConnections();
  await new Promise((r) => origin?.close(r));
});

async function signIn(user: TestUser, chatId: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems, user.name);
  await page.goto(`${server.url}/chat/${chatId}`);
  await page.getByLabel('Email or username', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('list', { name: 'Messages' }).waitFor();
  return page;
}

describe('web client: link previews', () => {
  it('shows the preview card under the message, its image served by Parley', async () => {
    const [ada, bo] = await server.registerAll('Ada Linker', 'Bo Reader');
    const chatId = await server.directChat(ada!, bo!);
    const page = await signIn(bo!, chatId);
    await send(server, ada!, chatId, `have a look ${base}/post`);
    const card = page.getByRole('link', { name: 'Link preview: Parley ships previews' });
    await card.waitFor();
    expect(await card.getAttribute('href')).toBe(`${base}/post`);
    await expect.poll(() => card.textContent()).toContain('A card under the message');
    const img = card.locator('img');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    // One fetch of each, by the server: the browser never contacted the origin.
    expect(hits.filter((h) => h === '/post')).toHaveLength(1);
    expect(hits.filter((h) => h === '/cover.png')).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
