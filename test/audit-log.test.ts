import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerKey } from '../src/features/server/serverKeys.js';
import { expectProblem } from './helpers/problems.js';
import { TestServer, type TestUser } from './helpers/server.js';
import { LocalSmtp, linkToken } from './helpers/smtpService.js';

let smtp: LocalSmtp;

/** An admin of `server` (whose ADMIN_EMAILS names `email`): registered, verified through the mailed link, signed in again. */
async function adminOf(server: TestServer, email: string): Promise<TestUser> {
  const u = { ...(await server.register('Audit Admin', { email })), email };
  const before = smtp.mails.length;
  expect((await server.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
  const token = linkToken(await smtp.mailTo(email, { after: before }), 'verify-email');
  expect((await server.api('POST', '/auth/email/verify', { body: { token } })).status).toBe(200);
  const signedIn = await server.api('POST', '/auth/login', { body: { login: email, password: u.password } });
  expect(signedIn.body.user.role).toBe('admin');
  return { ...u, token: signedIn.body.accessToken };
}

/** Every page of the audit log for this query, newest first, `limit` entries a page. */
async function allEntries(server: TestServer, token: string, query: string, limit = 100): Promise<any[]> {
  const entries: any[] = [];
  for (let cursor: string | null = null; ;) {
    const res: any = await server.api('GET', `/admin/audit-log?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(res.status).toBe(200);
    entries.push(...res.body.entries);
    if (!res.body.hasMore) return entries;
    expect(res.body.entries).toHaveLength(limit);
    cursor = res.body.nextCursor;
  }
}

beforeAll(async () => {
  smtp = new LocalSmtp();
  await smtp.start();
});
afterAll(async () => {
  await smtp?.stop();
});

describe('the audit log', () => {
  let server: TestServer;
  let admin: TestUser;
  const adminEmail = `auditor-${crypto.randomBytes(4).toString('hex')}@example.test`;

  beforeAll(async () => {
    server = await TestServer.start({ SMTP_URL: smtp.url, MAIL_POLL_MS: '100', ADMIN_EMAILS: adminEmail });
    admin = await adminOf(server, adminEmail);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records sign-ins, failures, revocations, password changes and account deletion, each with its user', async () => {
    const u = await server.register('Audited Person');
    const login = (password: string, deviceId = 'laptop') =>
      server.api('POST', '/auth/login', { body: { login: u.email, password, deviceId } });
    expect((await login('wrong password!')).status).toBe(401);
    await login(u.password);
    const second = await login(u.password); // the same device: the first session ends
    expect((await server.api('POST', '/auth/logout', { token: second.body.accessToken })).status).toBe(200);
    await login(u.password, 'phone'); // ended by the password change
    const newPassword = `${u.password}-changed`;
    const changed = await server.api('POST', '/auth/password/change', {
      token: u.token,
      body: { currentPassword: u.password, newPassword },
    });
    expect(changed.status).toBe(200);
    expect((await server.api('DELETE', '/users/me', { token: u.token, body: { password: newPassword } })).status).toBe(204);

    const about = (await allEntries(server, admin.token, `targetId=${u.id}`)).reverse();
    expect(about.map((e) => [e.action, e.details.method ?? e.details.reason ?? null])).toEqual([
      ['auth.signed_in', 'register'],
      ['auth.sign_in_failed', 'password'],
      ['auth.signed_in', 'password'],
      ['auth.signed_in', 'password'],
      ['auth.signed_in', 'password'],
      ['password.changed', null],
      ['account.deleted', null],
    ]);
    expect(about[1]).toMatchObject({ actorId: null, targetType: 'user', details: { reason: 'wrong_password' } });
    expect(about[0]).toMatchObject({ actorId: u.id, targetType: 'user', at: expect.any(String), id: expect.any(String) });

    const sessions = (await allEntries(server, admin.token, 'action=session.revoked')).filter((e) => e.details.userId === u.id).reverse();
    expect(sessions.map((e) => e.details.reason)).toEqual(['replaced', 'signed_out', 'password_changed']);
    expect(sessions.every((e) => e.targetType === 'session')).toBe(true);
  });

  it('records server keys created', async () => {
    const created = (await createServerKey(server.app.ctx.db, 'audit test key'))!;
    const [entry] = await allEntries(server, admin.token, `targetId=${created.id}`);
    expect(entry).toMatchObject({
      action: 'server_key.created',
      targetType: 'server_key',
      actorId: null,
      details: { name: 'audit test key' },
    });
  });

  it('pages by cursor without repeats or gaps, filters by actor and action, and refuses a cursor it did not issue', async () => {
    await server.registerAll('Page One', 'Page Two', 'Page Three');
    const whole = await allEntries(server, admin.token, 'action=auth.signed_in', 100);
    const paged = await allEntries(server, admin.token, 'action=auth.signed_in', 2);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
    expect(paged.every((e) => e.action === 'auth.signed_in')).toBe(true);
    const times = paged.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const byAdmin = await allEntries(server, admin.token, `actorId=${admin.id}`);
    expect(byAdmin.length).toBeGreaterThan(0);
    expect(byAdmin.every((e) => e.actorId === admin.id)).toBe(true);

    expectProblem(await server.api('GET', '/admin/audit-log?cursor=bm9wZQ', { token: admin.token }), 400, 'validation.failed');
    expectProblem(await server.api('GET', '/admin/audit-log?action=made.up', { token: admin.token }), 400, 'validation.failed');
  });

  it('exports the matching entries as NDJSON, oldest first', async () => {
    const res = await fetch(`${server.url}/api/v1/admin/audit-log/export?action=auth.signed_in`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="parley-audit-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    const text = await res.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const listed = await allEntries(server, admin.token, 'action=auth.signed_in');
    expect(lines).toEqual(listed.reverse());
  });
});

describe('audit log retention', () => {
  let server: TestServer;
  const adminEmail = `keeper-${crypto.randomBytes(4).toString('hex')}@example.test`;

  beforeAll(async () => {
    // About 4 s of retention, pruned every 100 ms.
    server = await TestServer.start({
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '100',
      ADMIN_EMAILS: adminEmail,
      AUDIT_LOG_RETENTION_DAYS: '0.00005',
      EVENT_PRUNE_INTERVAL_MS: '100',
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prunes entries older than AUDIT_LOG_RETENTION_DAYS and keeps newer ones', async () => {
    const admin = await adminOf(server, adminEmail);
    const u = await server.register('Soon Forgotten');
    expect((await allEntries(server, admin.token, `targetId=${u.id}`)).length).toBe(1);
    const deadline = Date.now() + 30_000;
    while ((await allEntries(server, admin.token, `targetId=${u.id}`)).length > 0) {
      if (Date.now() > deadline) throw new Error('the entry was never pruned');
      await new Promise((r) => setTimeout(r, 200));
    }
    // A sign-in now is recorded again: the retention removes only the old.
    const again = await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password } });
    expect(again.status).toBe(200);
    expect((await allEntries(server, admin.token, `targetId=${u.id}`)).map((e) => e.action)).toEqual(['auth.signed_in']);
  });
});
