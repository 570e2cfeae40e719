import crypto from 'node:crypto';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../helpers/server.js';
import { LocalSmtp, linkToken } from '../helpers/smtpService.js';
import { axeCheck } from './axe.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * Reporting and the admin screens of the reference web client (packages/web/src/reports, src/admin) in Chromium:
 * a member reports a message through "Message actions" and a user from the direct chat's header; the admin (an
 * ADMIN_EMAILS account whose email was verified through the mailed link) opens "Administration", sees the report
 * with its snapshot under "Reports" and resolves it with "Suspend user"; the reported person's open page is signed
 * out and the sign-in says the account is suspended; the user's page shows the suspension and its audit entries,
 * "Lift suspension" and "Suspend" with "Until"; "Audit log" filters; "Stats" shows the server's numbers; a member
 * sees no "Administration". PGlite project only.
 */

const tag = crypto.randomBytes(4).toString('hex');
const ADMIN_EMAIL = `chief-${tag}@example.test`;
const SPAM = `Cheap watches at spam-${tag}.example, today only`;

let smtp: LocalSmtp;
let server: TestServer;
let browser: Browser;
let admin: TestUser;
let rita: TestUser;
let mallory: TestUser;
let chatId: string;
const problems: string[] = [];
const screenshots = path.resolve(import.meta.dirname, '../../docs/screenshots');
/** With WRITE_SCREENSHOTS=1, the page as docs/screenshots/<name>.png. */
const screenshot = async (page: Page, name: string) =>
  process.env.WRITE_SCREENSHOTS === '1' && (await page.screenshot({ path: path.join(screenshots, `${name}.png`) }));
const pages: Record<string, Page> = {};

/** Registers with this email and verifies it through the mailed link (ADMIN_EMAILS then makes it an admin). */
async function registerVerified(email: string, name: string): Promise<TestUser> {
  const u = await server.register(name, { email });
  const before = smtp.mails.length;
  expect((await server.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
  const token = linkToken(await smtp.mailTo(email, { after: before }), 'verify-email');
  expect((await server.api('POST', '/auth/email/verify', { body: { token } })).status).toBe(200);
  return { ...u, email };
}

beforeAll(async () => {
  smtp = new LocalSmtp();
  await smtp.start();
  [server, browser] = await Promise.all([
    TestServer.start({ SMTP_URL: smtp.url, MAIL_POLL_MS: '100', ADMIN_EMAILS: ADMIN_EMAIL }),
    launchChromium(),
  ]);
  admin = await registerVerified(ADMIN_EMAIL, 'Ada Admin');
  [rita, mallory] = await server.registerAll('Rita Reporter', 'Mallory Spammer');
  chatId = await server.directChat(rita, mallory);
  const sent = await server.api('POST', `/conversations/${chatId}/messages`, { token: mallory.token, body: { text: SPAM } });
  expect(sent.status).toBe(201);
  const own = await server.api('POST', `/conversations/${chatId}/messages`, { token: rita.token, body: { text: 'Who is this?' } });
  expect(own.status).toBe(201);
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.stop();
});

async function openPage(label: string, path = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems, label);
  await page.goto(`${server.url}${path}`);
  return page;
}

async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email or username', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signedInPage(label: string, user: TestUser, path = '/'): Promise<Page> {
  const page = await openPage(label, path);
  await signIn(page, user);
  await page.getByRole('region', { name: 'Chats' }).waitFor();
  return (pages[label] = page);
}

const adminApi = (path: string) => server.api('GET', path, { token: admin.token });
const administration = (page: Page) => page.getByRole('dialog', { name: 'Administration' });
const tab = (page: Page, name: string) => administration(page).getByRole('tab', { name, exact: true });
const reportItem = (page: Page): Locator =>
  administration(page).getByRole('list', { name: 'Reports' }).getByRole('listitem').filter({ hasText: SPAM });

