import crypto from 'node:crypto';
import * as jose from 'jose';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessions } from '../src/db/schema.js';
import { disconnected, settle, TestServer, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

// The server signs with a key we know, so tests can mint tokens it accepts (or that expired).
const { privateKey: signingKeyObject } = crypto.generateKeyPairSync('ed25519');
const signingPem = signingKeyObject.export({ type: 'pkcs8', format: 'pem' }).toString();

let server: TestServer;
let signingKey: CryptoKey;

beforeAll(async () => {
  signingKey = await jose.importPKCS8(signingPem, 'EdDSA');
  server = await TestServer.start({ JWT_PRIVATE_KEY: signingPem });
});
afterAll(() => server?.close());

const unique = () => crypto.randomBytes(4).toString('hex');
const sessionIdOf = (accessToken: string) => jose.decodeJwt(accessToken).sid as string;
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A token signed with the server's own key: valid unless the claims say otherwise. */
function mint(claims: { sub: string; sid: string; iss?: string; iat?: number; exp?: number }) {
  const now = Math.floor(Date.now() / 1000);
  return new jose.SignJWT({ sid: claims.sid })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(claims.iss ?? 'parley')
    .setIssuedAt(claims.iat ?? now)
    .setExpirationTime(claims.exp ?? now + 300)
    .sign(signingKey);
}

async function login(body: Record<string, unknown>) {
  return server.api('POST', '/auth/login', { body });
}

describe('register', () => {
  it('returns 201 with the own profile, a token pair and expiresIn; generates a username', async () => {
    const email = `ada.${unique()}@example.test`;
    const res = await server.api('POST', '/auth/register', { body: { email, password: 'correct horse', name: 'Ada Lovelace' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      user: expect.any(Object),
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
    });
    const { user } = res.body;
    expect(user).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      email,
      phoneNumber: null,
      name: 'Ada Lovelace',
      initials: 'AL',
      avatarColor: expect.stringMatching(/^hsl\(\d{1,3}, \d+%, \d+%\)$/),
      avatarUrl: null,
      bio: null,
      isOnline: false,
    });
    expect(user.username).toMatch(/^ada_lovelace(_\d+)?$/);
    expect(new Date(user.createdAt).toISOString()).toBe(user.createdAt);
    // The access token is a JWT for this user; the refresh token is opaque.
    const claims = jose.decodeJwt(res.body.accessToken);
    expect(claims).toMatchObject({ sub: user.id, iss: 'parley', sid: expect.any(String) });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(res.body.refreshToken.split('.')).toHaveLength(1);
  });

  it('keeps a chosen username (lowercased) and derives initials from the first and last word', async () => {
    const name = `cher${unique()}`;
    const res = await server.api('POST', '/auth/register', {
      body: {
        email: `${name}@example.test`,
        password: 'violet kettle harbour',
        name: 'Jean Claude Van Damme',
        username: name.toUpperCase(),
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: name, initials: 'JD' });
  });

  it('rejects a registered email, in any case, with 409 user.email_taken', async () => {
    const u = await server.register('Email Owner');
    const res = await server.api('POST', '/auth/register', {
      body: { email: u.email.toUpperCase(), password: 'violet kettle harbour', name: 'Copycat' },
    });
    expectProblem(res, 409, 'user.email_taken');
  });

  it('rejects a taken username, in any case, with 409 user.username_taken', async () => {
    const u = await server.register('Name Owner', { username: `owner_${unique()}` });
    const res = await server.api('POST', '/auth/register', {
      body: {
        email: `other.${unique()}@example.test`,
        password: 'violet kettle harbour',
        name: 'Copycat',
        username: u.username.toUpperCase(),
      },
    });
    expectProblem(res, 409, 'user.username_taken');
  });

  it('lists each bad field in a 400 validation.failed', async () => {
    const res = await server.api('POST', '/auth/register', { body: { email: 'not-an-email', password: 'short', name: '' } });
    expectProblem(res, 400, 'validation.failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.name']));
  });
});

