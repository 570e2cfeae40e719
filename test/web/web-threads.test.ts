import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../helpers/server.js';
import { launchChromium, signInAt } from './chromium.js';

/**
 * Threads in the reference web client (packages/web/src/conversation: ThreadPanel, MessageActions, MessageBubble):
 * two people in Chromium in one direct chat; one opens "Reply in thread" on a message and replies in the dialog
 * "Thread"; the other sees "1 reply" under the root, opens it and answers. PGlite project only.
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
  [server, browser] = await Promise.all([TestServer.start(), launchChromium()]);
  const [a, b] = await server.registerAll('Ada Threader', 'Bo Threader');
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

const messages = (p: Person) => p.page.getByRole('list', { name: 'Messages' });
const message = (p: Person, text: string) => messages(p).getByRole('listitem').filter({ hasText: text });
const box = (p: Person) => p.page.getByRole('textbox', { name: 'Message', exact: true });
const thread = (p: Person) => p.page.getByRole('dialog', { name: 'Thread' });

async function replyInThread(p: Person, text: string): Promise<void> {
  await thread(p).getByRole('textbox', { name: 'Reply in thread' }).fill(text);
  await thread(p).getByRole('button', { name: 'Send', exact: true }).click();
  await thread(p).getByRole('list', { name: 'Replies' }).getByRole('listitem').filter({ hasText: text }).waitFor();
}

describe('threads in the web client', () => {
  it('"Reply in thread" opens the dialog "Thread"; the other side sees "1 reply", opens it and answers', async () => {
    await box(ada).fill('Which film tonight?');
    await box(ada).press('Enter');
    const root = message(ada, 'Which film tonight?');
    await root.getByRole('button', { name: 'Message actions' }).focus();
    await ada.page.keyboard.press('Enter');
    await ada.page.getByRole('menu', { name: 'Message actions' }).getByRole('menuitem', { name: 'Reply in thread', exact: true }).click();
    await replyInThread(ada, 'Something funny');

    // Bo: the reply is not in the chat; the root says "1 reply", which opens the thread.
    await message(bo, 'Which film tonight?').getByRole('button', { name: '1 reply' }).click();
    await thread(bo).getByRole('listitem').filter({ hasText: 'Something funny' }).waitFor();
    expect(await message(bo, 'Something funny').count()).toBe(0);
    await replyInThread(bo, 'The one with the dog');
    await thread(bo).getByRole('button', { name: 'Close' }).click();

    await thread(ada).getByRole('listitem').filter({ hasText: 'The one with the dog' }).waitFor();
    await thread(ada).getByRole('button', { name: 'Close' }).click();
    await message(ada, 'Which film tonight?').getByRole('button', { name: '2 replies' }).waitFor();
  });
});
