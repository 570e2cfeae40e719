import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../src/db/schema.js';
import { expectProblem } from './helpers/problems.js';
import { newAccount, sdkClient } from './helpers/sdk.js';
import { disconnected, TestServer, type TestUser } from './helpers/server.js';
import { LocalSmtp, linkToken } from './helpers/smtpService.js';

const unique = () => crypto.randomBytes(4).toString('hex');
const PUBLIC_URL = 'https://chat.example.test';

let smtp: LocalSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = new LocalSmtp();
  await smtp.start();
  server = await TestServer.start({ SMTP_URL: smtp.url, MAIL_FROM: 'Parley <no-reply@example.test>', PUBLIC_URL, MAIL_POLL_MS: '100' });
});
afterAll(async () => {
  await server?.close();
  await smtp?.stop();
});

const me = async (token: string) => (await server.api('GET', '/auth/me', { token })).body.user;

async function requestVerification(u: TestUser): Promise<string> {
  const before = smtp.mails.length;
  const res = await server.api('POST', '/auth/email/verification', { token: u.token });
  expect(res.status).toBe(202);
  return linkToken(await smtp.mailTo(u.email, { after: before }), 'verify-email');
}

describe('email verification', () => {
  it('register → emailVerified false; the mailed link verifies it', async () => {
    const u = await server.register('Ada Lovelace');
    expect(await me(u.token)).toMatchObject({ email: u.email, emailVerified: false });
    const before = smtp.mails.length;
    expect((await server.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
    const mail = await smtp.mailTo(u.email, { after: before });
    expect(mail.from?.text).toContain('no-reply@example.test');
    expect(mail.subject).toMatch(/confirm your email/i);
    expect(mail.html).toContain(`${PUBLIC_URL}/#/verify-email?token=`);
    expect(mail.text).toContain(`${PUBLIC_URL}/#/verify-email?token=`);
    const token = linkToken(mail, 'verify-email');

    const res = await server.api('POST', '/auth/email/verify', { body: { token } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: u.id, email: u.email, emailVerified: true });
    expect(await me(u.token)).toMatchObject({ emailVerified: true });
  });

  it('a token works once: the second use is 400 auth.link_invalid', async () => {
    const u = await server.register('Once Only');
    const token = await requestVerification(u);
    expect((await server.api('POST', '/auth/email/verify', { body: { token } })).status).toBe(200);
    expectProblem(await server.api('POST', '/auth/email/verify', { body: { token } }), 400, 'auth.link_invalid');
  });

  it('two concurrent uses of one token: one wins', async () => {
    const u = await server.register('Race Twice');
    const token = await requestVerification(u);
    const both = await Promise.all([1, 2].map(() => server.api('POST', '/auth/email/verify', { body: { token } })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('an expired token is 410 auth.link_expired', async () => {
    const u = await server.register('Late Comer');
    const token = await requestVerification(u);
    // The only way to move a clock forward 24 h: age the stored token.
    await server.app.ctx.db.execute(sql`update account_tokens set expires_at = now() - interval '1 second' where user_id = ${u.id}`);
    expectProblem(await server.api('POST', '/auth/email/verify', { body: { token } }), 410, 'auth.link_expired');
    expect(await me(u.token)).toMatchObject({ emailVerified: false });
  });

  it('a newer link replaces the older one; an unknown token is 400', async () => {
    const u = await server.register('Two Links');
    const first = await requestVerification(u);
    const second = await requestVerification(u);
    expectProblem(await server.api('POST', '/auth/email/verify', { body: { token: first } }), 400, 'auth.link_invalid');
    expect((await server.api('POST', '/auth/email/verify', { body: { token: second } })).status).toBe(200);
    expectProblem(await server.api('POST', '/auth/email/verify', { body: { token: 'x'.repeat(43) } }), 400, 'auth.link_invalid');
  });

  it('an email already verified is sent nothing; asking needs a session', async () => {
    const u = await server.register('Already Done');
    await server.api('POST', '/auth/email/verify', { body: { token: await requestVerification(u) } });
    const count = smtp.countTo(u.email);
    expect((await server.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.countTo(u.email)).toBe(count);
    expectProblem(await server.api('POST', '/auth/email/verification'), 401, 'auth.unauthorized');
  });

  it('bad input is 400, not 500', async () => {
    expectProblem(await server.api('POST', '/auth/email/verify', { body: {} }), 400, 'validation.failed');
    expectProblem(await server.api('POST', '/auth/email/verify', { body: { token: 'a'.repeat(1000) } }), 400, 'validation.failed');
    expectProblem(await server.api('POST', '/auth/password/forgot', { body: { email: 'not an email' } }), 400, 'validation.failed');
  });
});

describe('forgot and reset password', () => {
  it('known and unknown emails both get 202 with identical bodies; only the known one gets a mail', async () => {
    const u = await server.register('Forgetful Fred');
    const unknown = `nobody.${unique()}@example.test`;
    const before = smtp.mails.length;
    const known = await server.api('POST', '/auth/password/forgot', { body: { email: u.email.toUpperCase() } });
    const other = await server.api('POST', '/auth/password/forgot', { body: { email: unknown } });
    expect(known.status).toBe(202);
    expect(other.status).toBe(202);
    expect(other.body).toEqual(known.body);
    expect(other.headers.get('content-type')).toBe(known.headers.get('content-type'));
    expect(other.headers.get('content-length')).toBe(known.headers.get('content-length'));
    const mail = await smtp.mailTo(u.email, { after: before });
    expect(mail.subject).toMatch(/reset/i);
    expect(mail.html).toContain(`${PUBLIC_URL}/#/reset-password?token=`);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.countTo(unknown)).toBe(0);
  });

  it('answers before the email is looked up: 202 while the users table is locked, the mail once it is free', async () => {
    // Nothing the answer could depend on (the account, its token, its mail) can run while this lock is held: a route
    // that looked the email up before answering would not answer, and the fetch's own timeout would fail the test.
    const u = await server.register('Locked Lou');
    const unknown = `nobody.${unique()}@example.test`;
    const before = smtp.mails.length;
    const forgot = (email: string) =>
      fetch(`${server.url}/api/v1/auth/password/forgot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
        signal: AbortSignal.timeout(20_000),
      });
    const answers = await server.app.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`lock table users in access exclusive mode`);
      const known = await forgot(u.email);
      const other = await forgot(unknown);
      return Promise.all(
        [known, other].map(async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.text() })),
      );
    });
    expect(answers[0]).toEqual({ status: 202, type: expect.stringMatching(/^application\/json/), body: '{"success":true}' });
    expect(answers[1]).toEqual(answers[0]);
    const mail = await smtp.mailTo(u.email, { after: before });
    expect(mail.html).toContain(`${PUBLIC_URL}/#/reset-password?token=`);
    expect(smtp.countTo(unknown)).toBe(0);
  });

  it('a reset via the mailed token revokes every session and closes sockets', async () => {
    const u = await server.register('Reset Rita');
    const phone = (await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password, deviceId: 'phone' } })).body;
    const socket = await server.socket(phone.accessToken);
    const gone = disconnected(socket);
    const before = smtp.mails.length;
    await server.api('POST', '/auth/password/forgot', { body: { email: u.email } });
    const token = linkToken(await smtp.mailTo(u.email, { after: before }), 'reset-password');

    expectProblem(await server.api('POST', '/auth/password/reset', { body: { token, password: 'password' } }), 400, 'validation.failed');
    const newPassword = 'marmalade lighthouse quietly';
    const res = await server.api('POST', '/auth/password/reset', { body: { token, password: newPassword } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect(await gone).toBe('io server disconnect');

    expectProblem(await server.api('GET', '/auth/me', { token: u.token }), 401, 'auth.session_revoked');
    expectProblem(await server.api('GET', '/auth/me', { token: phone.accessToken }), 401, 'auth.session_revoked');
    expectProblem(await server.api('POST', '/auth/refresh-token', { body: { refreshToken: u.refreshToken } }), 401, 'auth.refresh_invalid');
    expectProblem(await server.api('POST', '/auth/password/reset', { body: { token, password: newPassword } }), 400, 'auth.link_invalid');
    expectProblem(
      await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password } }),
      401,
      'auth.invalid_credentials',
    );
    const login = await server.api('POST', '/auth/login', { body: { login: u.email, password: newPassword } });
    expect(login.status).toBe(200);
    // The mailed link proved the email.
    expect(login.body.user.emailVerified).toBe(true);
  });

  it('an expired reset token is 410 and changes nothing', async () => {
    const u = await server.register('Slow Sam');
    const before = smtp.mails.length;
    await server.api('POST', '/auth/password/forgot', { body: { email: u.email } });
    const token = linkToken(await smtp.mailTo(u.email, { after: before }), 'reset-password');
    await server.app.ctx.db.execute(sql`update account_tokens set expires_at = now() - interval '1 second' where user_id = ${u.id}`);
    const res = await server.api('POST', '/auth/password/reset', { body: { token, password: 'marmalade lighthouse quietly' } });
    expectProblem(res, 410, 'auth.link_expired');
    expect((await server.api('GET', '/auth/me', { token: u.token })).status).toBe(200);
  });

  it('a verification token does not reset a password', async () => {
    const u = await server.register('Mixed Links');
    const token = await requestVerification(u);
    const res = await server.api('POST', '/auth/password/reset', { body: { token, password: 'marmalade lighthouse quietly' } });
    expectProblem(res, 400, 'auth.link_invalid');
  });
});

describe('change password', () => {
  it('revokes every other session but not the current one', async () => {
    const u = await server.register('Change Chloe');
    const laptop = (await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password, deviceId: 'laptop' } })).body;
    const laptopSocket = await server.socket(laptop.accessToken);
    const ownSocket = await server.socket(u.token);
    const laptopGone = disconnected(laptopSocket);

    expectProblem(
      await server.api('POST', '/auth/password/change', { token: u.token, body: { currentPassword: 'wrong one', newPassword: 'x' } }),
      400,
      'validation.failed',
    );
    expectProblem(
      await server.api('POST', '/auth/password/change', {
        token: u.token,
        body: { currentPassword: 'wrong password here', newPassword: 'marmalade lighthouse quietly' },
      }),
      403,
      'auth.wrong_password',
    );
    expectProblem(
      await server.api('POST', '/auth/password/change', {
        token: u.token,
        body: { currentPassword: u.password, newPassword: 'password1' },
      }),
      400,
      'validation.failed',
    );
    const newPassword = 'marmalade lighthouse quietly';
    const res = await server.api('POST', '/auth/password/change', { token: u.token, body: { currentPassword: u.password, newPassword } });
    expect(res.status).toBe(200);
    expect(await laptopGone).toBe('io server disconnect');
    expectProblem(await server.api('GET', '/auth/me', { token: laptop.accessToken }), 401, 'auth.session_revoked');
    expectProblem(
      await server.api('POST', '/auth/refresh-token', { body: { refreshToken: laptop.refreshToken } }),
      401,
      'auth.refresh_invalid',
    );
    // This session goes on: its tokens, its socket.
    expect((await server.api('GET', '/auth/me', { token: u.token })).status).toBe(200);
    expect((await server.api('POST', '/auth/refresh-token', { body: { refreshToken: u.refreshToken } })).status).toBe(200);
    expect(ownSocket.connected).toBe(true);
    expect((await server.api('POST', '/auth/login', { body: { login: u.email, password: newPassword } })).status).toBe(200);
  });
});

