import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};

/**
 * Debian's Chromium (headless, through playwright-core) and a static server for `dir` on its own
 * port: pages load from an origin other than the Parley server's, as an app's would.
 */
export class BrowserHarness {
  private constructor(
    readonly browser: Browser,
    /** The static server's origin (`http://127.0.0.1:port`). */
    readonly origin: string,
    private readonly files: http.Server,
  ) {}

  static async start(dir: string): Promise<BrowserHarness> {
    const files = await serveDirectory(dir);
    try {
      // Root in CI: Chromium's sandbox needs an unprivileged user.
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      return new BrowserHarness(browser, `http://127.0.0.1:${(files.address() as AddressInfo).port}`, files);
    } catch (err) {
      files.close();
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.files.closeAllConnections();
    await new Promise<void>((resolve) => this.files.close(() => resolve()));
  }
}

/** GET only, files under `dir` only (`/` is index.html). */
function serveDirectory(dir: string): Promise<http.Server> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (req.method !== 'GET' || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
