import crypto from 'node:crypto';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

const unique = () => crypto.randomBytes(4).toString('hex');

// The server signs with a key this test made, so it can mint tokens the server would accept.
const signingKey = crypto.generateKeyPairSync('ed25519').privateKey;
const JWT_PRIVATE_KEY = signingKey.export({ type: 'pkcs8', format: 'pem' }).toString();

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ JWT_PRIVATE_KEY });
});
afterAll(() => server?.close());

const register = (body: Record<string, unknown>) => server.api('POST', '/auth/register', { body });

describe('weak passwords are refused (item 12)', () => {
  const email = () => `maria.${unique()}@example.test`;
  const cases: [string, (e: string) => string][] = [
    ['12345678', () => '12345678'],
    ['password', () => 'password'],
    ['eight spaces', () => '        '],
    ['the email itself', (e) => e],
    ['the name with a digit', () => 'mariagarcia1'],
    ['a keyboard walk', () => 'qwertyuiop'],
  ];
  for (const [what, make] of cases) {
    it(`${what} → 400 validation.failed on body.password, saying why`, async () => {
      const e = email();
      const res = await register({ email: e, password: make(e), name: 'Maria Garcia' });
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors).toEqual([{ path: 'body.password', message: expect.stringMatching(/\w{4,}/) }]);
      // No account was made: the email is still free.
      expect((await register({ email: e, password: 'violet kettle harbour', name: 'Maria Garcia' })).status).toBe(201);
    });
  }

  it('the username is context too', async () => {
    const username = `zanzibar_${unique()}`;
    const res = await register({ email: email(), password: username, name: 'Some One', username });
    expectProblem(res, 400, 'validation.failed');
  });

  it('a strong passphrase is accepted and signs in', async () => {
    const e = email();
    expect((await register({ email: e, password: 'violet kettle harbour', name: 'Maria Garcia' })).status).toBe(201);
    expect((await server.api('POST', '/auth/login', { body: { login: e, password: 'violet kettle harbour' } })).status).toBe(200);
  });

  it('the test helpers default password passes', async () => {
    const u = await server.register('Helper Default');
    expect(u.token).toEqual(expect.any(String));
  });
});

describe('access tokens must carry exp, sub and sid (item 16)', () => {
  const mint = async (claims: Record<string, unknown>, build: (j: jose.SignJWT) => jose.SignJWT) => {
    const key = await jose.importPKCS8(JWT_PRIVATE_KEY, 'EdDSA');
    const kid = await jose.calculateJwkThumbprint(await jose.exportJWK(crypto.createPublicKey(signingKey)));
    return build(new jose.SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid }).setIssuer('parley').setIssuedAt()).sign(
      key,
    );
  };

  it('a token signed with the server key but without exp → 401 auth.token_invalid over REST and the socket handshake', async () => {
    const u = await server.register('No Expiry');
    const me = await server.api('GET', '/auth/me', { token: u.token });
    expect(me.status).toBe(200);
    const payload = jose.decodeJwt(u.token);
    // The same claims as a real token of this session, only without exp: a token that never dies.
    const forever = await mint({ sid: payload.sid, did: payload.did }, (j) => j.setSubject(u.id));
    expectProblem(await server.api('GET', '/auth/me', { token: forever }), 401, 'auth.token_invalid');
    const err = await server.socketError({ token: forever });
    expect(err.data?.code ?? err.message).toBe('auth.token_invalid');

    // The same token with exp works: the refusal is about exp, not the key.
    const withExp = await mint({ sid: payload.sid, did: payload.did }, (j) => j.setSubject(u.id).setExpirationTime('5m'));
    expect((await server.api('GET', '/auth/me', { token: withExp })).status).toBe(200);
  });

  it('without sub or without sid → 401 auth.token_invalid', async () => {
    const u = await server.register('Missing Claims');
    const payload = jose.decodeJwt(u.token);
    const noSub = await mint({ sid: payload.sid, did: payload.did }, (j) => j.setExpirationTime('5m'));
    const noSid = await mint({ did: payload.did }, (j) => j.setSubject(u.id).setExpirationTime('5m'));
    expectProblem(await server.api('GET', '/auth/me', { token: noSub }), 401, 'auth.token_invalid');
    expectProblem(await server.api('GET', '/auth/me', { token: noSid }), 401, 'auth.token_invalid');
    expect((await server.socketError({ token: noSid })).data?.code).toBe('auth.token_invalid');
  });
});

describe('names refuse bidirectional controls', () => {
  const bidi = ['\u202e', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

  it('registering with one in the name → 400 validation.failed on body.name', async () => {
    for (const c of bidi) {
      const res = await register({ email: `bidi.${unique()}@example.test`, password: 'violet kettle harbour', name: `Eve${c}lyn` });
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors).toEqual([{ path: 'body.name', message: expect.stringMatching(/direction/) }]);
    }
  });

  it('PATCH /users/me name → 400; group name on create and update → 400; a normal RTL name is fine', async () => {
    const u = await server.register('Plain Name');
    const patched = await server.api('PATCH', '/users/me', { token: u.token, body: { name: 'gnp.\u202eexe' } });
    expectProblem(patched, 400, 'validation.failed');
    expect(patched.body.errors[0].path).toBe('body.name');
    const created = await server.api('POST', '/groups', { token: u.token, body: { name: 'Team \u2067evil\u2069' } });
    expectProblem(created, 400, 'validation.failed');
    expect(created.body.errors[0].path).toBe('body.name');
    const ok = await server.api('POST', '/groups', { token: u.token, body: { name: 'فريق العمل' } });
    expect(ok.status).toBe(201);
    const renamed = await server.api('PATCH', `/groups/${ok.body.group.id}`, { token: u.token, body: { name: 'x\u200fy' } });
    expectProblem(renamed, 400, 'validation.failed');
    expect((await server.api('PATCH', '/users/me', { token: u.token, body: { name: 'שרה כהן' } })).status).toBe(200);
  });
});
