import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../helpers/server.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * The chat list's tools and two conversation behaviours, in Chromium: "Search chats", the filters
 * "All" / "Unread" / "Groups" / "Archived", "Chat options for …" with pin and archive (and a mute made
 * on another device showing as "Muted"); infinite scroll back through 130 messages seeded over REST;
 * a file dropped on the composer (a real `drop` event with a DataTransfer) uploaded and sent.
 * Ada is in the browser; Bo and Cy act over REST. PGlite project only.
 */

const OLD = 130;
const numbered = (i: number) => `Old message ${String(i).padStart(3, '0')}`;

let server: TestServer;
let browser: Browser;
let page: Page;
let ada: TestUser;
let bo: TestUser;
let cy: TestUser;
let boChat: string;
let cyChat: string;
let groupId: string;
const problems: string[] = [];

const post = (user: TestUser, chat: string, text: string) =>
  server.api('POST', `/conversations/${chat}/messages`, { token: user.token, body: { text } }).then((r) => expect(r.status).toBe(201));

beforeAll(async () => {
  [server, browser] = await Promise.all([TestServer.start(), launchChromium()]);
  [ada, bo, cy] = await Promise.all([server.register('Ada Lovelace'), server.register('Bo Diddley'), server.register('Cy Twombly')]);
  boChat = await server.directChat(bo, ada);
  cyChat = await server.directChat(cy, ada);
  for (let i = 1; i <= OLD; i++) await post(bo, boChat, numbered(i));
  await post(cy, cyChat, 'Lunch on Friday?');
  const group = await server.api('POST', '/groups', { token: ada.token, body: { name: 'Book club', memberIds: [bo.id] } });
  expect(group.status).toBe(201);
  groupId = group.body.group.id;

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems);
  await page.goto(server.url);
  await page.getByLabel('Email or username', { exact: true }).fill(ada.email);
  await page.getByLabel('Password', { exact: true }).fill(ada.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await chats().waitFor();
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const chats = () => page.getByRole('region', { name: 'Chats' });
/** A chat by its title (a group's last message may name people too). */
const chat = (name: string) =>
  chats()
    .getByRole('link')
    .filter({ has: page.locator('.chat-name').getByText(name, { exact: true }) });
const filter = (name: 'All' | 'Unread' | 'Groups' | 'Archived') =>
  chats().getByRole('group', { name: 'Show' }).getByRole('radio', { name, exact: false });
const messages = () => page.getByRole('list', { name: 'Messages' });
const settingsOf = async (id: string) => (await server.api('GET', `/conversations/${id}`, { token: ada.token })).body.conversation;

describe('the chat list', () => {
  it('filters: Groups shows the group only, Unread the chats with unread messages; Search chats by name', async () => {
    for (const name of ['Bo Diddley', 'Cy Twombly', 'Book club']) await chat(name).waitFor();
    expect(await filter('All').isChecked()).toBe(true);

    await filter('Groups').click();
    expect(await filter('Groups').isChecked()).toBe(true);
    await expect.poll(() => chats().getByRole('link').count()).toBe(1);
    await chat('Book club').waitFor();

    await filter('Unread').click();
    await chat('Cy Twombly').filter({ hasText: '1 unread' }).waitFor();
    await chat('Bo Diddley')
      .filter({ hasText: `${OLD} unread` })
      .waitFor();
    expect(await chat('Book club').count()).toBe(0);

    await filter('All').click();
    await chats().getByRole('searchbox', { name: 'Search chats' }).fill('twom');
    await expect.poll(() => chats().getByRole('link').count()).toBe(1);
    await chat('Cy Twombly').waitFor();
    await chats().getByRole('searchbox', { name: 'Search chats' }).fill('');
    await expect.poll(() => chats().getByRole('link').count()).toBe(3);
  });

  it('"Pin chat" puts a chat first, marked Pinned; "Archive chat" moves one to Archived and back', async () => {
    await chats().getByRole('button', { name: 'Chat options for Book club' }).click();
    await page.getByRole('button', { name: 'Pin chat' }).click();
    await chat('Book club').filter({ hasText: 'Pinned' }).waitFor();
    await expect.poll(async () => (await chats().getByRole('link').first().textContent()) ?? '').toContain('Book club');
    expect((await settingsOf(groupId)).isPinned).toBe(true);
    // Focus came back to the options button: the keyboard can go on from there.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Chat options for Book club');

    await chats().getByRole('button', { name: 'Chat options for Cy Twombly' }).click();
    await page.getByRole('button', { name: 'Archive chat' }).click();
    await expect.poll(() => chat('Cy Twombly').count()).toBe(0);
    expect((await settingsOf(cyChat)).isArchived).toBe(true);
    await filter('Archived').click();
    await chat('Cy Twombly').filter({ hasText: 'Archived' }).waitFor();
    await expect.poll(() => chats().getByRole('link').count()).toBe(1);

    await chats().getByRole('button', { name: 'Chat options for Cy Twombly' }).click();
    await page.getByRole('button', { name: 'Unarchive chat' }).click();
    await chats().getByText('No archived chats.').waitFor();
    await filter('All').click();
    await chat('Cy Twombly').waitFor();
    expect((await settingsOf(cyChat)).isArchived).toBe(false);
  });

  it('a chat muted on another device shows Muted at once', async () => {
    const muted = await server.api('PATCH', `/conversations/${boChat}/settings`, { token: ada.token, body: { isMuted: true } });
    expect(muted.status).toBe(200);
    await chat('Bo Diddley').filter({ hasText: 'Muted' }).waitFor();
  });
});

describe('in a conversation', () => {
  it('scrolling back loads older pages until the first message', async () => {
    await chat('Bo Diddley').click();
    await messages()
      .getByRole('listitem')
      .filter({ hasText: numbered(OLD) })
      .waitFor();
    const first = messages()
      .getByRole('listitem')
      .filter({ hasText: numbered(1) });
    expect(await first.count()).toBe(0);
    const shown = await messages().getByRole('listitem').count();
    expect(shown).toBeLessThan(OLD);

    await expect
      .poll(
        async () => {
          await messages().evaluate((list) => {
            list.scrollTop = 0;
            list.dispatchEvent(new Event('scroll'));
          });
          return first.count();
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(1);
    expect(
      await messages()
        .getByText(/^Old message \d{3}$/)
        .count(),
    ).toBe(OLD);
  });

  it('a file dropped on the composer is uploaded and sent', async () => {
    await chat('Bo Diddley').click();
    await page.locator('form.composer').evaluate((form) => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.4\n%minutes of the meeting\n%%EOF\n'], 'notes.pdf', { type: 'application/pdf' }));
      form.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      form.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await messages().getByRole('listitem').filter({ hasText: 'Download notes.pdf' }).waitFor({ timeout: 15_000 });
    const listed = await server.api('GET', `/conversations/${boChat}/messages?limit=1`, { token: bo.token });
    expect(listed.body.messages[0].media[0]).toMatchObject({ kind: 'file' });
  });
});
