import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Sdk from '@parley/client';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrowserHarness } from './helpers/browser.js';
import { newAccount, type Account } from './helpers/sdk.js';
import { TestServer } from './helpers/server.js';

/**
 * The SDK's browser build (packages/client/scripts/bundle.mjs) in Debian's Chromium: pages on
 * another origin than the server import dist/browser/parley-client.js and use it as an app would.
 */

interface Sizes {
  raw: number;
  min: number;
  minGzip: number;
}
interface BundleSize {
  'parley-client': Sizes;
  lazyChunks: { file: string; min: number }[];
  'socket.io-client': Sizes;
}
type BundleClient = (opts: { entry?: string; outdir: string }) => Promise<{ size: BundleSize }>;

/** What a test page holds: the bundle's exports, and the one client it runs with what it delivered. */
interface PageWindow {
  parley: Pick<typeof Sdk, 'createParleyClient' | 'webStorage' | 'indexedDbStorage'>;
  client: Sdk.ParleyClient;
  seen: Sdk.Message[];
  signedOut: string[];
}

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>parley-client in a browser</title>
<script type="module">
  import { createParleyClient, webStorage, indexedDbStorage } from './parley-client.js';
  window.parley = { createParleyClient, webStorage, indexedDbStorage };
</script>
`;

const bundleScript = path.resolve(import.meta.dirname, '../packages/client/scripts/bundle.mjs');
let outdir = '';
let server: TestServer;
let harness: BrowserHarness;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-browser-'));
  const { bundleClient } = (await import(bundleScript)) as { bundleClient: BundleClient };
  await bundleClient({ outdir });
  fs.writeFileSync(path.join(outdir, 'index.html'), PAGE);
  [server, harness] = await Promise.all([TestServer.start(), BrowserHarness.start(outdir)]);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await harness?.close();
  await server?.close();
  fs.rmSync(outdir, { recursive: true, force: true });
});

async function newContext(): Promise<BrowserContext> {
  const context = await harness.browser.newContext();
  contexts.push(context);
  return context;
}

/** A tab with the bundle loaded (`window.parley`). */
async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${harness.origin}/`);
  await page.waitForFunction(() => 'parley' in window);
  return page;
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'parley' in window);
}

/** Starts the page's client on its storage: signed up as `account`, or else with the session stored there. Returns its userId. */
function startClient(page: Page, storage: 'localStorage' | 'indexedDB', account?: Account): Promise<string | undefined> {
  return page.evaluate(
    async ({ url, storage, account }) => {
      const w = window as unknown as PageWindow;
      const { createParleyClient, webStorage, indexedDbStorage } = w.parley;
      const client = createParleyClient({
        url,
        storage: storage === 'localStorage' ? webStorage() : indexedDbStorage(),
        ackTimeoutMs: 5_000,
      });
      Object.assign(w, { client, seen: [], signedOut: [] });
      client.on('message', (m) => w.seen.push(m));
      client.on('signedOut', (reason) => w.signedOut.push(reason.code));
      if (account) await client.register(account);
      else await client.ready;
      return client.userId;
    },
    { url: server.url, storage, account },
  );
}

const connect = (page: Page) => page.evaluate(() => (window as unknown as PageWindow).client.connect());

function openChat(page: Page, userId: string): Promise<string> {
  return page.evaluate(async (userId) => {
    const { data } = await (window as unknown as PageWindow).client.rest.POST('/conversations', { body: { userId } });
    return data!.conversation.id;
  }, userId);
}

function send(page: Page, conversationId: string, text: string): Promise<Sdk.Message> {
  return page.evaluate(({ conversationId, text }) => (window as unknown as PageWindow).client.send(conversationId, { text }), {
    conversationId,
    text,
  });
}

/** Resolves once the page's client has delivered a message with `text` through `on('message')`. */
async function delivered(page: Page, text: string): Promise<void> {
  await page.waitForFunction((text) => (window as unknown as PageWindow).seen.some((m) => m.text === text), text, { timeout: 15_000 });
}

const texts = (page: Page) => page.evaluate(() => (window as unknown as PageWindow).seen.map((m) => m.text));

