import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../helpers/server.js';
import { launchChromium, watchPage } from './chromium.js';

/**
 * The web client's other ways in, in Chromium: phone sign-in with a code (the server's
 * development log sender; OTP_DEV_CODE fixes the code so the test knows it, as someone reading
 * the log would), and "Sign in with Google", shown only when the server has GOOGLE_CLIENT_ID
 * (GET /auth/methods). Google itself is a local issuer: the page's trip to Google's authorization
 * endpoint is answered by the test (`page.route`) with the redirect Google would send, carrying an
 * ID token the local issuer signed. PGlite project only.
 */

const DEV_CODE = '246810';

/** Signs ID tokens as Google does and serves the keys they verify with. */
class LocalIssuer {
  readonly issuer = 'https://accounts.google.test';
  readonly clientId = 'parley-web-test.apps.googleusercontent.test';
  jwksUrl = '';
  private key!: CryptoKey;
  private jwks!: jose.JSONWebKeySet;
  private server = http.createServer((req, res) => {
    if (req.url !== '/certs') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.jwks));
  });

  async start() {
    const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
    this.key = privateKey;
    this.jwks = { keys: [{ ...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.jwksUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/certs`;
  }

  close() {
    return new Promise((r) => this.server.close(r));
  }

  token(claims: { email: string; name: string; nonce?: string }) {
    return new jose.SignJWT({ email_verified: true, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(this.clientId)
      .setSubject(`g-${crypto.randomBytes(6).toString('hex')}`)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.key);
  }
}

let phoneServer: TestServer;
let googleServer: TestServer;
let google: LocalIssuer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  google = new LocalIssuer();
  await google.start();
  [phoneServer, googleServer, browser] = await Promise.all([
    TestServer.start({ OTP_DEV_CODE: DEV_CODE, OTP_COOLDOWN_SECONDS: '0' }),
    TestServer.start({ GOOGLE_CLIENT_ID: google.clientId, GOOGLE_ISSUER: google.issuer, GOOGLE_JWKS_URL: google.jwksUrl }),
    launchChromium(),
  ]);
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([phoneServer?.close(), googleServer?.close(), google?.close()]);
});

async function open(server: TestServer, path = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchPage(page, problems);
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  return page;
}

const chats = (page: Page) => page.getByRole('region', { name: 'Chats' });

describe('GET /auth/methods', () => {
  it('says what each server offers', async () => {
    expect((await phoneServer.api('GET', '/auth/methods')).body).toEqual({ password: true, phone: { delivery: 'log' }, google: null });
    expect((await googleServer.api('GET', '/auth/methods')).body).toEqual({
      password: true,
      phone: { delivery: 'log' },
      google: { clientId: google.clientId },
    });
  });
});

describe('phone sign-in in the web client', () => {
  it('a code to the phone signs up a new account, and signs in to the same one next time; no Google button', async () => {
    const page = await open(phoneServer);
    expect(await page.getByRole('button', { name: 'Sign in with Google' }).count()).toBe(0);
    const phone = `+1415555${crypto.randomInt(1000, 9999)}`;

    await page.getByRole('button', { name: 'Sign in with phone' }).click();
    await page.getByLabel('Phone number', { exact: true }).fill(phone);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `the code for ${phone} is in the server's log` })
      .waitFor();

    // A wrong code is refused in words; the right one signs up with the name given.
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Verify code' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /wrong code/i })
      .waitFor();
    await page.getByLabel('Code', { exact: true }).fill(DEV_CODE);
    await page.getByLabel('Name', { exact: true }).fill('Pat Phone');
    await page.getByRole('button', { name: 'Verify code' }).click();
    await chats(page).waitFor();
    await page.getByText('Pat Phone').first().waitFor();

    // Signed out, the same number reaches the same account.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with phone' }).click();
    await page.getByLabel('Phone number', { exact: true }).fill(phone);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Code', { exact: true }).fill(DEV_CODE);
    await page.getByRole('button', { name: 'Verify code' }).click();
    await chats(page).waitFor();
    await page.getByText('Pat Phone').first().waitFor();
    await page.context().close();
  });
});

describe('Google sign-in in the web client', () => {
  it('"Sign in with Google" goes to Google and back with an ID token, which signs in', async () => {
    const page = await open(googleServer);
    const email = `gwen-${crypto.randomBytes(3).toString('hex')}@gmail.test`;
    let asked: URL | undefined;
    await page.route('https://accounts.google.com/**', async (route) => {
      asked = new URL(route.request().url());
      const fragment = new URLSearchParams({
        id_token: await google.token({ email, name: 'Gwen Google', nonce: asked.searchParams.get('nonce') ?? '' }),
        state: asked.searchParams.get('state') ?? '',
      });
      await route.fulfill({ status: 302, headers: { location: `${asked.searchParams.get('redirect_uri')}#${fragment}` } });
    });
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await chats(page).waitFor();
    expect(asked?.pathname).toBe('/o/oauth2/v2/auth');
    expect(asked?.searchParams.get('client_id')).toBe(google.clientId);
    expect(asked?.searchParams.get('response_type')).toBe('id_token');
    expect(asked?.searchParams.get('redirect_uri')).toBe(`${googleServer.url}/`);
    await page.getByText('Gwen Google').first().waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.context().close();
  });

  it('a fragment whose state this tab did not send signs nobody in', async () => {
    const idToken = await google.token({ email: `eve-${crypto.randomBytes(3).toString('hex')}@gmail.test`, name: 'Eve' });
    const page = await open(googleServer, `/#id_token=${idToken}&state=forged`);
    // The page took the fragment (and cleared it) but did not use it.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.waitForTimeout(300);
    expect(await chats(page).count()).toBe(0);
    await page.context().close();
  });
});