describe('login', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await server.register('Login Person', { username: `login_${unique()}` });
  });

  it('accepts the email, case-insensitively', async () => {
    const res = await login({ login: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { id: user.id, email: user.email },
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
    });
  });

  it('accepts the username, case-insensitively', async () => {
    const res = await login({ login: ` ${user.username.toUpperCase()} `, password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    const me = await server.api('GET', '/auth/me', { token: res.body.accessToken });
    expect(me.body.user.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown user with the same 401 auth.invalid_credentials', async () => {
    const wrongPassword = await login({ login: user.email, password: 'not the password' });
    const unknownEmail = await login({ login: `nobody.${unique()}@example.test`, password: user.password });
    const unknownUsername = await login({ login: `nobody_${unique()}`, password: user.password });
    for (const res of [wrongPassword, unknownEmail, unknownUsername]) expectProblem(res, 401, 'auth.invalid_credentials');
    expect(unknownEmail.body.detail).toBe(wrongPassword.body.detail);
  });

  it('rejects a missing password with 400 validation.failed', async () => {
    expectProblem(await login({ login: user.email }), 400, 'validation.failed');
  });
});

describe('access tokens', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await server.register('Token Holder');
  });

  it('GET /auth/me returns the own profile for a valid token', async () => {
    const res = await server.api('GET', '/auth/me', { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, email: user.email, username: user.username, name: user.name });
  });

  it('without a token (or a non-Bearer header) → 401 auth.unauthorized', async () => {
    expectProblem(await server.api('GET', '/auth/me'), 401, 'auth.unauthorized');
    const basic = await server.api('GET', '/auth/me', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
    expectProblem(basic, 401, 'auth.unauthorized');
  });

  it('a token with a tampered signature → 401 auth.token_invalid', async () => {
    const [h, p, sig] = user.token.split('.') as [string, string, string];
    // Change a character in the middle: the last one may only carry padding bits.
    const i = Math.floor(sig.length / 2);
    const flipped = sig.slice(0, i) + (sig[i] === 'A' ? 'B' : 'A') + sig.slice(i + 1);
    expectProblem(await server.api('GET', '/auth/me', { token: `${h}.${p}.${flipped}` }), 401, 'auth.token_invalid');
  });

  it('a tampered payload (another sub under the original signature) → 401 auth.token_invalid', async () => {
    const other = await server.register('Someone Else');
    const [h, , sig] = user.token.split('.');
    const payload = { ...jose.decodeJwt(user.token), sub: other.id };
    expectProblem(await server.api('GET', '/auth/me', { token: `${h}.${b64url(payload)}.${sig}` }), 401, 'auth.token_invalid');
  });

  /** The claims the server puts in a token for `user`, signed with another key or algorithm. */
  const signedAsServerWould = (alg: string, key: CryptoKey | Uint8Array) =>
    new jose.SignJWT({ sid: sessionIdOf(user.token) })
      .setProtectedHeader({ alg, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer('parley')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('an unsigned token (alg: none) → 401 auth.token_invalid', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { sub: user.id, sid: sessionIdOf(user.token), iss: 'parley', iat: now, exp: now + 600 };
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
    expectProblem(await server.api('GET', '/auth/me', { token }), 401, 'auth.token_invalid');
  });

  it('a token signed by another Ed25519 key → 401 auth.token_invalid', async () => {
    const { privateKey } = await jose.generateKeyPair('EdDSA');
    const token = await signedAsServerWould('EdDSA', privateKey);
    expectProblem(await server.api('GET', '/auth/me', { token }), 401, 'auth.token_invalid');
  });

  it('a token signed with the public key as an HMAC secret (algorithm confusion) → 401 auth.token_invalid', async () => {
    const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).json();
    const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const token = await signedAsServerWould('HS256', secret);
    expectProblem(await server.api('GET', '/auth/me', { token }), 401, 'auth.token_invalid');
  });

  it("a token signed with the server's key is accepted (the tokens below fail only for their claims)", async () => {
    const token = await mint({ sub: user.id, sid: sessionIdOf(user.token) });
    const res = await server.api('GET', '/auth/me', { token });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
  });

  it('an expired token → 401 auth.token_expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await mint({ sub: user.id, sid: sessionIdOf(user.token), iat: now - 3600, exp: now - 1800 });
    expectProblem(await server.api('GET', '/auth/me', { token }), 401, 'auth.token_expired');
  });

  it('a token from another issuer → 401 auth.token_invalid', async () => {
    const token = await mint({ sub: user.id, sid: sessionIdOf(user.token), iss: 'not-parley' });
    expectProblem(await server.api('GET', '/auth/me', { token }), 401, 'auth.token_invalid');
  });

  it("a well-signed token naming someone else's session → 401 auth.session_revoked", async () => {
    const other = await server.register('Session Owner');
    const token = await mint({ sub: user.id, sid: sessionIdOf(other.token) });
    expectProblem(await server.api('GET', '/auth/me', { token }), 401, 'auth.session_revoked');
    const unknown = await mint({ sub: user.id, sid: crypto.randomUUID() });
    expectProblem(await server.api('GET', '/auth/me', { token: unknown }), 401, 'auth.session_revoked');
  });

  it('GET /.well-known/jwks.json publishes the public key that verifies access tokens', async () => {
    const res = await fetch(`${server.url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const jwks = (await res.json()) as jose.JSONWebKeySet;
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    const key = jwks.keys[0]!;
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) });
    expect(key).not.toHaveProperty('d'); // never the private part
    // It is the public half of the configured key.
    const expected = crypto.createPublicKey(signingKeyObject).export({ format: 'jwk' });
    expect(key.x).toBe(expected.x);

    const header = jose.decodeProtectedHeader(user.token);
    expect(header).toMatchObject({ alg: 'EdDSA', kid: key.kid });
    const { payload } = await jose.jwtVerify(user.token, jose.createLocalJWKSet(jwks), { issuer: 'parley', algorithms: ['EdDSA'] });
    expect(payload).toMatchObject({ sub: user.id, sid: sessionIdOf(user.token) });
  });
});

describe('refresh-token rotation', () => {
  it('trades a refresh token for a working new pair', async () => {
    const user = await server.register('Refresher');
    const res = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: user.refreshToken } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { id: user.id, email: user.email },
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
    });
    expect(res.body.refreshToken).not.toBe(user.refreshToken);
    // Same session (device), new tokens.
    expect(sessionIdOf(res.body.accessToken)).toBe(sessionIdOf(user.token));
    const me = await server.api('GET', '/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    const again = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: res.body.refreshToken } });
    expect(again.status).toBe(200);
  });

  it('a reused refresh token → 401 auth.refresh_reused, and the whole session is revoked', async () => {
    const user = await server.register('Replay Victim');
    const first = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: user.refreshToken } });
    expect(first.status).toBe(200);
    const second = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: first.body.refreshToken } });
    expect(second.status).toBe(200);
    const newest = second.body;
    expect((await server.api('GET', '/auth/me', { token: newest.accessToken })).status).toBe(200);

    // The original (already used) token is presented again: theft or replay.
    const replay = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: user.refreshToken } });
    expectProblem(replay, 401, 'auth.refresh_reused');

    // The revocation committed even though the caller got an error: the newest pair is dead too.
    const newestRefresh = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: newest.refreshToken } });
    expectProblem(newestRefresh, 401, 'auth.refresh_invalid');
    expectProblem(await server.api('GET', '/auth/me', { token: newest.accessToken }), 401, 'auth.session_revoked');
    expectProblem(await server.api('GET', '/auth/me', { token: user.token }), 401, 'auth.session_revoked');
    // Other sessions of the same user are untouched.
    const other = await login({ login: user.email, password: user.password, deviceId: 'other-device' });
    expect((await server.api('GET', '/auth/me', { token: other.body.accessToken })).status).toBe(200);
  });

  it('an unknown refresh token → 401 auth.refresh_invalid; an empty one → 400', async () => {
    const res = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: crypto.randomBytes(32).toString('base64url') } });
    expectProblem(res, 401, 'auth.refresh_invalid');
    expectProblem(await server.api('POST', '/auth/refresh-token', { body: { refreshToken: '' } }), 400, 'validation.failed');
  });
});

describe('logout', () => {
  it("returns {success: true} and ends the session's access and refresh tokens", async () => {
    const user = await server.register('Leaver');
    const res = await server.api('POST', '/auth/logout', { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expectProblem(await server.api('GET', '/auth/me', { token: user.token }), 401, 'auth.session_revoked');
    expectProblem(await server.api('POST', '/auth/logout', { token: user.token }), 401, 'auth.session_revoked');
    expectProblem(
      await server.api('POST', '/auth/refresh-token', { body: { refreshToken: user.refreshToken } }),
      401,
      'auth.refresh_invalid',
    );
  });

  it('needs a token', async () => {
    expectProblem(await server.api('POST', '/auth/logout'), 401, 'auth.unauthorized');
  });
});

describe('sessions', () => {
  let user: TestUser;
  let phone: { accessToken: string; refreshToken: string };
  let laptop: { accessToken: string; refreshToken: string };

  beforeAll(async () => {
    user = await server.register('Many Devices');
    phone = (await login({ login: user.email, password: user.password, deviceId: 'phone-1', deviceName: 'Pixel' })).body;
    laptop = (await login({ login: user.username, password: user.password, deviceId: 'laptop-1', deviceName: 'ThinkPad' })).body;
  });

  it('lists every device session with current on exactly the caller', async () => {
    const res = await server.api('GET', '/auth/sessions', { token: phone.accessToken });
    expect(res.status).toBe(200);
    const list = res.body.sessions as any[];
    expect(list.find((s) => s.deviceId === 'phone-1')).toMatchObject({
      id: sessionIdOf(phone.accessToken),
      deviceName: 'Pixel',
      current: true,
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });
    expect(list.find((s) => s.deviceId === 'laptop-1')).toMatchObject({
      id: sessionIdOf(laptop.accessToken),
      deviceName: 'ThinkPad',
      current: false,
    });
    expect(list.filter((s) => s.current)).toHaveLength(1);
    // The registration's session is a third device.
    expect(list.map((s) => s.id).sort()).toEqual(
      [sessionIdOf(user.token), sessionIdOf(phone.accessToken), sessionIdOf(laptop.accessToken)].sort(),
    );

    const fromLaptop = await server.api('GET', '/auth/sessions', { token: laptop.accessToken });
    expect(fromLaptop.body.sessions.filter((s: any) => s.current).map((s: any) => s.deviceId)).toEqual(['laptop-1']);
  });

  it('lastUsedAt moves when a session used over a minute ago is used again (a request, a socket handshake), written within a second', async () => {
    const lastUsed = async (accessToken: string) =>
      ((await server.api('GET', '/auth/sessions', { token: phone.accessToken })).body.sessions as any[]).find(
        (s) => s.id === sessionIdOf(accessToken),
      ).lastUsedAt as string;
    const age = (accessToken: string) =>
      server.app.ctx.db
        .update(sessions)
        .set({ lastUsedAt: new Date(Date.now() - 3_600_000) })
        .where(eq(sessions.id, sessionIdOf(accessToken)));
    await age(laptop.accessToken);
    const aged = await lastUsed(laptop.accessToken);
    expect(Date.now() - Date.parse(aged)).toBeGreaterThan(3_000_000);
    expect((await server.api('GET', '/auth/me', { token: laptop.accessToken })).status).toBe(200);
    await vi.waitFor(async () => expect(Date.now() - Date.parse(await lastUsed(laptop.accessToken))).toBeLessThan(10_000), {
      timeout: 3_000,
    });

    await age(laptop.accessToken);
    const socket = await server.socket(laptop.accessToken);
    await vi.waitFor(async () => expect(Date.now() - Date.parse(await lastUsed(laptop.accessToken))).toBeLessThan(10_000), {
      timeout: 3_000,
    });
    socket.disconnect();
  });

  it("DELETE /auth/sessions/:id revokes another device's session", async () => {
    const laptopSession = sessionIdOf(laptop.accessToken);
    const res = await server.api('DELETE', `/auth/sessions/${laptopSession}`, { token: phone.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expectProblem(await server.api('GET', '/auth/me', { token: laptop.accessToken }), 401, 'auth.session_revoked');
    expectProblem(
      await server.api('POST', '/auth/refresh-token', { body: { refreshToken: laptop.refreshToken } }),
      401,
      'auth.refresh_invalid',
    );
    const list = await server.api('GET', '/auth/sessions', { token: phone.accessToken });
    expect(list.body.sessions.map((s: any) => s.id)).not.toContain(laptopSession);
    // Revoked once: a second DELETE finds nothing.
    expectProblem(await server.api('DELETE', `/auth/sessions/${laptopSession}`, { token: phone.accessToken }), 404, 'session.not_found');
  });

  it("an unknown or another user's session id → 404 session.not_found (and that session survives)", async () => {
    expectProblem(
      await server.api('DELETE', `/auth/sessions/${crypto.randomUUID()}`, { token: phone.accessToken }),
      404,
      'session.not_found',
    );
    const stranger = await server.register('Stranger');
    const res = await server.api('DELETE', `/auth/sessions/${sessionIdOf(stranger.token)}`, { token: phone.accessToken });
    expectProblem(res, 404, 'session.not_found');
    expect((await server.api('GET', '/auth/me', { token: stranger.token })).status).toBe(200);
  });

  it('a malformed session id → 400 validation.failed', async () => {
    expectProblem(await server.api('DELETE', '/auth/sessions/not-a-uuid', { token: phone.accessToken }), 400, 'validation.failed');
  });

  it('signing in again on the same device replaces its old session', async () => {
    const again = await login({ login: user.email, password: user.password, deviceId: 'phone-1', deviceName: 'Pixel' });
    expect(again.status).toBe(200);
    expect(sessionIdOf(again.body.accessToken)).not.toBe(sessionIdOf(phone.accessToken));
    expectProblem(await server.api('GET', '/auth/me', { token: phone.accessToken }), 401, 'auth.session_revoked');
    const list = await server.api('GET', '/auth/sessions', { token: again.body.accessToken });
    const phones = list.body.sessions.filter((s: any) => s.deviceId === 'phone-1');
    expect(phones).toHaveLength(1);
    expect(phones[0]).toMatchObject({ id: sessionIdOf(again.body.accessToken), current: true });
  });

  it('needs a token', async () => {
    expectProblem(await server.api('GET', '/auth/sessions'), 401, 'auth.unauthorized');
  });
});

describe('socket handshake', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await server.register('Socket Person');
  });

  it('without a token fails with connect_error auth.unauthorized', async () => {
    const err = await server.socketError({});
    expect(err.message).toBe('auth.unauthorized');
    expect(err.data?.code).toBe('auth.unauthorized');
  });

  it('with a bad token fails with connect_error auth.token_invalid', async () => {
    expect((await server.socketError({ token: 'not.a.jwt' })).message).toBe('auth.token_invalid');
    const [h, p, sig] = user.token.split('.') as [string, string, string];
    const i = Math.floor(sig.length / 2);
    const tampered = `${h}.${p}.${sig.slice(0, i)}${sig[i] === 'A' ? 'B' : 'A'}${sig.slice(i + 1)}`;
    expect((await server.socketError({ token: tampered })).message).toBe('auth.token_invalid');
  });

  it('with an expired token fails with connect_error auth.token_expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await mint({ sub: user.id, sid: sessionIdOf(user.token), iat: now - 3600, exp: now - 60 });
    expect((await server.socketError({ token })).message).toBe('auth.token_expired');
  });

  it('with the token of a revoked session fails with connect_error auth.session_revoked', async () => {
    const other = await server.register('Logged Out');
    expect((await server.api('POST', '/auth/logout', { token: other.token })).status).toBe(200);
    expect((await server.socketError({ token: other.token })).message).toBe('auth.session_revoked');
  });

  it('with a valid token connects', async () => {
    const s = await server.socket(user.token);
    expect(s.connected).toBe(true);
  });
});

describe('revoking a session closes its sockets', () => {
  it("a reused refresh token revokes the family and disconnects that session's sockets, and only those", async () => {
    const user = await server.register('Socket Replay');
    const other = await login({ login: user.email, password: user.password, deviceId: 'untouched-device' });
    const victimSocket = await server.socket(user.token);
    const otherSocket = await server.socket(other.body.accessToken);
    const rotated = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: user.refreshToken } });
    expect(rotated.status).toBe(200);
    // A socket opened with the rotated token belongs to the same session: it goes too.
    const rotatedSocket = await server.socket(rotated.body.accessToken);
    const gone = Promise.all([disconnected(victimSocket), disconnected(rotatedSocket)]);

    expectProblem(
      await server.api('POST', '/auth/refresh-token', { body: { refreshToken: user.refreshToken } }),
      401,
      'auth.refresh_reused',
    );
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await server.socketError({ token: rotated.body.accessToken })).message).toBe('auth.session_revoked');
    await settle();
    expect(otherSocket.connected).toBe(true);
  });

  it("logout and DELETE /auth/sessions/:id disconnect that session's sockets", async () => {
    const user = await server.register('Socket Revoke');
    const laptop = (await login({ login: user.email, password: user.password, deviceId: 'laptop-x' })).body;
    const laptopSocket = await server.socket(laptop.accessToken);
    const ownSocket = await server.socket(user.token);
    const laptopGone = disconnected(laptopSocket);
    expect((await server.api('DELETE', `/auth/sessions/${sessionIdOf(laptop.accessToken)}`, { token: user.token })).status).toBe(200);
    expect(await laptopGone).toBe('io server disconnect');
    expect(ownSocket.connected).toBe(true);
    const ownGone = disconnected(ownSocket);
    expect((await server.api('POST', '/auth/logout', { token: user.token })).status).toBe(200);
    expect(await ownGone).toBe('io server disconnect');
  });
});
