import { type Browser, type Locator, type Page, type Route } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../helpers/server.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * The conversation's features in the reference web client (packages/web/src/conversation), two people in
 * Chromium, each in their own context, in one direct chat made over the API: reply, edit, delete for
 * everyone and a reaction, each seen on the other side; an image through the resumable upload (progress,
 * cancel, then a thumbnail on both sides and the lightbox); search in the chat. PGlite project only.
 */

interface Person {
  user: TestUser;
  page: Page;
}

let server: TestServer;
let browser: Browser;
let ada: Person;
let bo: Person;
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([TestServer.start(), launchChromium()]);
  const [a, b] = await server.registerAll('Ada Lovelace', 'Bo Diddley');
  const chatId = await server.directChat(a, b);
  [ada, bo] = await Promise.all([signIn(a, chatId), signIn(b, chatId)]);
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(user: TestUser, chatId: string): Promise<Person> {
  const first = user.name.split(' ')[0]!;
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems, first);
  await page.goto(`${server.url}/chat/${chatId}`);
  await page.getByLabel('Email or username', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('list', { name: 'Messages' }).waitFor();
  return { user, page };
}

const messages = (p: Person) => p.page.getByRole('list', { name: 'Messages' });
const message = (p: Person, text: string | RegExp) => messages(p).getByRole('listitem').filter({ hasText: text });
const box = (p: Person) => p.page.getByRole('textbox', { name: 'Message', exact: true });

async function send(p: Person, text: string): Promise<void> {
  await box(p).fill(text);
  await box(p).press('Enter');
}

/** Opens a message's menu by keyboard and chooses an action. */
async function act(p: Person, item: Locator, action: string): Promise<void> {
  await item.getByRole('button', { name: 'Message actions' }).focus();
  await p.page.keyboard.press('Enter');
  await p.page.getByRole('menu', { name: 'Message actions' }).getByRole('menuitem', { name: action, exact: true }).click();
}