describe('the outbox', () => {
  it('a mail asked for while the SMTP server is down arrives once it is back', async () => {
    const u = await server.register('Patient Pat');
    await smtp.stop();
    try {
      expect((await server.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
      // The sender tries, fails and backs off.
      const lastError = async () => {
        const [row] = await server.app.ctx.db
          .select({ lastError: mailOutbox.lastError })
          .from(mailOutbox)
          .where(eq(mailOutbox.to, u.email));
        return row?.lastError;
      };
      await expect.poll(lastError, { timeout: 5000 }).toEqual(expect.any(String));
    } finally {
      await smtp.start();
    }
    const mail = await smtp.mailTo(u.email, { timeoutMs: 15_000 });
    expect((await server.api('POST', '/auth/email/verify', { body: { token: linkToken(mail, 'verify-email') } })).status).toBe(200);
  }, 30_000);
});

describe('the SDK: client.account', () => {
  it('verifies the email, changes the password, forgets and resets it', async () => {
    const account = newAccount('Sdk Sally');
    const client = await sdkClient(server, account, { signUp: true });
    try {
      let before = smtp.mails.length;
      await client.account.requestEmailVerification();
      const user = await client.account.verifyEmail(linkToken(await smtp.mailTo(account.email, { after: before }), 'verify-email'));
      expect(user.emailVerified).toBe(true);
      await expect(client.account.changePassword('not my password', 'marmalade lighthouse quietly')).rejects.toMatchObject({
        code: 'auth.wrong_password',
      });
      await client.account.changePassword(account.password, 'marmalade lighthouse quietly');
      before = smtp.mails.length;
      await client.account.forgotPassword(account.email);
      const token = linkToken(await smtp.mailTo(account.email, { after: before }), 'reset-password');
      await client.account.resetPassword(token, 'tangerine observatory slowly');
      await expect(client.account.verifyEmail(token)).rejects.toMatchObject({ code: 'auth.link_invalid' });
      const login = await server.api('POST', '/auth/login', { body: { login: account.email, password: 'tangerine observatory slowly' } });
      expect(login.status).toBe(200);
    } finally {
      await client.close();
    }
  });
});

describe('rate limits', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await TestServer.start({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_POLL_MS: '100', RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL: '2/1h' });
  });
  afterAll(() => limited?.close());

  it('forgot: per email, known or not, the same 429', async () => {
    const u = await limited.register('Limit Lee');
    const unknown = `nobody.${unique()}@example.test`;
    for (const email of [u.email, unknown]) {
      for (let i = 0; i < 2; i++) expect((await limited.api('POST', '/auth/password/forgot', { body: { email } })).status).toBe(202);
      const res = await limited.api('POST', '/auth/password/forgot', { body: { email } });
      expectProblem(res, 429, 'rate_limited');
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
  });

  it('verification: per account', async () => {
    const u = await limited.register('Limit Liz');
    for (let i = 0; i < 2; i++) expect((await limited.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
    expectProblem(await limited.api('POST', '/auth/email/verification', { token: u.token }), 429, 'rate_limited');
  });
});
