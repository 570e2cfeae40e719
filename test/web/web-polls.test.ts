import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { history } from '../helpers/messages.js';
import { TestServer, type TestUser } from '../helpers/server.js';
import { axeCheck } from './axe.js';
import { launchChromium, signInAt } from './chromium.js';

/**
 * Polls in the reference web client (packages/web/src/conversation/polls): Ada creates a poll with the composer's
 * "Create poll" dialog, Bo votes, both see the counts live; Ada closes it and both see "Poll closed". PGlite project only.
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
  const [a, b] = await server.registerAll('Ada Pollster', 'Bo Voter');
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

const pollOf = (p: Person, question: string) => p.page.getByRole('list', { name: 'Messages' }).getByRole('group', { name: question });
const option = (p: Person, question: string, text: string) =>
  p.page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: question }).locator('label', { hasText: text });

describe('polls in the web client', () => {
  it('"Create poll" sends a poll; the other votes and both see the counts live; the author closes it', async () => {
    await ada.page.getByRole('button', { name: 'Create poll', exact: true }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Create poll' });
    await dialog.getByRole('textbox', { name: 'Question' }).fill('Where do we eat?');
    await dialog.getByRole('textbox', { name: 'Option 1' }).fill('Pizza');
    await dialog.getByRole('textbox', { name: 'Option 2' }).fill('Sushi');
    await dialog.getByRole('button', { name: 'Add option' }).click();
    await dialog.getByRole('textbox', { name: 'Option 3' }).fill('Salad');
    await dialog.getByRole('checkbox', { name: 'Allow multiple answers' }).check();
    await axeCheck(ada.page, 'create poll dialog');
    await dialog.getByRole('button', { name: 'Send poll' }).click();
    await dialog.waitFor({ state: 'detached' });

    const q = 'Where do we eat?';
    await pollOf(bo, q).waitFor();
    const stored = (await history(server, bo.user, chatId)).find((m) => m.type === 'poll');
    expect(stored?.poll).toMatchObject({ question: q, multipleChoice: true, anonymous: false });

    // Several answers: checkboxes.
    await pollOf(bo, q).getByRole('checkbox', { name: /Pizza/ }).check();
    await pollOf(bo, q).getByRole('checkbox', { name: /Salad/ }).check();
    await bo.page.getByRole('listitem').filter({ hasText: q }).getByRole('button', { name: 'Vote', exact: true }).click();
    for (const p of [ada, bo]) {
      await option(p, q, 'Pizza').filter({ hasText: '1 vote' }).waitFor();
      await option(p, q, 'Salad').filter({ hasText: '1 vote' }).waitFor();
      await option(p, q, 'Sushi').filter({ hasText: '0 votes' }).waitFor();
    }
    await axeCheck(bo.page, 'poll message');
    // Only its author closes it.
    expect(await bo.page.getByRole('button', { name: 'Close poll' }).count()).toBe(0);
    await ada.page.getByRole('listitem').filter({ hasText: q }).getByRole('button', { name: 'Close poll' }).click();
    for (const p of [ada, bo]) await p.page.getByRole('listitem').filter({ hasText: q }).getByText('Poll closed').waitFor();
    expect(await bo.page.getByRole('button', { name: 'Vote', exact: true }).count()).toBe(0);
  });

  it('a single-choice poll shows radio buttons; a vote by Ada shows "2 votes" live on both sides', async () => {
    await bo.page.getByRole('button', { name: 'Create poll', exact: true }).click();
    const dialog = bo.page.getByRole('dialog', { name: 'Create poll' });
    await dialog.getByRole('textbox', { name: 'Question' }).fill('Friday or Saturday?');
    await dialog.getByRole('textbox', { name: 'Option 1' }).fill('Friday');
    await dialog.getByRole('textbox', { name: 'Option 2' }).fill('Saturday');
    await dialog.getByRole('checkbox', { name: 'Anonymous' }).check();
    await dialog.getByRole('button', { name: 'Send poll' }).click();
    const q = 'Friday or Saturday?';
    for (const p of [bo, ada]) {
      await pollOf(p, q)
        .getByRole('radio', { name: /Saturday/ })
        .check();
      await p.page.getByRole('listitem').filter({ hasText: q }).getByRole('button', { name: 'Vote', exact: true }).click();
      await option(p, q, 'Saturday')
        .filter({ hasText: p === bo ? '1 vote' : '2 votes' })
        .waitFor();
    }
    await option(bo, q, 'Saturday').filter({ hasText: '2 votes' }).waitFor();
    // Anonymous: Ada's own choice stays checked after a reload (asked with GET /messages/:id/poll).
    await ada.page.reload();
    await expect
      .poll(() =>
        pollOf(ada, q)
          .getByRole('radio', { name: /Saturday/ })
          .isChecked(),
      )
      .toBe(true);
  });
});
