import path from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PushService, type TestSubscription } from '../helpers/pushService.js';
import { next, TestServer, type TestUser } from '../helpers/server.js';
import { axeCheck } from './axe.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * Notifications in the web client, in Debian's Chromium, against a real server whose push worker
 * sends to a local Web Push service (test/helpers/pushService.ts: it checks VAPID and decrypts the
 * aes128gcm body as a real one must).
 *
 * What cannot be real here: headless Chromium refuses `pushManager.subscribe` ("AbortError:
 * Registration failed - permission denied", even with the notifications and push permissions
 * granted; its push goes through Google's service, which it has no access to). So the page's
 * `PushManager` is stubbed to hand out a subscription of the local service (real P-256 keys), and
 * everything else is real: the app's "Turn on notifications", the SDK's registration, the server's
 * device list and its encrypted push. What the local service decrypts is then delivered to the real
 * service worker through the DevTools protocol (`ServiceWorker.deliverPushMessage`), which is what
 * a push service's delivery ends in, and the notification it shows is read back from the page.
 * Also: the per-chat settings, and axe-core's checks of the main screens (no serious or critical
 * violation, light mode). PGlite project only.
 */

let service: PushService;
let server: TestServer;
let browser: Browser;
let ada: TestUser;
let bo: TestUser;
let chatId: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const screenshots = path.resolve(import.meta.dirname, '../../docs/screenshots');

beforeAll(async () => {
  service = await PushService.start();
  [server, browser] = await Promise.all([TestServer.start({ OUTBOUND_ALLOWED_URLS: `${service.origin}/` }), launchChromium()]);
  [ada, bo] = await server.registerAll('Ada Lovelace', 'Bo Diddley');
  chatId = await server.directChat(bo, ada);
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await service?.close();
});

/**
 * In the page: a PushManager that hands out the local service's subscription (see the file's comment for
 * why). A browser keeps a subscription across page loads: so does this one (sessionStorage).
 */
function stubPushManager(sub: { endpoint: string; keys: { p256dh: string; auth: string } }): void {
  const made = (key: number[]) =>
    ({
      endpoint: sub.endpoint,
      options: { applicationServerKey: new Uint8Array(key).buffer, userVisibleOnly: true },
      toJSON: () => ({ endpoint: sub.endpoint, keys: sub.keys }),
      unsubscribe: () => (sessionStorage.removeItem('test:push-key'), Promise.resolve(true)),
    }) as unknown as PushSubscription;
  const stored = () => {
    const key = window.location.protocol === 'about:' ? null : sessionStorage.getItem('test:push-key');
    return key ? made(JSON.parse(key) as number[]) : null;
  };
  PushManager.prototype.getSubscription = () => Promise.resolve(stored());
  PushManager.prototype.subscribe = (options?: PushSubscriptionOptionsInit) => {
    sessionStorage.setItem('test:push-key', JSON.stringify([...(options?.applicationServerKey as Uint8Array)]));
    return Promise.resolve(stored()!);
  };
}

async function openPage(): Promise<Page> {
  const p = await context.newPage();
  p.setDefaultTimeout(10_000);
  watchPage(p, problems);
  return p;
}

async function signIn(p: Page, user: TestUser): Promise<void> {
  await p.goto(server.url);
  await axeCheck(p, 'sign in');
  await p.getByLabel('Email or username', { exact: true }).fill(user.email);
  await p.getByLabel('Password', { exact: true }).fill(user.password);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await p.getByRole('region', { name: 'Chats' }).waitFor();
}

/** The id of the page origin's service worker registration, from the DevTools protocol. */
async function registrationId(cdp: CDPSession): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const r = registrations.find((x) => x.scopeURL === `${server.url}/` && !x.isDeleted);
      if (r) resolve(r.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

const shownNotifications = (p: Page) =>
  p.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
  });

