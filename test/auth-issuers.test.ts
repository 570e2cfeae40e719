import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { expectProblem } from './helpers/problems.js';
import { TestServer } from './helpers/server.js';

/** A local OpenID Connect issuer (or an app's own backend): it serves /jwks.json and signs ID tokens; its keys can rotate. */
class LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  jwksRequests = 0;
  jwksUrl = '';
  private key!: CryptoKey;
  private kid = '';
  private jwks: jose.JSONWebKeySet = { keys: [] };
  private server = http.createServer((req, res) => {
    if (req.url !== '/jwks.json') return void res.writeHead(404).end();
    this.jwksRequests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.jwks));
  });

  constructor(readonly alg: 'ES256' | 'RS256' = 'ES256') {
    this.issuer = `https://id.${crypto.randomBytes(3).toString('hex')}.test`;
    this.audience = `parley-${crypto.randomBytes(3).toString('hex')}`;
  }

  async start() {
    await this.rotate();
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.jwksUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }

  /** A new signing key under a new kid; the old one leaves the key set. */
  async rotate() {
    const { privateKey, publicKey } = await jose.generateKeyPair(this.alg, { extractable: true });
    this.key = privateKey;
    this.kid = `key-${crypto.randomBytes(4).toString('hex')}`;
    this.jwks = { keys: [{ ...(await jose.exportJWK(publicKey)), kid: this.kid, alg: this.alg, use: 'sig' }] };
  }

  close() {
    return new Promise((r) => this.server.close(r));
  }

  async token(claims: Record<string, unknown> = {}, opts: { aud?: string; iss?: string; exp?: number; iat?: number } = {}) {
    const now = Math.floor(Date.now() / 1000);
    return new jose.SignJWT({ name: 'Ada Lovelace', ...claims })
      .setProtectedHeader({ alg: this.alg, kid: this.kid, typ: 'JWT' })
      .setIssuer(opts.iss ?? this.issuer)
      .setAudience(opts.aud ?? this.audience)
      .setSubject((claims.sub as string) ?? `u-${crypto.randomBytes(6).toString('hex')}`)
      .setIssuedAt(opts.iat ?? now)
      .setExpirationTime(opts.exp ?? now + 600)
      .sign(this.key);
  }
}

const unique = () => crypto.randomBytes(4).toString('hex');

let acme: LocalIssuer;
let backend: LocalIssuer;
let server: TestServer;

beforeAll(async () => {
  acme = new LocalIssuer('ES256');
  backend = new LocalIssuer('RS256');
  await Promise.all([acme.start(), backend.start()]);
  server = await TestServer.start({
    AUTH_JWKS_COOLDOWN_SECONDS: '0',
    AUTH_ISSUERS: JSON.stringify([
      { name: 'acme', issuer: acme.issuer, audience: acme.audience, jwksUrl: acme.jwksUrl },
      {
        name: 'app-backend',
        issuer: backend.issuer,
        audience: [backend.audience, 'another-audience'],
        jwksUrl: backend.jwksUrl,
        claims: { name: 'display_name', email: 'mail', emailVerified: 'mail_ok', username: 'handle', avatarUrl: 'avatar' },
      },
    ]),
  });
});
afterAll(async () => {
  await server?.close();
  await Promise.all([acme?.close(), backend?.close()]);
});

const signIn = (issuer: string, token: string, extra: Record<string, unknown> = {}) =>
  server.api('POST', '/auth/token', { body: { issuer, token, ...extra } });

