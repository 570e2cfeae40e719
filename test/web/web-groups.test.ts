import crypto from 'node:crypto';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../helpers/server.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * Groups, profile and devices in the reference web client (packages/web), in Debian's Chromium against a real
 * server: a context per person, driven by accessible names only. One browser for the file; the cases run in
 * order and share the people. PGlite project only.
 */

interface Person {
  name: string;
  email: string;
  password: string;
  context: BrowserContext;
  page: Page;
}

const DEFAULT_GROUPS = ['General Chat', 'Tech Talk', 'Movie Lounge', 'TV & Series Hub', 'Pop Culture & Gaming'];

let server: TestServer;
let browser: Browser;
let ada: Person;
let bo: Person;
let cy: Person;
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

async function openPage(label: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems, label);
  await page.goto(server.url);
  return { context, page };
}

/** Signs up through the page ("Create account"). */
async function signUp(name: string): Promise<Person> {
  const first = name.split(' ')[0]!;
  const tag = crypto.randomBytes(4).toString('hex');
  const p: Person = {
    name,
    email: `${first.toLowerCase()}-${tag}@example.test`,
    password: `${tag} plum tractor lantern`,
    ...(await openPage(first)),
  };
  await p.page.getByRole('button', { name: 'Create account' }).click();
  await p.page.getByLabel('Name', { exact: true }).fill(p.name);
  await p.page.getByLabel('Email', { exact: true }).fill(p.email);
  await p.page.getByLabel('Password', { exact: true }).fill(p.password);
  await p.page.getByRole('button', { name: 'Create account' }).click();
  await chats(p.page).waitFor();
  return p;
}

const chats = (page: Page) => page.getByRole('region', { name: 'Chats' });
const dialog = (p: Person, name: string) => p.page.getByRole('dialog', { name });
const message = (p: Person, text: string) => p.page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
const button = (scope: Page | Locator, name: string | RegExp) => scope.getByRole('button', { name, exact: typeof name === 'string' });

async function send(p: Person, text: string): Promise<void> {
  await p.page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await button(p.page, 'Send').click();
  await message(p, text).waitFor();
}

/** In a dialog's "Search people": finds `who` and presses the button `action` gives them ("Add Bo Diddley"). */
async function pick(scope: Locator, who: Person, action: string): Promise<void> {
  await scope.getByRole('searchbox', { name: 'Search people' }).fill(who.name);
  await button(scope, `${action} ${who.name}`).click();
}

