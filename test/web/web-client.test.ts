import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../helpers/server.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * The reference web client (packages/web) in Debian's Chromium, served by a real server at `/`: two
 * people, each in their own browser context, driving it only through the names the contract gives its
 * controls (API.md, "The reference web client"): "Create account", "New chat", "Search people",
 * "Message", "Send", the region "Chats", the list "Messages", each own message's "Sent" / "Delivered" /
 * "Read". One browser for the file; the cases run in order and share the two people. PGlite project only.
 * WRITE_SCREENSHOTS=1 also writes docs/screenshots/ (phone 390x844, desktop 1280x800, and the desktop in dark).
 */

interface Person {
  name: string;
  email: string;
  password: string;
  context: BrowserContext;
  page: Page;
}

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const screenshots = path.resolve(import.meta.dirname, '../../docs/screenshots');

let server: TestServer;
let browser: Browser;
let ada: Person;
let bo: Person;
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([TestServer.start(), launchChromium()]);
});

afterEach(() => {
  // Errors thrown in the page, and anything the page's Content-Security-Policy refused.
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Each test server has a database of its own: the names are unique there. */
async function newPerson(name: string): Promise<Person> {
  const first = name.split(' ')[0]!;
  const tag = crypto.randomBytes(4).toString('hex');
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems, first);
  await page.goto(server.url);
  return { name, email: `${first.toLowerCase()}-${tag}@example.test`, password: `${tag} plum tractor lantern`, context, page };
}

async function createAccount(p: Person): Promise<void> {
  await p.page.getByRole('button', { name: 'Create account' }).click();
  await p.page.getByLabel('Name', { exact: true }).fill(p.name);
  await p.page.getByLabel('Email', { exact: true }).fill(p.email);
  await p.page.getByLabel('Password', { exact: true }).fill(p.password);
  await p.page.getByRole('button', { name: 'Create account' }).click();
  await chats(p).waitFor();
}

const chats = (p: Person) => p.page.getByRole('region', { name: 'Chats' });
const messages = (p: Person) => p.page.getByRole('list', { name: 'Messages' });
const message = (p: Person, text: string) => messages(p).getByRole('listitem').filter({ hasText: text });
/** An own message's state, as text (visually, its ticks). */
const state = (item: Locator, name: 'Queued' | 'Sent' | 'Delivered' | 'Read') => item.getByText(name, { exact: true }).waitFor();

async function send(p: Person, text: string): Promise<void> {
  await p.page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await p.page.getByRole('button', { name: 'Send', exact: true }).click();
  await message(p, text).waitFor();
}

describe('the web client in Chromium', () => {
  it('two people sign up, one finds the other with New chat and writes; it arrives, and turns Read once opened', async () => {
    [ada, bo] = await Promise.all([newPerson('Ada Lovelace'), newPerson('Bo Diddley')]);
    await createAccount(ada);
    await createAccount(bo);

    await ada.page.getByRole('button', { name: 'New chat' }).click();
    await ada.page.getByRole('searchbox', { name: 'Search people' }).fill(bo.name);
    await ada.page.getByRole('button', { name: bo.name }).click();
    await send(ada, 'Hello Bo, this is Ada');

    // Bo is online: his device acknowledges it (Delivered); his chat list shows it, unread.
    await state(message(ada, 'Hello Bo, this is Ada'), 'Delivered');
    const inList = chats(bo).getByRole('link', { name: ada.name }).filter({ hasText: 'Hello Bo, this is Ada' });
    await inList.filter({ hasText: '1 unread' }).waitFor();

    // Bo opens it: he reads it, and Ada sees Read.
    await inList.click();
    await message(bo, 'Hello Bo, this is Ada').waitFor();
    await state(message(ada, 'Hello Bo, this is Ada'), 'Read');
    expect(
      await message(bo, 'Hello Bo, this is Ada')
        .getByText(/^(Sent|Delivered|Read)$/)
        .count(),
    ).toBe(0);

    // Bo types: Ada sees it in the header; then his answer arrives.
    await bo.page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi');
    await ada.page.getByRole('main').getByText('typing…').waitFor();
    // By keyboard: Enter sends.
    await bo.page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi Ada! Got it.');
    await bo.page.keyboard.press('Enter');
    await message(ada, 'Hi Ada! Got it.').waitFor();
    await state(message(bo, 'Hi Ada! Got it.'), 'Read');
  });

  it('offline, a message waits in the outbox as Queued, and goes when the network is back', async () => {
    await ada.context.setOffline(true);
    await ada.page.getByRole('status').filter({ hasText: 'Connecting…' }).waitFor();
    await ada.page.getByRole('textbox', { name: 'Message', exact: true }).fill('Sent while offline');
    await ada.page.getByRole('button', { name: 'Send', exact: true }).click();
    await state(message(ada, 'Sent while offline'), 'Queued');
    expect(await message(bo, 'Sent while offline').count()).toBe(0);

    await ada.context.setOffline(false);
    await message(bo, 'Sent while offline').waitFor();
    await state(message(ada, 'Sent while offline'), 'Read');
    expect(await message(ada, 'Sent while offline').count()).toBe(1);
  });

  it('a reload keeps the session, the open chat and its history', async () => {
    await ada.page.reload();
    await chats(ada).waitFor();
    expect(await ada.page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    for (const text of ['Hello Bo, this is Ada', 'Hi Ada! Got it.', 'Sent while offline']) await message(ada, text).waitFor();
    await state(message(ada, 'Hello Bo, this is Ada'), 'Read');
    expect(await messages(ada).getByRole('listitem').count()).toBe(3);

    await send(ada, 'And after the reload');
    await message(bo, 'And after the reload').waitFor();
  });

  it('signing out shows the sign-in; signing in again (by email) brings the chats back', async () => {
    await bo.page.getByRole('button', { name: 'Sign out' }).click();
    await bo.page.getByLabel('Email or username', { exact: true }).fill(bo.email);
    await bo.page.getByLabel('Password', { exact: true }).fill(bo.password);
    await bo.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await chats(bo).getByRole('link', { name: ada.name }).filter({ hasText: 'And after the reload' }).waitFor();
  });

  it.runIf(process.env.WRITE_SCREENSHOTS === '1')('writes the screenshots in docs/screenshots/', async () => {
    await addAnotherChat();
    fs.mkdirSync(screenshots, { recursive: true });
    const shot = (name: string) => ada.page.screenshot({ path: path.join(screenshots, `${name}.png`) });
    await shot('desktop-conversation');
    await ada.page.setViewportSize(PHONE);
    await shot('phone-conversation');
    await ada.page.getByRole('button', { name: 'Back to chats' }).click();
    await chats(ada).waitFor();
    await shot('phone-chats');
    await ada.page.setViewportSize(DESKTOP);
    await shot('desktop-chats');
    await chats(ada).getByRole('link', { name: bo.name }).click();
    await message(ada, 'And after the reload').waitFor();
    await ada.page.emulateMedia({ colorScheme: 'dark' });
    await shot('desktop-conversation-dark');
    await ada.page.emulateMedia({ colorScheme: 'light' });
  });
});

/** A second chat for Ada, with an unread message, so the list in the screenshots is a list. */
async function addAnotherChat(): Promise<void> {
  const cy = await server.register('Cy Twombly');
  const found = await server.api('GET', `/users?search=${encodeURIComponent(ada.name)}`, { token: cy.token });
  const chatId = await server.directChat(cy, { ...cy, id: found.body.users[0].id });
  const sent = await server.api('POST', `/conversations/${chatId}/messages`, { token: cy.token, body: { text: 'Lunch on Friday?' } });
  expect(sent.status).toBe(201);
  await chats(ada).getByRole('link', { name: 'Cy Twombly' }).waitFor();
}