describe('@parley/client in Chromium (the browser build)', () => {
  it('two users in two browsers (localStorage, IndexedDB) hear each other; send resolves with the stored seq', async () => {
    const [a, b] = await Promise.all([newContext().then(openPage), newContext().then(openPage)]);
    const bId = (await startClient(b, 'indexedDB', newAccount('Bea Browser')))!;
    const aId = (await startClient(a, 'localStorage', newAccount('Al Browser')))!;
    const chat = await openChat(a, bId);
    await Promise.all([connect(a), connect(b)]);

    const fromA = await send(a, chat, 'hello from localStorage');
    await delivered(b, 'hello from localStorage');
    const fromB = await send(b, chat, 'hello from IndexedDB');
    await delivered(a, 'hello from IndexedDB');

    expect(fromA).toMatchObject({ seq: 1, senderId: aId, conversationId: chat });
    expect(fromB).toMatchObject({ seq: 2, senderId: bId, conversationId: chat });
    expect(await texts(a)).toEqual(['hello from localStorage', 'hello from IndexedDB']);
    expect(await texts(b)).toEqual(['hello from localStorage', 'hello from IndexedDB']);
  });

  it('a send made before connecting survives a reload (outbox and session in IndexedDB) and arrives once', async () => {
    const [sender, reader] = await Promise.all([newContext().then(openPage), newContext().then(openPage)]);
    const readerId = (await startClient(reader, 'localStorage', newAccount('Rae Reader')))!;
    const senderId = await startClient(sender, 'indexedDB', newAccount('Sid Sender'));
    const chat = await openChat(sender, readerId);
    await connect(reader);

    // Never connected: the send waits in the outbox; the status event comes once it is stored.
    const clientMessageId = await sender.evaluate(async (chat) => {
      const { client } = window as unknown as PageWindow;
      const stored = new Promise<void>((resolve) => client.on('status', (s) => s.pending === 1 && resolve()));
      const pending = client.send(chat, { text: 'written before the reload' });
      pending.catch(() => {}); // the page goes away before the ack
      await stored;
      return pending.clientMessageId;
    }, chat);

    await reload(sender);
    const afterReload: string[] = [];
    sender.on('request', (r) => afterReload.push(`${r.method()} ${new URL(r.url()).pathname}`));
    expect(await startClient(sender, 'indexedDB')).toBe(senderId);
    expect(await sender.evaluate(() => (window as unknown as PageWindow).client.pending.map((e) => e.clientMessageId))).toEqual([
      clientMessageId,
    ]);
    await connect(sender);
    await delivered(reader, 'written before the reload');
    await sender.waitForFunction(() => (window as unknown as PageWindow).client.status.pending === 0);
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive by now

    expect(await texts(reader)).toEqual(['written before the reload']);
    const stored = await reader.evaluate((chat) => (window as unknown as PageWindow).client.messages.list(chat), chat);
    expect(stored.messages.map((m) => [m.clientMessageId, m.text])).toEqual([[clientMessageId, 'written before the reload']]);
    expect(afterReload.filter((r) => /\/auth\/(login|register|verify-otp)$/.test(r))).toEqual([]);
  });

  it('two tabs sharing a session in localStorage refresh it at once: one refresh, and it stays valid in both', async () => {
    const context = await newContext();
    const [tab1, tab2] = [await openPage(context), await openPage(context)];
    const userId = await startClient(tab1, 'localStorage', newAccount('Tab Tess'));
    // A token signed in the same second as this one would be the same string: let the refresh's be newer.
    await new Promise((r) => setTimeout(r, 1_100));
    // The stored access token expired (as the session records it): both tabs' clients will refresh first.
    const before = await tab1.evaluate(async () => {
      await (window as unknown as PageWindow).client.close();
      const session = JSON.parse(localStorage.getItem('parley:session')!) as { refreshToken: string; expiresAt: number };
      localStorage.setItem('parley:session', JSON.stringify({ ...session, expiresAt: Date.now() - 1_000 }));
      return session.refreshToken;
    });
    const refreshes: string[] = [];
    for (const tab of [tab1, tab2]) tab.on('request', (r) => r.url().endsWith('/auth/refresh-token') && refreshes.push(r.method()));
    expect(await Promise.all([startClient(tab1, 'localStorage'), startClient(tab2, 'localStorage')])).toEqual([userId, userId]);

    const me = (tab: Page, at: number) =>
      tab.evaluate(async (at) => {
        const { client, signedOut } = window as unknown as PageWindow;
        await new Promise((r) => setTimeout(r, at - Date.now())); // both tabs ask at the same moment
        const { data, response } = await client.rest.GET('/auth/me');
        return { status: response.status, userId: data?.user.id, signedOut };
      }, at);
    const at = Date.now() + 300;
    expect(await Promise.all([me(tab1, at), me(tab2, at)])).toEqual([
      { status: 200, userId, signedOut: [] },
      { status: 200, userId, signedOut: [] },
    ]);
    expect(refreshes).toEqual(['POST']);
    const after = await tab2.evaluate(() => JSON.parse(localStorage.getItem('parley:session')!) as { refreshToken: string });
    expect(after.refreshToken).not.toBe(before);
    // Still valid afterwards (a refresh token used twice would have revoked the session).
    expect(await Promise.all([me(tab1, Date.now()), me(tab2, Date.now())])).toEqual([
      { status: 200, userId, signedOut: [] },
      { status: 200, userId, signedOut: [] },
    ]);
  });

  it('the bundle stays small: below 3 × socket.io-client alone (min+gzip), tus-js-client in a lazy chunk', () => {
    const size = JSON.parse(fs.readFileSync(path.join(outdir, 'size.json'), 'utf8')) as BundleSize;
    const line = (s: Sizes) => `${s.raw} B raw, ${s.min} B min, ${s.minGzip} B min+gzip`;
    console.log(`parley-client: ${line(size['parley-client'])}; socket.io-client alone: ${line(size['socket.io-client'])}`);
    expect(size['parley-client'].minGzip).toBeLessThan(3 * size['socket.io-client'].minGzip);
    expect(size['parley-client'].minGzip).toBeGreaterThan(size['socket.io-client'].minGzip);
    expect(size.lazyChunks.length).toBeGreaterThanOrEqual(1);
  });

  it('the browser build fails on a Node-only import', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-node-only-'));
    fs.writeFileSync(path.join(dir, 'entry.ts'), "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n");
    const { bundleClient } = (await import(bundleScript)) as { bundleClient: BundleClient };
    await expect(bundleClient({ entry: path.join(dir, 'entry.ts'), outdir: path.join(dir, 'out') })).rejects.toThrow(
      /Node-only module "node:fs" imported by/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
