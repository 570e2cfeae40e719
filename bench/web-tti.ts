/**
 * The web client's time to interactive with 200 conversations: `npm run bench:web [-- --runs N --chats N]`.
 * Starts a production server (PGlite), seeds one user with N direct chats (each with a message) through
 * the API, and in Chromium measures, from navigation start (the new document's `performance.now()` 0),
 * until the region "Chats" shows its whole first page (50, the list's default page) and its first chat
 * is clickable; then how long a click on it takes to show the conversation. Cold: the browser's cache is
 * cleared before each run (the session is in localStorage, so the page restores it: no sign-in in the
 * figure). Also the production bundle's size, minified and minified + gzip (-9). Prints a table and JSON.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { Api, ApiError } from './api.js';
import { repoDir, startParley } from './server.js';
import { mapLimit, round } from './stats.js';

const PAGE = 50;

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, chats: { type: 'string', default: '200' } },
});
const runs = Number(args.runs);
const chats = Number(args.chats);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The bundle index.html loads: its scripts and styles, minified and gzip -9. */
function bundleSize(): { jsMin: number; jsGzip: number; cssMin: number; cssGzip: number } {
  const dist = path.join(repoDir, 'packages/web/dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const size = (ext: string) =>
    files
      .filter((f) => f.endsWith(ext))
      .map((f) => fs.readFileSync(path.join(dist, f)))
      .reduce((a, b) => ({ min: a.min + b.length, gzip: a.gzip + zlib.gzipSync(b, { level: 9 }).length }), { min: 0, gzip: 0 });
  const js = size('.js');
  const css = size('.css');
  return { jsMin: js.min, jsGzip: js.gzip, cssMin: css.min, cssGzip: css.gzip };
}

/** One user who is in `n` direct chats, each opened by someone else who wrote in it. */
async function seed(api: Api, n: number): Promise<{ email: string; password: string }> {
  const password = 'bench tractor lantern plum';
  const email = `reader-${Date.now()}@bench.test`;
  const res = await api.call('POST', '/auth/register', { email, password, name: 'Bench Reader' });
  if (res.status !== 201) throw new ApiError(res.status, res.body, 'register');
  const reader = { id: res.body.user.id as string, token: res.body.accessToken as string };
  const others = await api.ensureUsers(n, 8);
  const ids = await api.directChats(
    others.map((o) => [o, reader] as const),
    8,
  );
  await mapLimit(ids, 8, async (id, i) => {
    const sent = await api.call('POST', `/conversations/${id}/messages`, { text: `Hello from ${i}` }, others[i]!.token);
    if (sent.status !== 201) throw new ApiError(sent.status, sent.body, 'send');
  });
  return { email, password };
}

/** One cold load of the chat list: ms to its first page shown and clickable, and from a click on a chat to its messages. */
interface Run {
  tti: number;
  open: number;
  /** When the entry script had arrived, and when the chat list's request (it waits for the socket) went and came back. */
  phases: { script: number; listStart: number; listEnd: number };
}

async function measure(browser: Browser, url: string, who: { email: string; password: string }): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Email or username', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page
    .getByRole('region', { name: 'Chats' })
    .getByRole('link')
    .nth(PAGE - 1)
    .waitFor({ timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');

  await page.goto(url, { waitUntil: 'commit' });
  // Polled every animation frame: the first frame where the page is there and the first chat can take a click.
  const shown = await page.waitForFunction(
    (n) => {
      const links = document.querySelectorAll<HTMLAnchorElement>('section[aria-label="Chats"] a');
      const first = links[0];
      if (links.length < n || !first) return false;
      const r = first.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit && first.contains(hit) ? performance.now() : false;
    },
    PAGE,
    { polling: 'raf', timeout: 60_000 },
  );
  const tti = (await shown.jsonValue()) as number;
  const phases = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const script = resources.find((r) => /\/assets\/index-.*\.js$/.test(r.name));
    const list = resources.find((r) => /\/api\/v1\/conversations(\?|$)/.test(r.name));
    return { script: script?.responseEnd ?? NaN, listStart: list?.startTime ?? NaN, listEnd: list?.responseEnd ?? NaN };
  });
  const before = await page.evaluate(() => performance.now());
  await page.getByRole('region', { name: 'Chats' }).getByRole('link').first().click();
  await page.getByRole('list', { name: 'Messages' }).getByRole('listitem').first().waitFor();
  const opened = (await page.evaluate(() => performance.now())) - before;
  await context.close();
  return { tti, open: opened, phases };
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(repoDir, 'scripts/build-web.mjs')], { stdio: 'inherit' });
  const server = await startParley({ serverDir: repoDir, db: { kind: 'pglite' } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const t0 = Date.now();
    const who = await seed(new Api(server.url), chats);
    console.log(`seeded ${chats} chats in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await measure(browser, server.url, who);
      results.push(r);
      const p = r.phases;
      console.log(
        `run ${i + 1}: chat list interactive ${round(r.tti)} ms (script in ${round(p.script)}, ` +
          `list asked ${round(p.listStart)}, back ${round(p.listEnd)}); a chat opened in ${round(r.open)} ms`,
      );
    }
    const size = bundleSize();
    const figures = {
      chats,
      runs,
      ttiMs: results.map((r) => round(r.tti)),
      medianTtiMs: round(median(results.map((r) => r.tti))),
      medianScriptMs: round(median(results.map((r) => r.phases.script))),
      medianListAskedMs: round(median(results.map((r) => r.phases.listStart))),
      medianListBackMs: round(median(results.map((r) => r.phases.listEnd))),
      medianOpenMs: round(median(results.map((r) => r.open))),
      bundle: size,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg().map((l) => round(l, 2)) },
      chromium: browser.version(),
    };
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