describe('notifications in the web client', () => {
  it('turns push on (the server lists the device), and a message to her while away is shown by the service worker', async () => {
    const worker = await fetch(`${server.url}/sw.js`);
    expect(worker.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache'); // a new sw.js is seen on the next visit

    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await context.grantPermissions(['notifications'], { origin: server.url });
    const sub: TestSubscription = service.subscribe();
    await context.addInitScript(stubPushManager, { endpoint: sub.endpoint, keys: sub.keys });
    page = await openPage();
    await signIn(page, ada);
    await axeCheck(page, 'chat list');

    await page.getByRole('button', { name: 'Notifications', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Notifications' });
    await settings.getByText('Off in this browser.').waitFor();
    await axeCheck(page, 'notification settings');
    await settings.getByRole('button', { name: 'Turn on notifications' }).click();
    await settings.getByRole('status').filter({ hasText: /^On:/ }).waitFor();
    const devices = await server.api('GET', '/push/devices', { token: ada.token });
    expect(devices.body.devices.map((d: any) => d.platform)).toEqual(['webpush']);

    // Previews: "Name only" is the account's setting; back to "Name and message" for the push below.
    await settings.getByLabel('Name only').check();
    await expect.poll(async () => (await server.api('GET', '/push/settings', { token: ada.token })).body.previews).toBe('name');
    await settings.getByLabel('Name and message').check();
    await expect.poll(async () => (await server.api('GET', '/push/settings', { token: ada.token })).body.previews).toBe('full');
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Notifications');

    // Ada leaves (no socket: she is pushed to); Bo writes; the server's push reaches the local service.
    const cdp = await context.newCDPSession(page);
    const registration = await registrationId(cdp);
    const boSocket = await server.socket(bo.token);
    const offline = next(boSocket, 'user:offline', (p) => p.userId === ada.id);
    await page.goto('about:blank');
    await offline;
    await server.api('POST', `/conversations/${chatId}/messages`, { token: bo.token, body: { text: 'Are you there, Ada?' } });
    await service.waitFor(() => service.delivered(sub).length === 1);
    const pushed = service.delivered(sub)[0]!.payload;
    expect(pushed).toMatchObject({ conversationId: chatId, title: 'Bo Diddley', body: 'Are you there, Ada?' });

    // What the push service delivers, the service worker shows: title, body, one per chat (tag).
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId: registration, data: JSON.stringify(pushed) });
    await page.goto(server.url);
    await expect.poll(() => shownNotifications(page)).toEqual([{ title: 'Bo Diddley', body: 'Are you there, Ada?', tag: chatId }]);
  });

  it('a shown notification is closed once its chat is read on another device', async () => {
    await page
      .getByRole('region', { name: 'Chats' })
      .getByRole('link', { name: /Bo Diddley/ })
      .filter({ hasText: '1 unread' })
      .waitFor();
    expect(await shownNotifications(page)).toHaveLength(1);
    const read = await server.api('POST', `/conversations/${chatId}/read`, { token: ada.token, body: {} });
    expect(read.status).toBe(200);
    await expect.poll(() => shownNotifications(page)).toEqual([]);
  });

  it('per chat: which messages notify, mute for 8 hours / always, unmute; the chat list marks a muted chat', async () => {
    const item = page.getByRole('region', { name: 'Chats' }).getByRole('link', { name: /Bo Diddley/ });
    await item.click();
    await page.getByRole('list', { name: 'Messages' }).getByText('Are you there, Ada?').waitFor();
    await axeCheck(page, 'conversation');
    const listed = async () => (await server.api('GET', `/conversations/${chatId}`, { token: ada.token })).body.conversation;

    await page.getByRole('button', { name: 'Chat notifications' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chat notifications' });
    await dialog.getByText('Not muted').waitFor();
    if (process.env.WRITE_SCREENSHOTS === '1') await page.screenshot({ path: path.join(screenshots, 'desktop-chat-notifications.png') });
    await axeCheck(page, 'chat notifications');
    await dialog.getByLabel('Only mentions of me').check();
    await expect.poll(async () => (await listed()).notifications).toBe('mentions');

    await dialog.getByRole('button', { name: 'Mute for 8 hours' }).click();
    await dialog.getByText(/^Muted until /).waitFor();
    const until = Date.parse((await listed()).mutedUntil);
    expect(Math.abs(until - Date.now() - 8 * 3_600_000)).toBeLessThan(60_000);
    await item.getByText('Muted', { exact: true }).waitFor();

    await dialog.getByRole('button', { name: 'Unmute' }).click();
    await dialog.getByText('Not muted').waitFor();
    expect(await item.getByText('Muted', { exact: true }).count()).toBe(0);
    expect(await listed()).toMatchObject({ isMuted: false, mutedUntil: null });

    await dialog.getByRole('button', { name: 'Mute always' }).click();
    await dialog.getByText('Muted', { exact: true }).waitFor();
    expect(await listed()).toMatchObject({ isMuted: true, mutedUntil: null });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await item.getByText('Muted', { exact: true }).waitFor();
  });

  it('turning push off removes the device from the server', async () => {
    await page.getByRole('button', { name: 'Notifications', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Notifications' });
    await settings.getByRole('button', { name: 'Turn off notifications' }).click();
    await settings.getByText('Off in this browser.').waitFor();
    expect((await server.api('GET', '/push/devices', { token: ada.token })).body.devices).toEqual([]);
  });
});