describe('POST /auth/token', () => {
  it('creates an account on the first sign-in and signs the same (issuer, sub) in again', async () => {
    const sub = `u-${unique()}`;
    const email = `ada.${unique()}@acme.test`;
    const first = await signIn('acme', await acme.token({ sub, email, email_verified: true }), { deviceId: 'laptop' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      user: expect.any(Object),
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      created: true,
    });
    expect(first.body.user).toMatchObject({ name: 'Ada Lovelace', email });
    const me = await server.api('GET', '/auth/me', { token: first.body.accessToken });
    expect(me.body.user.id).toBe(first.body.user.id);

    const again = await signIn('acme', await acme.token({ sub, name: 'Renamed' }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, user: { id: first.body.user.id } });
  });

  it('keys accounts by (issuer, sub): the same sub at another issuer is another account', async () => {
    const sub = `shared-${unique()}`;
    const a = await signIn('acme', await acme.token({ sub }));
    const b = await signIn('app-backend', await backend.token({ sub, display_name: 'Other' }));
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.user.id).not.toBe(a.body.user.id);
  });

  it('maps claims as configured: name, email, email verified, username and avatar from other claim names', async () => {
    const handle = `grace_${unique()}`;
    const mail = `grace.${unique()}@app.test`;
    const avatar = `https://cdn.app.test/${unique()}.png`;
    const res = await signIn(
      'app-backend',
      await backend.token(
        { display_name: 'Grace Hopper', name: 'Ignored', mail, mail_ok: true, handle, avatar },
        { aud: 'another-audience' },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'Grace Hopper', email: mail, username: handle, avatarUrl: avatar });
  });

  it('an email the issuer has not verified is not given to the account', async () => {
    const email = `claimed.${unique()}@acme.test`;
    const res = await signIn('acme', await acme.token({ email, email_verified: false }));
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBeNull();
    // Nor does it collide with the account that owns it.
    const owner = await server.register('Owner', { email });
    expect((await server.api('GET', '/auth/me', { token: owner.token })).body.user.email).toBe(email);
  });

  it('never links a verified email into an existing account: 409 auth.account_exists', async () => {
    const existing = await server.register('Has Password');
    const res = await signIn('acme', await acme.token({ email: existing.email, email_verified: true }));
    expectProblem(res, 409, 'auth.account_exists');
    expect(res.body.accessToken).toBeUndefined();
  });

  it('an unknown issuer is 400 auth.unknown_issuer', async () => {
    expectProblem(await signIn('nobody', await acme.token()), 400, 'auth.unknown_issuer');
  });

  it('refuses a bad body with 400 validation.failed', async () => {
    expectProblem(await server.api('POST', '/auth/token', { body: { issuer: 'acme' } }), 400, 'validation.failed', ['body.token']);
  });

  describe('refuses, with 401 auth.id_token_invalid,', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: [string, () => Promise<string>][] = [
      ['another audience', () => acme.token({}, { aud: 'someone-else' })],
      ['another issuer', () => acme.token({}, { iss: 'https://evil.test' })],
      ['an expired token', () => acme.token({}, { iat: now() - 7200, exp: now() - 3600 })],
      ['a token of another configured issuer', () => backend.token()],
      ['garbage', async () => 'not.a.jwt'],
    ];
    for (const [what, make] of cases) {
      it(what, async () => {
        const res = await signIn('acme', await make());
        expectProblem(res, 401, 'auth.id_token_invalid');
      });
    }
  });

  it('caches the key set, and fetches it again when a token names an unknown kid (key rotation)', async () => {
    const rotating = acme;
    const sub = `rot-${unique()}`;
    expect((await signIn('acme', await rotating.token({ sub }))).status).toBe(200);
    const fetched = rotating.jwksRequests;
    expect(fetched).toBeGreaterThan(0);
    // Same key: served from the cache.
    expect((await signIn('acme', await rotating.token({ sub }))).status).toBe(200);
    expect(rotating.jwksRequests).toBe(fetched);

    const oldToken = await rotating.token({ sub });
    await rotating.rotate();
    const res = await signIn('acme', await rotating.token({ sub }));
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(false);
    expect(rotating.jwksRequests).toBe(fetched + 1);
    // The retired key no longer signs anyone in.
    expectProblem(await signIn('acme', oldToken), 401, 'auth.id_token_invalid');
  });
});

describe('AUTH_ISSUERS', () => {
  const load =
    (AUTH_ISSUERS: string, extra: Record<string, string> = {}) =>
    () =>
      loadConfig({ AUTH_ISSUERS, ...extra });
  const ok = { name: 'x', issuer: 'https://x.test', audience: 'a', jwksUrl: 'https://x.test/jwks.json' };

  it('a bad value stops the start, naming the variable', () => {
    expect(load('not json')).toThrow(/AUTH_ISSUERS: must be a JSON list/);
    expect(load('{}')).toThrow(/AUTH_ISSUERS: must be a JSON list/);
    expect(load(JSON.stringify([{ ...ok, jwksUrl: 'ftp://x' }]))).toThrow(/AUTH_ISSUERS\.0\.jwksUrl/);
    expect(load(JSON.stringify([{ ...ok, issuer: undefined }]))).toThrow(/AUTH_ISSUERS\.0\.issuer: is required/);
    expect(load(JSON.stringify([ok, ok]))).toThrow(/AUTH_ISSUERS\.1\.name: x is listed twice/);
    expect(load(JSON.stringify([{ ...ok, name: 'Bad Name' }]))).toThrow(/AUTH_ISSUERS\.0\.name/);
    expect(load(JSON.stringify([{ ...ok, claims: { nickname: 'nick' } }]))).toThrow(/AUTH_ISSUERS\.0\.claims/);
    expect(load(JSON.stringify([{ name: 'google', audience: 'a' }]), { GOOGLE_CLIENT_ID: 'b' })).toThrow(/AUTH_ISSUERS\.0\.name: google/);
  });

  it('accepts a list, and the google preset with only an audience', () => {
    expect(loadConfig({ AUTH_ISSUERS: JSON.stringify([ok, { name: 'google', audience: 'g' }]) }).AUTH_ISSUERS).toHaveLength(2);
    expect(loadConfig({}).AUTH_ISSUERS).toEqual([]);
  });
});