describe('reporting and the admin screens of the web client', () => {
  it('a member reports someone else’s message through Message actions (not their own), and a user from the chat header', async () => {
    const page = await signedInPage('Rita', rita, `/chat/${chatId}`);
    const messages = page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
    await messages.filter({ hasText: 'Who is this?' }).getByRole('button', { name: 'Message actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete for everyone' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Report', exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');

    const message = messages.filter({ hasText: SPAM });
    await message.getByRole('button', { name: 'Message actions' }).click();
    await page.getByRole('menu', { name: 'Message actions' }).getByRole('menuitem', { name: 'Report', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Report' });
    await dialog.getByText(`A message from Mallory Spammer: “${SPAM}”`).waitFor();
    await axeCheck(page, 'report dialog');
    await screenshot(page, 'desktop-report');
    await dialog.getByRole('radiogroup', { name: 'Reason' }).getByRole('radio', { name: 'Spam' }).check();
    await dialog.getByLabel('Note', { exact: true }).fill('Third time this week');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Report sent' }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Report Mallory Spammer' }).click();
    await dialog.getByRole('radio', { name: 'Abuse or harassment' }).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Report sent' }).waitFor();

    const open = (await adminApi('/admin/reports?status=open&limit=100')).body.reports;
    expect(open.find((r: any) => r.messageId)).toMatchObject({
      reporterId: rita.id,
      userId: mallory.id,
      reason: 'spam',
      note: 'Third time this week',
      snapshot: { message: { text: SPAM, senderId: mallory.id } },
    });
    expect(open.find((r: any) => !r.messageId)).toMatchObject({ reporterId: rita.id, userId: mallory.id, reason: 'abuse', note: null });
  });

  it('a member sees no Administration; an admin does', async () => {
    expect(await pages.Rita!.getByRole('button', { name: 'Administration' }).count()).toBe(0);
    const page = await signedInPage('Ada', admin);
    await page.getByRole('button', { name: 'Administration', exact: true }).click();
    await administration(page).waitFor();
    expect(await tab(page, 'Reports').getAttribute('aria-selected')).toBe('true');
  });

  it('the admin resolves the report with Suspend user: the reported person is signed out, and suspended', async () => {
    const malloryPage = await signedInPage('Mallory', mallory, `/chat/${chatId}`);
    const page = pages.Ada!;
    const item = reportItem(page);
    await item.getByText('Spam', { exact: true }).waitFor();
    await item.getByText('Note: Third time this week').waitFor();
    await axeCheck(page, 'reports');
    await screenshot(page, 'desktop-admin-reports');
    await item.getByLabel('Resolution note').fill('spam after warnings');
    await item.getByRole('button', { name: 'Suspend user' }).click();
    await administration(page).getByRole('status').filter({ hasText: 'User suspended; report resolved.' }).waitFor();
    await item.waitFor({ state: 'detached' });

    await malloryPage.getByText('Your session has ended. Sign in again.').waitFor();
    await signIn(malloryPage, mallory);
    await malloryPage.getByRole('alert').filter({ hasText: 'This account is suspended.' }).waitFor();

    await administration(page).getByRole('radio', { name: 'Resolved' }).check();
    await item.getByText('Resolved: user suspended (spam after warnings)').waitFor();
  });

  it('the user page shows the suspension and its audit entries; Lift suspension, then Suspend with Until', async () => {
    const page = pages.Ada!;
    await reportItem(page).getByRole('button', { name: 'Open Mallory Spammer' }).click();
    expect(await tab(page, 'Users').getAttribute('aria-selected')).toBe('true');
    const user = administration(page).getByRole('region', { name: 'User Mallory Spammer' });
    await user.getByText(/^Suspended since .*: spam after warnings$/).waitFor();
    const audit = user.getByRole('list', { name: 'Audit entries' });
    await audit.getByRole('listitem').filter({ hasText: 'user.suspended' }).filter({ hasText: 'by you' }).waitFor();
    await audit.getByRole('listitem').filter({ hasText: 'session.revoked' }).first().waitFor();
    await axeCheck(page, 'user page');

    await user.getByRole('button', { name: 'Lift suspension' }).click();
    await user.getByText('Not suspended', { exact: true }).waitFor();
    await audit.getByRole('listitem').filter({ hasText: 'user.unsuspended' }).waitFor();
    expect((await server.api('POST', '/auth/login', { body: { login: mallory.email, password: mallory.password } })).status).toBe(200);

    const form = user.getByRole('form', { name: 'Suspend' });
    await form.getByLabel('Reason', { exact: true }).fill('cooling off');
    await form.getByLabel('Until', { exact: true }).fill('2099-06-01T12:30');
    await form.getByRole('button', { name: 'Suspend', exact: true }).click();
    await user.getByText(/^Suspended since .* until .*: cooling off$/).waitFor();
    const details = (await adminApi(`/admin/users/${mallory.id}`)).body;
    expect(details.suspension).toMatchObject({ reason: 'cooling off', by: admin.id });
    expect(new Date(details.suspension.until).getUTCFullYear()).toBe(2099);
    expect(details.sessions).toEqual([]);

    await user.getByRole('button', { name: 'Lift suspension' }).click();
    await user.getByText('Not suspended', { exact: true }).waitFor();
    expect((await adminApi(`/admin/users/${mallory.id}`)).body.suspension).toBeNull();
  });

  it('Audit log filters by action; Stats shows the server’s numbers', async () => {
    const page = await signedInPage('Ada again', admin);
    await page.getByRole('button', { name: 'Administration', exact: true }).click();
    await tab(page, 'Audit log').click();
    const entries = administration(page).getByRole('list', { name: 'Audit log entries' }).getByRole('listitem');
    await entries.filter({ hasText: 'auth.signed_in' }).first().waitFor();
    await administration(page).getByLabel('Action', { exact: true }).selectOption('user.suspended');
    await expect.poll(async () => (await entries.allTextContents()).length).toBe(2);
    expect((await entries.allTextContents()).every((t) => t.startsWith('user.suspended'))).toBe(true);

    await tab(page, 'Stats').click();
    const stats = (await adminApi('/admin/stats')).body;
    const panel = administration(page).getByRole('tabpanel', { name: 'Stats' });
    const value = (term: string) => panel.locator(`dt:text-is("${term}") + dd`);
    expect(await value('Users').textContent()).toBe(String(stats.users.total));
    expect(await value('Admins').textContent()).toBe(String(stats.users.admins));
    expect(Number((await value('Connected sockets').textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(1);
    const days = panel.getByRole('table', { name: 'Messages per day' }).getByRole('row');
    expect(await days.count()).toBe(1 + 7);
    const today = String(stats.messagesPerDay.at(-1).count);
    expect(today).toBe('2');
    await days.last().getByRole('cell', { name: today, exact: true }).waitFor();
    await axeCheck(page, 'stats');
  });
});
