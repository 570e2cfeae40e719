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
