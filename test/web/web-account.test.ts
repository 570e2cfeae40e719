import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../helpers/server.js';
import { LocalSmtp, linkToken } from '../helpers/smtpService.js';
import { unzip } from '../helpers/zip.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * The account screens of the reference web client (packages/web) in Chromium, against a real server
 * that mails through a local SMTP server: "Forgot password?" and the mailed `/#/reset-password` link,
 * `/#/verify-email`, and in "Profile" "Verify email", "Change password", "Download my data" and "Delete account". PGlite project only.
 */

let server: TestServer;
let smtp: LocalSmtp;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  smtp = new LocalSmtp();
  await smtp.start();
  [server, browser] = await Promise.all([
    TestServer.start({ SMTP_URL: smtp.url, MAIL_FROM: 'Parley <no-reply@example.test>', MAIL_POLL_MS: '100' }),
    launchChromium(),
  ]);
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.stop();
});

async function newPage(label: string, hash = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems, label);
  await page.goto(`${server.url}/${hash}`);
  return page;
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Email or username', { exact: true }).fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('region', { name: 'Chats' }).waitFor();
}

const login = (u: { email: string }, password: string) =>
  server.api('POST', '/auth/login', { body: { login: u.email, password, deviceId: 'rest-check' } });

async function openProfile(page: Page) {
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  return page.getByRole('dialog', { name: 'Profile' });
}

describe('the account screens of the web client', () => {
  it('Forgot password? mails a link; /#/reset-password sets a new one, then the sign-in takes it', async () => {
    const u = await server.register('Rosa Reset');
    const page = await newPage('Rosa');
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    const before = smtp.mails.length;
    await page.getByLabel('Email', { exact: true }).fill(u.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'Check your email' }).waitFor();
    const token = linkToken(await smtp.mailTo(u.email, { after: before }), 'reset-password');

    await page.goto(`${server.url}/#/reset-password?token=${token}`);
    await page.getByLabel('New password', { exact: true }).fill('a brand new lantern');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Your password is set. Sign in with your new password.').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect((await login(u, u.password)).status).toBe(401);
    await signIn(page, u.email, 'a brand new lantern');
  });

  it('Verify email in Profile mails a link; /#/verify-email says Email verified', async () => {
    const u = await server.register('Vera Verify');
    const page = await newPage('Vera');
    await signIn(page, u.email, u.password);
    const profile = await openProfile(page);
    await profile.getByText(`${u.email}: not verified`).waitFor();
    const before = smtp.mails.length;
    await profile.getByRole('button', { name: 'Verify email' }).click();
    await profile.getByRole('status').filter({ hasText: 'We sent a link' }).waitFor();
    const token = linkToken(await smtp.mailTo(u.email, { after: before }), 'verify-email');

    await page.goto(`${server.url}/#/verify-email?token=${token}`);
    await page.getByRole('heading', { name: 'Email verified' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await (await openProfile(page)).getByText(`${u.email}: verified`).waitFor();
  });

  it('Change password in Profile: REST login takes the new one, not the old', async () => {
    const u = await server.register('Cleo Change');
    const page = await newPage('Cleo');
    await signIn(page, u.email, u.password);
    const profile = await openProfile(page);
    await profile.getByLabel('Current password', { exact: true }).fill(u.password);
    await profile.getByLabel('New password', { exact: true }).fill('another fine tractor');
    await profile.getByRole('button', { name: 'Change password' }).click();
    await profile.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
    expect((await login(u, 'another fine tractor')).status).toBe(200);
    expect((await login(u, u.password)).status).toBe(401);
  });

  it('Download my data saves parley-data.zip, the export: profile.json is the account', async () => {
    const u = await server.register('Dora Download');
    const page = await newPage('Dora');
    await signIn(page, u.email, u.password);
    const profile = await openProfile(page);
    const downloading = page.waitForEvent('download');
    await profile.getByRole('button', { name: 'Download my data' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('parley-data.zip');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const entries = await unzip(Buffer.concat(chunks));
    expect(JSON.parse(entries.get('profile.json')!.toString())).toMatchObject({ id: u.id, name: 'Dora Download', email: u.email });
    expect([...entries.keys()]).toContain('conversations.json');
  });

  it('Delete account asks the password, then signs out; the account no longer signs in', async () => {
    const u: TestUser = await server.register('Dana Delete');
    const page = await newPage('Dana');
    await signIn(page, u.email, u.password);
    await (await openProfile(page)).getByRole('button', { name: 'Delete account' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete account' });
    await confirm.getByLabel('Password', { exact: true }).fill('not my password');
    await confirm.getByRole('button', { name: 'Delete my account' }).click();
    await confirm.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await confirm.getByLabel('Password', { exact: true }).fill(u.password);
    await confirm.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect((await login(u, u.password)).status).toBe(401);
  });
});
