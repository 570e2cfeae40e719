import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../helpers/server.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * Privacy settings in "Profile" and a broadcast group's composer, in the reference web client
 * (packages/web) in Chromium against a real server. PGlite project only.
 */

let server: TestServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([TestServer.start(), launchChromium()]);
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(u: TestUser, label: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems, label);
  await page.goto(server.url);
  await page.getByLabel('Email or username', { exact: true }).fill(u.email);
  await page.getByLabel('Password', { exact: true }).fill(u.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('region', { name: 'Chats' }).waitFor();
  return page;
}

const privacyOf = async (u: TestUser) => (await server.api('GET', '/users/me/privacy', { token: u.token })).body.privacy;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('privacy and broadcast groups in the web client', () => {
  it('Profile → Privacy: radio groups and the read receipts switch change the settings; a change elsewhere shows', async () => {
    const u = await server.register('Priya Private');
    const page = await signedIn(u, 'Priya');
    await page.getByRole('button', { name: 'Profile', exact: true }).click();
    const profile = page.getByRole('dialog', { name: 'Profile' });
    const group = (name: string) => profile.getByRole('group', { name, exact: true });
    await expect.poll(() => group('Last seen').getByRole('radio', { name: 'My contacts' }).isChecked()).toBe(true);

    await group('Last seen').getByRole('radio', { name: 'Nobody' }).check();
    await group('Online').getByRole('radio', { name: 'Everyone' }).check();
    await group('Who can add me to groups').getByRole('radio', { name: 'My contacts' }).check();
    await profile.getByRole('switch', { name: 'Read receipts' }).uncheck();
    await until(async () => (await privacyOf(u)).readReceipts === false, 'the switch to be saved');
    expect(await privacyOf(u)).toEqual({ lastSeen: 'nobody', online: 'everyone', readReceipts: false, groupAdds: 'contacts' });

    // Another device turns receipts back on: privacy:updated reaches this page.
    await server.api('PATCH', '/users/me/privacy', { token: u.token, body: { readReceipts: true } });
    await expect.poll(() => profile.getByRole('switch', { name: 'Read receipts' }).isChecked()).toBe(true);
    await page.context().close();
  });

  it("a broadcast group's member sees a note instead of the composer; an admin has the composer", async () => {
    const [owner, member] = await server.registerAll('Olive Owner', 'Milo Member');
    const created = await server.api('POST', '/groups', {
      token: owner.token,
      body: { name: 'Station news', postPermission: 'admins', memberIds: [member.id] },
    });
    expect(created.status).toBe(201);
    expect(
      (await server.api('POST', `/conversations/${created.body.group.id}/messages`, { token: owner.token, body: { text: 'On air' } }))
        .status,
    ).toBe(201);

    const memberPage = await signedIn(member, 'Milo');
    await memberPage
      .getByRole('region', { name: 'Chats' })
      .getByRole('link', { name: /Station news/ })
      .click();
    const chat = memberPage.getByRole('region', { name: 'Station news' });
    await chat.getByText('Only admins can send messages in this group.').waitFor();
    expect(await chat.getByRole('textbox', { name: 'Message', exact: true }).count()).toBe(0);

    const ownerPage = await signedIn(owner, 'Olive');
    await ownerPage
      .getByRole('region', { name: 'Chats' })
      .getByRole('link', { name: /Station news/ })
      .click();
    await ownerPage.getByRole('region', { name: 'Station news' }).getByRole('textbox', { name: 'Message', exact: true }).waitFor();
    await Promise.all([memberPage.context().close(), ownerPage.context().close()]);
  });
});
