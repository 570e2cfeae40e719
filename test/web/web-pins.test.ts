import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../helpers/messages.js';
import { TestServer, type TestUser } from '../helpers/server.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * Pins, stars and forwarding in the reference web client (packages/web/src/conversation: MessageActions,
 * PinnedBar, ForwardDialog): two people in Chromium in one direct chat; the pin shows in both headers'
 * pinned bar, the star in the menu of the one who starred, the forward lands in a third chat. PGlite project only.
 */

interface Person {
  user: TestUser;
  page: Page;
}

let server: TestServer;
let browser: Browser;
let ada: Person;
let bo: Person;
let cy: TestUser;
let cyChat: string;
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([TestServer.start(), launchChromium()]);
  const [a, b, c] = await server.registerAll('Ada Pinner', 'Bo Starrer', 'Cy Receiver');
  cy = c!;
  const chatId = await server.directChat(a!, b!);
  cyChat = await server.directChat(a!, cy);
  [ada, bo] = await Promise.all([signIn(a!, chatId), signIn(b!, chatId)]);
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

const message = (p: Person, text: string) => p.page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
const box = (p: Person) => p.page.getByRole('textbox', { name: 'Message', exact: true });
const pinnedBar = (p: Person) => p.page.getByRole('complementary', { name: 'Pinned messages' });

async function send(p: Person, text: string): Promise<void> {
  await box(p).fill(text);
  await box(p).press('Enter');
}

async function openMenu(p: Person, item: Locator): Promise<Locator> {
  await item.getByRole('button', { name: 'Message actions' }).focus();
  await p.page.keyboard.press('Enter');
  return p.page.getByRole('menu', { name: 'Message actions' });
}

async function act(p: Person, item: Locator, action: string): Promise<void> {
  await (await openMenu(p, item)).getByRole('menuitem', { name: action, exact: true }).click();
}

describe('pins, stars and forwarding in the web client', () => {
  it('"Pin message" shows the pinned bar on both sides; "Unpin message" takes it away', async () => {
    await send(ada, 'Gate code is 4711');
    await message(bo, 'Gate code is 4711').waitFor();
    await act(ada, message(ada, 'Gate code is 4711'), 'Pin message');
    for (const p of [ada, bo]) await pinnedBar(p).filter({ hasText: 'Gate code is 4711' }).waitFor();
    await message(bo, 'Ada Pinner pinned a message').waitFor();

    await act(bo, message(bo, 'Gate code is 4711'), 'Unpin message');
    for (const p of [ada, bo]) await pinnedBar(p).waitFor({ state: 'detached' });
  });

  it('"Star message" is private: the menu says "Unstar message" for Bo only', async () => {
    await send(ada, 'Remember the milk');
    await message(bo, 'Remember the milk').waitFor();
    await act(bo, message(bo, 'Remember the milk'), 'Star message');
    const menu = await openMenu(bo, message(bo, 'Remember the milk'));
    await menu.getByRole('menuitem', { name: 'Unstar message', exact: true }).waitFor();
    await bo.page.keyboard.press('Escape');
    const adaMenu = await openMenu(ada, message(ada, 'Remember the milk'));
    await adaMenu.getByRole('menuitem', { name: 'Star message', exact: true }).waitFor();
    await ada.page.keyboard.press('Escape');
  });

  it('"Forward" sends a copy to the chats chosen in the dialog, marked "Forwarded"', async () => {
    await send(bo, 'Party on Saturday at 8');
    await message(ada, 'Party on Saturday at 8').waitFor();
    await act(ada, message(ada, 'Party on Saturday at 8'), 'Forward');
    const dialog = ada.page.getByRole('dialog', { name: 'Forward' });
    await dialog.getByRole('checkbox', { name: 'Cy Receiver' }).check();
    await dialog.getByRole('button', { name: 'Forward', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const copy = (await history(server, cy, cyChat)).find((m) => m.text === 'Party on Saturday at 8');
    expect(copy).toMatchObject({ forwarded: true, senderId: ada.user.id });

    await ada.page.goto(`${server.url}/chat/${cyChat}`);
    await message(ada, 'Party on Saturday at 8').filter({ hasText: 'Forwarded' }).waitFor();
  });
});
