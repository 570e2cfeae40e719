import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalSmtp, linkToken } from './helpers/smtpService.js';
import { TestServer } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

/** A local identity provider standing in for Google: it serves its JWKS and signs ID tokens. */
class LocalIssuer {
  readonly issuer = 'https://accounts.google.test';
  readonly clientId = 'parley-test.apps.googleusercontent.test';
  private key!: CryptoKey;
  private kid = 'test-key-1';
  jwksRequests = 0;
  private server = http.createServer((req, res) => {
    if (req.url !== '/certs') return void res.writeHead(404).end();
    this.jwksRequests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.jwks));
  });
  private jwks!: jose.JSONWebKeySet;
  jwksUrl = '';

  async start() {
    const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
    this.key = privateKey;
    this.jwks = { keys: [{ ...(await jose.exportJWK(publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' }] };
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.jwksUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/certs`;
  }

  close() {
    return new Promise((r) => this.server.close(r));
  }

  /** An ID token as Google issues it; every part can be overridden to make it wrong. */
  async token(
    claims: Record<string, unknown> = {},
    opts: { iss?: string; aud?: string; exp?: number; iat?: number; key?: CryptoKey; kid?: string; alg?: string } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new jose.SignJWT({ email: 'someone@gmail.test', email_verified: true, name: 'Someone', ...claims })
      .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: opts.kid ?? this.kid, typ: 'JWT' })
      .setIssuer(opts.iss ?? this.issuer)
      .setAudience(opts.aud ?? this.clientId)
      .setSubject((claims.sub as string) ?? `g-${crypto.randomBytes(6).toString('hex')}`)
      .setIssuedAt(opts.iat ?? now)
      .setExpirationTime(opts.exp ?? now + 3600)
      .sign(opts.key ?? this.key);
  }
}

const unique = () => crypto.randomBytes(4).toString('hex');
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

let google: LocalIssuer;
let server: TestServer;
// Email verification mails its link: the test reads it here.
let smtp: LocalSmtp;

beforeAll(async () => {
  google = new LocalIssuer();
  await google.start();
  smtp = new LocalSmtp();
  await smtp.start();
  server = await TestServer.start({
    GOOGLE_CLIENT_ID: google.clientId,
    GOOGLE_ISSUER: google.issuer,
    GOOGLE_JWKS_URL: google.jwksUrl,
    SMTP_URL: smtp.url,
    MAIL_POLL_MS: '100',
  });
});
afterAll(async () => {
  await server?.close();
  await google?.close();
  await smtp?.stop();
});

const signIn = (idToken: string, extra: Record<string, unknown> = {}) =>
  server.api('POST', '/auth/google', { body: { idToken, ...extra } });

describe('POST /auth/google', () => {
  it('creates the account from the token: email, name, picture as the avatar; created: true', async () => {
    const email = `grace.${unique()}@gmail.test`;
    const picture = `https://lh3.googleusercontent.test/a/${unique()}`;
    const res = await signIn(await google.token({ email, name: 'Grace Hopper', picture }), { deviceId: 'pixel', deviceName: 'Pixel 9' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: expect.any(Object),
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      created: true,
    });
    expect(res.body.user).toMatchObject({ email, name: 'Grace Hopper', initials: 'GH', avatarUrl: picture, phoneNumber: null });
    expect(res.body.user.username).toMatch(/^grace_hopper/);
    const sessions = await server.api('GET', '/auth/sessions', { token: res.body.accessToken });
    expect(sessions.body.sessions).toEqual([expect.objectContaining({ deviceId: 'pixel', deviceName: 'Pixel 9', current: true })]);
  });

  it('signs the same Google account in again (created: false), even after its email changed', async () => {
    const sub = `g-${unique()}`;
    const first = await signIn(await google.token({ sub, email: `first.${unique()}@gmail.test` }));
    expect(first.body.created).toBe(true);
    const again = await signIn(await google.token({ sub, email: `renamed.${unique()}@gmail.test` }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, user: { id: first.body.user.id } });
  });

  it('never links into a password account with that email: 409 auth.account_exists, saying how to link (pre-hijacking)', async () => {
    // The attacker registers the victim's Gmail address with a password of their own.
    const attacker = await server.register('Not The Victim');
    const res = await signIn(await google.token({ email: attacker.email.toUpperCase(), name: 'Real Owner' }));
    expectProblem(res, 409, 'auth.account_exists');
    expect(res.body.detail).toMatch(/sign in to it.*POST \/api\/v1\/auth\/google\/link/);
    expect(res.body.accessToken).toBeUndefined();
    // Refused again on a retry: nothing was linked, and the attacker's account is as it was.
    expectProblem(await signIn(await google.token({ email: attacker.email })), 409, 'auth.account_exists');
    const me = await server.api('GET', '/auth/me', { token: attacker.token });
    expect(me.body.user).toMatchObject({ id: attacker.id, name: 'Not The Victim', avatarUrl: null });
  });

  it('links into an account by email once both sides verified it (Google and a mailed link)', async () => {
    const u = await server.register('Verified Vera');
    const sub = `g-${unique()}`;
    expectProblem(await signIn(await google.token({ sub, email: u.email })), 409, 'auth.account_exists');
    const before = smtp.mails.length;
    expect((await server.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
    const token = linkToken(await smtp.mailTo(u.email, { after: before }), 'verify-email');
    expect((await server.api('POST', '/auth/email/verify', { body: { token } })).body.user.emailVerified).toBe(true);
    const res = await signIn(await google.token({ sub, email: u.email.toUpperCase() }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: false, user: { id: u.id, name: 'Verified Vera', emailVerified: true } });
    // Linked: the same Google account signs in to it again, even under another email.
    const again = await signIn(await google.token({ sub, email: `moved.${unique()}@gmail.test` }));
    expect(again.body).toMatchObject({ created: false, user: { id: u.id } });
    // Another Google account with the same email (not linked, but both verified) links too.
    const other = await signIn(await google.token({ email: u.email }));
    expect(other.body).toMatchObject({ created: false, user: { id: u.id } });
  });

  it('an account Google creates has its email verified', async () => {
    const res = await signIn(await google.token({ email: `fresh.${unique()}@gmail.test` }));
    expect(res.body).toMatchObject({ created: true, user: { emailVerified: true } });
  });

  it('the account owner links Google from inside the account; then Google signs in to it and the password still works', async () => {
    const u = await server.register('Links Later');
    const sub = `g-${unique()}`;
    expectProblem(
      await server.api('POST', '/auth/google/link', { body: { idToken: await google.token({ sub, email: u.email }) } }),
      401,
      'auth.unauthorized',
    );
    const link = await server.api('POST', '/auth/google/link', {
      token: u.token,
      body: { idToken: await google.token({ sub, email: u.email }) },
    });
    expect(link.status).toBe(200);
    // Linking the same Google account again is fine.
    expect(
      (await server.api('POST', '/auth/google/link', { token: u.token, body: { idToken: await google.token({ sub, email: u.email }) } }))
        .status,
    ).toBe(200);
    const res = await signIn(await google.token({ sub, email: u.email }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: false, user: { id: u.id, name: 'Links Later' } });
    expect((await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password } })).status).toBe(200);
  });

  it('a Google account linked to one account cannot be linked to another: 409 auth.account_exists', async () => {
    const sub = `g-${unique()}`;
    const owner = await signIn(await google.token({ sub, email: `owner.${unique()}@gmail.test` }));
    expect(owner.body.created).toBe(true);
    const other = await server.register('Someone Else');
    const res = await server.api('POST', '/auth/google/link', { token: other.token, body: { idToken: await google.token({ sub }) } });
    expectProblem(res, 409, 'auth.account_exists');
    expect((await signIn(await google.token({ sub }))).body.user.id).toBe(owner.body.user.id);
  });

  it('linking needs a valid Google ID token: 401 auth.google_invalid', async () => {
    const u = await server.register('Bad Link');
    const res = await server.api('POST', '/auth/google/link', {
      token: u.token,
      body: { idToken: await google.token({}, { aud: 'someone-else' }) },
    });
    expectProblem(res, 401, 'auth.google_invalid');
  });

  it('a picture that is not an https URL is not used', async () => {
    const res = await signIn(await google.token({ email: `pic.${unique()}@gmail.test`, picture: 'javascript:alert(1)' }));
    expect(res.status).toBe(200);
    expect(res.body.user.avatarUrl).toBeNull();
  });

  it('concurrent first sign-ins of one Google account make one user', async () => {
    const sub = `g-${unique()}`;
    const token = await google.token({ sub, email: `race.${unique()}@gmail.test` });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(token, { deviceId: `d${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
    expect(results.filter((r) => r.body.created)).toHaveLength(1);
  });

  describe('rejects, with 401 auth.google_invalid,', () => {
    const cases: [string, () => Promise<string>][] = [
      [
        'another audience (a token minted for a different app)',
        () => google.token({}, { aud: 'someone-else.apps.googleusercontent.test' }),
      ],
      ['another issuer', () => google.token({}, { iss: 'https://evil.example' })],
      [
        'an expired token',
        () => google.token({}, { iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
      ],
      [
        'a token signed by another key under the same kid',
        async () => google.token({}, { key: (await jose.generateKeyPair('RS256')).privateKey }),
      ],
      ['a token with an unknown kid', () => google.token({}, { kid: 'unknown-kid' })],
      ['an unverified email', () => google.token({ email_verified: false })],
      ['no email', () => google.token({ email: undefined })],
      [
        'a tampered payload',
        async () => {
          const [h, p, s] = (await google.token()).split('.') as [string, string, string];
          return `${h}.${b64url({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), email: 'ceo@gmail.test' })}.${s}`;
        },
      ],
      [
        'an unsigned token (alg: none)',
        async () => {
          const now = Math.floor(Date.now() / 1000);
          const payload = {
            iss: google.issuer,
            aud: google.clientId,
            sub: 'x',
            email: 'a@gmail.test',
            email_verified: true,
            iat: now,
            exp: now + 600,
          };
          return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
        },
      ],
      ['an HS256 token', () => google.token({}, { alg: 'HS256', key: new TextEncoder().encode('x'.repeat(32)) as unknown as CryptoKey })],
      ['something that is not a JWT', async () => 'not-a-jwt'],
    ];
    for (const [name, make] of cases) {
      it(name, async () => {
        expectProblem(await signIn(await make()), 401, 'auth.google_invalid');
      });
    }
  });

  it('a missing or empty idToken → 400 validation.failed', async () => {
    expectProblem(await server.api('POST', '/auth/google', { body: {} }), 400, 'validation.failed');
    expectProblem(await signIn(''), 400, 'validation.failed');
  });

  it('fetches the JWKS once and caches it', async () => {
    const before = google.jwksRequests;
    for (let i = 0; i < 3; i++) expect((await signIn(await google.token({ email: `cache.${unique()}@gmail.test` }))).status).toBe(200);
    expect(google.jwksRequests - before).toBe(0);
  });
});

describe('configuration', () => {
  it('without GOOGLE_CLIENT_ID Google sign-in is off: 503 auth.method_disabled', async () => {
    const off = await TestServer.start();
    try {
      expectProblem(await off.api('POST', '/auth/google', { body: { idToken: await google.token() } }), 503, 'auth.method_disabled');
    } finally {
      await off.close();
    }
  });

  it('an unreachable JWKS → 503 service.unavailable, not a 401', async () => {
    const down = await TestServer.start({
      GOOGLE_CLIENT_ID: google.clientId,
      GOOGLE_ISSUER: google.issuer,
      GOOGLE_JWKS_URL: 'http://127.0.0.1:9/certs',
    });
    try {
      expectProblem(await down.api('POST', '/auth/google', { body: { idToken: await google.token() } }), 503, 'service.unavailable');
    } finally {
      await down.close();
    }
  });
});