describe('the conversation in the web client', () => {
  it('reply, edit, delete for everyone and a reaction, each seen on the other side', async () => {
    await send(ada, 'Are we still on for Friday?');
    await message(bo, 'Are we still on for Friday?').waitFor();

    // Bo replies: the quote shows above his composer, then in the bubble on both sides.
    await act(bo, message(bo, 'Are we still on for Friday?'), 'Reply');
    await bo.page.getByRole('group', { name: 'Replying to Ada Lovelace' }).waitFor();
    await send(bo, 'Yes, 7 pm');
    for (const p of [ada, bo])
      await message(p, 'Yes, 7 pm').locator('blockquote').filter({ hasText: 'Are we still on for Friday?' }).waitFor();
    expect(await bo.page.getByRole('group', { name: /^Replying to/ }).count()).toBe(0);

    // He edits it: the composer takes its text; both see the new text, "edited".
    await act(bo, message(bo, 'Yes, 7 pm'), 'Edit');
    await expect.poll(() => box(bo).inputValue()).toBe('Yes, 7 pm');
    await send(bo, 'Yes, 8 pm');
    for (const p of [ada, bo]) await message(p, 'Yes, 8 pm').getByText('edited', { exact: true }).waitFor();
    expect(await message(ada, 'Yes, 7 pm').count()).toBe(0);

    // Ada reacts (from the menu), Bo sees the count; she takes it back with the chip.
    await act(ada, message(ada, 'Yes, 8 pm'), 'React with 👍');
    await message(bo, 'Yes, 8 pm').getByRole('button', { name: '👍 1' }).waitFor();
    await message(ada, 'Yes, 8 pm').getByRole('button', { name: '👍 1, yours' }).click();
    await expect.poll(() => message(bo, 'Yes, 8 pm').getByRole('list', { name: 'Reactions' }).count()).toBe(0);

    // Ada sends a mistake and deletes it for everyone: a tombstone on both sides.
    await send(ada, 'Wrong chat, sorry');
    await message(bo, 'Wrong chat, sorry').waitFor();
    await act(ada, message(ada, 'Wrong chat, sorry'), 'Delete for everyone');
    for (const p of [ada, bo]) await expect.poll(() => message(p, 'Wrong chat, sorry').count()).toBe(0);
    expect(await message(bo, 'This message was deleted').count()).toBe(1);
    // Bo cannot delete Ada's message for everyone.
    await message(bo, 'Are we still on for Friday?').first().getByRole('button', { name: 'Message actions' }).click();
    await bo.page.getByRole('menuitem', { name: 'Delete for me' }).waitFor();
    expect(await bo.page.getByRole('menuitem', { name: 'Delete for everyone' }).count()).toBe(0);
    await bo.page.keyboard.press('Escape');
    await expect.poll(() => bo.page.getByRole('menu').count()).toBe(0);
    // He deletes the tombstone for himself only.
    await act(bo, message(bo, 'This message was deleted'), 'Delete for me');
    await expect.poll(() => message(bo, 'This message was deleted').count()).toBe(0);
    expect(await message(ada, 'This message was deleted').count()).toBe(1);
  });

  it('an image goes up with a progress bar (and can be cancelled), then shows as a thumbnail on both sides and opens in the lightbox', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    // The first attempt's creation is held until it is cancelled: its bar is seen, without a sleep.
    let held: Route | undefined;
    const heldSeen = new Promise<void>(
      (resolve) =>
        void ada.page.route('**/api/v1/media/tus', async (route) => {
          if (route.request().method() !== 'POST') return route.fallback();
          held = route;
          resolve();
        }),
    );
    const attach = ada.page.getByLabel('Attach a file');
    await attach.setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: png });
    await ada.page.getByRole('progressbar', { name: 'Uploading red.png' }).waitFor();
    await heldSeen;
    await ada.page.getByRole('button', { name: 'Cancel upload' }).click();
    await expect.poll(() => ada.page.getByRole('progressbar').count()).toBe(0);
    await held!.abort().catch(() => {});
    await ada.page.unroute('**/api/v1/media/tus');

    await attach.setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: png });
    for (const p of [ada, bo]) {
      const thumb = messages(p).getByRole('button', { name: 'Open image red.png' });
      await expect.poll(() => thumb.getByRole('img', { name: 'red.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    }
    expect(await messages(ada).getByRole('button', { name: 'Open image red.png' }).count()).toBe(1);

    await messages(bo).getByRole('button', { name: 'Open image red.png' }).click();
    const lightbox = bo.page.getByRole('dialog', { name: 'red.png' });
    await expect.poll(() => lightbox.getByRole('img', { name: 'red.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    await bo.page.keyboard.press('Escape');
    await expect.poll(() => lightbox.count()).toBe(0);
    await expect.poll(() => bo.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open image red.png');
  });

  it('search in the chat finds a message and jumps to it', async () => {
    await bo.page.getByRole('button', { name: 'Search messages' }).click();
    await bo.page.getByRole('searchbox', { name: 'Search in this chat' }).fill('Friday');
    await bo.page.getByRole('searchbox', { name: 'Search in this chat' }).press('Enter');
    const result = bo.page
      .getByRole('list', { name: 'Search results' })
      .getByRole('button')
      .filter({ hasText: 'Are we still on for Friday?' });
    await result.click();
    await expect.poll(() => message(bo, 'Are we still on for Friday?').first().getAttribute('data-highlighted')).toBe('true');
  });
});

describe('mentions in a group', () => {
  it('typing @ lists the members; the one chosen is sent in mentions and highlighted on both sides', async () => {
    const created = await server.api('POST', '/groups', { token: ada.user.token, body: { name: 'Band', memberIds: [bo.user.id] } });
    expect(created.status).toBe(201);
    const groupId: string = created.body.group.id;
    await ada.page.goto(`${server.url}/chat/${groupId}`);
    await ada.page.getByRole('heading', { name: 'Band' }).waitFor();
    await box(ada).pressSequentially('Ready, @Bo');
    await ada.page
      .getByRole('list', { name: 'Mention someone' })
      .getByRole('button', { name: /Bo Diddley/ })
      .click();
    await expect.poll(() => box(ada).inputValue()).toBe('Ready, @Bo Diddley ');
    await box(ada).press('Enter');

    await bo.page.goto(`${server.url}/chat/${groupId}`);
    for (const p of [ada, bo]) await message(p, 'Ready, @Bo Diddley').locator('mark', { hasText: '@Bo Diddley' }).waitFor();
    const page = await server.api('GET', `/conversations/${groupId}/messages`, { token: bo.user.token });
    expect(page.body.messages.at(-1).mentions).toEqual({ userIds: [bo.user.id], all: false });
  });
});