describe('groups, profile and devices in the web client', () => {
  it('Ada makes a group with Bo: it shows in his Chats and each message says who sent it; roles in Group info', async () => {
    [ada, bo, cy] = await Promise.all([signUp('Ada Lovelace'), signUp('Bo Diddley'), signUp('Cy Twombly')]);

    await button(ada.page, 'New group').click();
    const create = dialog(ada, 'New group');
    await create.getByLabel('Group name').fill('Weekend plan');
    await create.getByLabel('About').fill('Who brings what');
    await create.getByLabel('Icon (one emoji)').fill('🎉');
    await pick(create, bo, 'Add');
    await create.getByRole('list', { name: 'New members' }).getByText(bo.name, { exact: true }).waitFor();
    await button(create, 'Create group').click();
    await ada.page.getByRole('region', { name: 'Weekend plan' }).waitFor();
    await send(ada, 'Hi team, who brings the tent?');

    await chats(bo.page)
      .getByRole('link', { name: /Weekend plan/ })
      .filter({ hasText: 'Hi team' })
      .click();
    await message(bo, 'Hi team, who brings the tent?').getByText(ada.name, { exact: true }).waitFor();
    await send(bo, 'I have a tent');
    await message(ada, 'I have a tent').getByText(bo.name, { exact: true }).waitFor();

    // The owner sees every action; Bo, a member, sees none on Ada.
    await button(ada.page, 'Group info').click();
    const info = dialog(ada, 'Group info');
    await button(info, `Make ${bo.name} admin`).click();
    await info.getByRole('listitem').filter({ hasText: bo.name }).getByText('admin', { exact: true }).waitFor();
    await button(info, `Make ${bo.name} a member`).waitFor();
    await button(bo.page, 'Group info').click();
    const boInfo = dialog(bo, 'Group info');
    await boInfo.getByRole('listitem').filter({ hasText: ada.name }).getByText('owner', { exact: true }).waitFor();
    expect(await button(boInfo, new RegExp(`^(Remove|Make) ${ada.name}`)).count()).toBe(0);
    await bo.page.keyboard.press('Escape');
    await expect.poll(() => boInfo.count()).toBe(0);

    // Ada invites Cy (it is private); Cy accepts from "Groups" and is in, reading and writing.
    await pick(info, cy, 'Invite');
    await info.getByRole('status').getByText(`Invited ${cy.name}.`).waitFor();
    await button(info, 'Close').click();

    await button(cy.page, 'Groups').click();
    await button(dialog(cy, 'Groups'), 'Accept invitation to Weekend plan').click();
    await cy.page.getByRole('region', { name: 'Weekend plan' }).waitFor();
    await send(ada, 'Welcome Cy');
    await message(cy, 'Welcome Cy').getByText(ada.name, { exact: true }).waitFor();
    await send(cy, 'Thanks, I bring food');
    await message(bo, 'Thanks, I bring food').getByText(cy.name, { exact: true }).waitFor();

    // Ada, the owner, renames it: everyone's chat shows the new name.
    await button(ada.page, 'Group info').click();
    const edit = dialog(ada, 'Group info').getByRole('form', { name: 'Edit group' });
    await edit.getByLabel('Group name').fill('Weekend camping');
    await button(edit, 'Save group').click();
    await dialog(ada, 'Group info').getByRole('status').getByText('Group saved.').waitFor();
    await ada.page.keyboard.press('Escape');
    await bo.page.getByRole('region', { name: 'Weekend camping' }).waitFor();
    await chats(cy.page)
      .getByRole('link', { name: /Weekend camping/ })
      .waitFor();
  });

  it('Cy finds the default public groups in Discover and joins one', async () => {
    await button(cy.page, 'Groups').click();
    const discover = dialog(cy, 'Groups').getByRole('region', { name: 'Discover' });
    for (const name of DEFAULT_GROUPS) await button(discover, `Join ${name}`).waitFor();
    await button(discover, 'Join Tech Talk').click();
    await cy.page.getByRole('region', { name: 'Tech Talk' }).waitFor();
    await send(cy, 'Hello tech people');
    await chats(cy.page)
      .getByRole('link', { name: /Tech Talk/ })
      .waitFor();
  });

  it('Ada changes her name and avatar; the header shows them and Bo sees the new name', async () => {
    await button(ada.page, 'Profile').click();
    const profile = dialog(ada, 'Profile');
    await profile.getByLabel('Your name').fill('Ada King');
    await profile.getByLabel('Bio').fill('Counting engines');
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    await profile.getByLabel('Avatar image').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await button(profile, 'Save profile').click();
    await profile.getByRole('status').getByText('Profile saved.').waitFor();
    await button(profile, 'Close').click();
    const sidebar = ada.page.getByRole('complementary');
    await sidebar.getByRole('heading', { name: 'Ada King', level: 1 }).waitFor();
    await expect.poll(() => sidebar.locator('header img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);

    await bo.page.reload();
    await message(bo, 'Hi team, who brings the tent?').getByText('Ada King', { exact: true }).waitFor();
  });

  it('Ada signs out her other device from Devices: that page is signed out at once', async () => {
    const other = await openPage('Ada (second device)');
    await other.page.getByLabel('Email or username', { exact: true }).fill(ada.email);
    await other.page.getByLabel('Password', { exact: true }).fill(ada.password);
    await button(other.page, 'Sign in').click();
    await chats(other.page)
      .getByRole('link', { name: /Weekend camping/ })
      .waitFor();

    await button(ada.page, 'Devices').click();
    const devices = dialog(ada, 'Devices').getByRole('list', { name: 'Signed-in devices' });
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(2);
    await devices.getByRole('listitem').filter({ hasText: '(this device)' }).waitFor();
    expect(await button(devices, /^Sign out /).count()).toBe(1);
    await button(devices, /^Sign out /).click();

    await other.page.getByText('Your session has ended. Sign in again.').waitFor();
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(1);
    await other.context.close();
  });
});
