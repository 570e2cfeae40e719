import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (browser downloads are impossible here); root in CI: its sandbox needs an unprivileged user. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });

/** Records errors thrown in the page and anything its Content-Security-Policy refused, for the test to fail on. */
export function watchPage(page: Page, problems: string[], label?: string): void {
  const tagged = (text: string) => (label ? `${label}: ${text}` : text);
  page.on('pageerror', (err) => problems.push(tagged(err.message)));
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) problems.push(tagged(msg.text()));
  });
}

/**
 * A new browser context for `user`, signed in through the sign-in screen at `url` (a chat's address, say), its
 * console errors collected in `problems`; resolves once the chat's messages are shown.
 */
export async function signInAt(
  browser: Browser,
  url: string,
  user: { name: string; email: string; password: string },
  problems: string[],
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems, user.name.split(' ')[0]);
  await page.goto(url);
  await page.getByLabel('Email or username', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('list', { name: 'Messages' }).waitFor();
  return page;
}
