import { sql } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../helpers/messages.js';
import { TestServer, type TestUser } from '../helpers/server.js';
import { axeCheck } from './axe.js';
import { launchChromium, signInAt } from './chromium.js';

/**
 * Disappearing messages in the reference web client (packages/web/src/conversation/DisappearingSetting, in the
 * "Chat notifications" dialog): two people in Chromium in one direct chat; one sets "1 day", both see the system
 * message; a message sent afterwards expires (made due through the server's database handle, as
 * test/disappearing.test.ts does) and leaves the other's screen without a reload. PGlite project only.
 */

interface Person {
  user: TestUser;
  page: Page;
}

let server: TestServer;
let browser: Browser;
let ada: Person;
let bo: Person;
let chatId: string;
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([TestServer.start({ DISAPPEARING_SWEEP_MS: '100' }), launchChromium()]);
  const [a, b] = await server.registerAll('Ada Vanisher', 'Bo Watcher');
  chatId = await server.directChat(a!, b!);
  [ada, bo] = await Promise.all([signIn(a!), signIn(b!)]);
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(user: TestUser): Promise<Person> {
  return { user, page: await signInAt(browser, `${server.url}/chat/${chatId}`, user, problems) };
}

const message = (p: Person, text: string) => p.page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
const box = (p: Person) => p.page.getByRole('textbox', { name: 'Message', exact: true });

describe('disappearing messages in the web client', () => {
  it('"Disappearing messages: 1 day" shows on both sides; an expired message leaves the screen', async () => {
    await ada.page.getByRole('button', { name: 'Chat notifications' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Chat notifications' });
    const select = dialog.getByRole('combobox', { name: 'Disappearing messages' });
    await expect.poll(() => select.inputValue()).toBe('');
    await select.selectOption({ label: '1 day' });
    await expect.poll(() => select.inputValue()).toBe('86400');
    await axeCheck(ada.page, 'chat notifications with disappearing messages');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const said = 'Ada Vanisher set messages to disappear after 1 day';
    await message(ada, said).waitFor();
    await message(bo, said).waitFor();

    // Bo's dialog shows the timer Ada set (the store's conversation, updated by conversation:updated).
    await bo.page.getByRole('button', { name: 'Chat notifications' }).click();
    const boSelect = bo.page.getByRole('dialog', { name: 'Chat notifications' }).getByRole('combobox', { name: 'Disappearing messages' });
    await expect.poll(() => boSelect.inputValue()).toBe('86400');
    await bo.page.getByRole('dialog', { name: 'Chat notifications' }).getByRole('button', { name: 'Close' }).click();

    await box(ada).fill('This will vanish');
    await box(ada).press('Enter');
    await message(bo, 'This will vanish').waitFor();
    const sent = (await history(server, ada.user, chatId)).find((m) => m.text === 'This will vanish');
    expect(sent.expiresAt).not.toBeNull();

    await server.app.ctx.db.execute(sql`update messages set expires_at = now() - interval '1 second' where id = ${sent.id}`);
    await message(bo, 'This will vanish').waitFor({ state: 'detached' });
    await message(ada, 'This will vanish').waitFor({ state: 'detached' });
    await expect(message(bo, said).count()).resolves.toBe(1);
  });

  it('"Off" turns it off, in words on both sides', async () => {
    await ada.page.getByRole('button', { name: 'Chat notifications' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Chat notifications' });
    await dialog.getByRole('combobox', { name: 'Disappearing messages' }).selectOption({ label: 'Off' });
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Disappearing messages' }).inputValue()).toBe('');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await message(bo, 'Ada Vanisher turned off disappearing messages').waitFor();
  });
});
