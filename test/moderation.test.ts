import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerKey } from '../src/features/server/serverKeys.js';
import { expectProblem } from './helpers/problems.js';
import { disconnected, emit, next, TestServer, type TestUser } from './helpers/server.js';
import { LocalSmtp, linkToken } from './helpers/smtpService.js';

const tag = crypto.randomBytes(4).toString('hex');
const ADMIN_EMAIL = `boss-${tag}@example.test`;
const UNVERIFIED_ADMIN_EMAIL = `claims-${tag}@example.test`;
const DEV_CODE = '246810';

let smtp: LocalSmtp;
let server: TestServer;
let admin: TestUser;

const login = (u: { email: string; password: string }) =>
  server.api('POST', '/auth/login', { body: { login: u.email, password: u.password } });
const me = async (token: string) => (await server.api('GET', '/auth/me', { token })).body.user;

/** Registers with this email, verifies it through the mailed link, and signs in again. */
async function registerVerified(email: string, name: string): Promise<TestUser> {
  const u = await server.register(name, { email });
  const user = { ...u, email };
  const before = smtp.mails.length;
  expect((await server.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
  const token = linkToken(await smtp.mailTo(email, { after: before }), 'verify-email');
  expect((await server.api('POST', '/auth/email/verify', { body: { token } })).status).toBe(200);
  const signedIn = await login(user);
  expect(signedIn.status).toBe(200);
  return { ...user, token: signedIn.body.accessToken, refreshToken: signedIn.body.refreshToken };
}

beforeAll(async () => {
  smtp = new LocalSmtp();
  await smtp.start();
  server = await TestServer.start({
    SMTP_URL: smtp.url,
    MAIL_POLL_MS: '100',
    ADMIN_EMAILS: `${ADMIN_EMAIL.toUpperCase()}, ${UNVERIFIED_ADMIN_EMAIL}`,
    OTP_DEV_CODE: DEV_CODE,
    OTP_COOLDOWN_SECONDS: '0',
  });
  admin = await registerVerified(ADMIN_EMAIL, 'Ada Admin');
});
afterAll(async () => {
  await server?.close();
  await smtp?.stop();
});

const someId = '01900000-0000-7000-8000-000000000000';
const adminRoutes: [string, string, unknown?][] = [
  ['GET', '/admin/reports'],
  ['POST', `/admin/reports/${someId}/resolve`, { action: 'dismiss' }],
  ['GET', `/admin/users/${someId}`],
  ['POST', `/admin/users/${someId}/suspend`, { reason: 'x' }],
  ['DELETE', `/admin/users/${someId}/suspend`],
  ['DELETE', `/admin/messages/${someId}`],
  ['GET', '/admin/audit-log'],
  ['GET', '/admin/backup'],
  ['GET', '/admin/audit-log/export'],
  ['GET', '/admin/stats'],
];

describe('admins', () => {
  it('every /admin route is 404 route.not_found for a member, and without a token', async () => {
    const member = await server.register('Just Member');
    for (const [method, path, body] of adminRoutes) {
      expectProblem(await server.api(method, path, { token: member.token, body }), 404, 'route.not_found');
      expectProblem(await server.api(method, path, { body }), 404, 'route.not_found');
    }
    expect((await me(member.token)).role).toBe('user');
  });

  it('ADMIN_EMAILS makes an admin of the account that verified the email (any case), not of one that did not', async () => {
    expect(await me(admin.token)).toMatchObject({ email: ADMIN_EMAIL, emailVerified: true, role: 'admin' });
    expect((await server.api('GET', '/admin/stats', { token: admin.token })).status).toBe(200);

    const claimer = await server.register('Claims Admin', { email: UNVERIFIED_ADMIN_EMAIL });
    const again = await login({ email: UNVERIFIED_ADMIN_EMAIL, password: claimer.password });
    expect(again.body.user).toMatchObject({ emailVerified: false, role: 'user' });
    expectProblem(await server.api('GET', '/admin/stats', { token: again.body.accessToken }), 404, 'route.not_found');
  });

  it('GET /admin/stats counts users, messages per day and sockets', async () => {
    const [a, b] = await server.registerAll('Stat One', 'Stat Two');
    const chat = await server.directChat(a, b);
    const s = await server.socket(a.token);
    await emit(s, 'message:send', { conversationId: chat, text: 'counted', clientMessageId: 'st-1' });
    const res = await server.api('GET', '/admin/stats', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.users.total).toBeGreaterThanOrEqual(3);
    expect(res.body.users.admins).toBeGreaterThanOrEqual(1);
    expect(res.body.messagesPerDay).toHaveLength(7);
    expect(res.body.messagesPerDay.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), count: expect.any(Number) });
    expect(res.body.messagesPerDay.at(-1).count).toBeGreaterThanOrEqual(1);
    expect(res.body.sockets.connected).toBeGreaterThanOrEqual(1);
    expect(res.body.sockets.scope).toBe(process.env.PARLEY_TEST_DB === 'postgres' && process.env.TEST_REDIS_URL ? 'cluster' : 'node');
    s.disconnect();
  });
});

describe('reports', () => {
  it('needs a target; a message must be one the reporter can see; a user report keeps the name', async () => {
    const [a, b, c] = await server.registerAll('Rep A', 'Rep B', 'Rep C');
    expectProblem(await server.api('POST', '/reports', { token: a.token, body: { reason: 'spam' } }), 400, 'report.target_required');
    const chat = await server.directChat(b, c);
    const sent = await server.api('POST', `/conversations/${chat}/messages`, { token: b.token, body: { text: 'private' } });
    const foreign = await server.api('POST', '/reports', { token: a.token, body: { messageId: sent.body.message.id, reason: 'abuse' } });
    expectProblem(foreign, 404, 'message.not_found');
    const wrongSender = await server.api('POST', '/reports', {
      token: c.token,
      body: { messageId: sent.body.message.id, userId: c.id, reason: 'abuse' },
    });
    expectProblem(wrongSender, 400, 'validation.failed', ['body.userId']);
    const res = await server.api('POST', '/reports', { token: a.token, body: { userId: b.id, reason: 'other', note: 'impersonation' } });
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({
      reporterId: a.id,
      userId: b.id,
      messageId: null,
      status: 'open',
      snapshot: { message: null, user: { id: b.id, name: 'Rep B', username: b.username } },
    });
  });

  it('report → the snapshot survives deletion → suspend_user: disconnected, sign-in refused → lifted → sign-in works', async () => {
    const [alice, mallory] = await server.registerAll('Alice Reporter', 'Mallory Spammer');
    const chat = await server.directChat(alice, mallory);
    const sm = await server.socket(mallory.token);
    const ack = await emit(sm, 'message:send', { conversationId: chat, text: 'buy pills now', clientMessageId: 'spam-1' });
    const messageId = ack.message.id;

    const reported = await server.api('POST', '/reports', { token: alice.token, body: { messageId, reason: 'spam', note: 'again' } });
    expect(reported.status).toBe(201);
    const report = reported.body.report;
    expect(report).toMatchObject({
      messageId,
      userId: mallory.id,
      reason: 'spam',
      note: 'again',
      snapshot: { message: { id: messageId, conversationId: chat, senderId: mallory.id, text: 'buy pills now', mediaIds: [] } },
    });

    // Mallory deletes the evidence; the report keeps it.
    expect((await server.api('DELETE', `/messages/${messageId}?for=everyone`, { token: mallory.token })).status).toBe(200);
    const open = await server.api('GET', '/admin/reports?status=open&limit=100', { token: admin.token });
    expect(open.status).toBe(200);
    expect(open.body.reports.find((r: any) => r.id === report.id).snapshot.message.text).toBe('buy pills now');

    const gone = disconnected(sm);
    const resolved = await server.api('POST', `/admin/reports/${report.id}/resolve`, {
      token: admin.token,
      body: { action: 'suspend_user', note: 'spam after warnings' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.report).toMatchObject({
      status: 'resolved',
      action: 'suspend_user',
      resolvedBy: admin.id,
      resolutionNote: 'spam after warnings',
    });
    await gone;

    expectProblem(await login(mallory), 403, 'auth.suspended');
    const refreshed = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: mallory.refreshToken } });
    expectProblem(refreshed, 403, 'auth.suspended');
    expectProblem(await server.api('GET', '/auth/me', { token: mallory.token }), 401, 'auth.session_revoked');
    expect((await server.socketError({ token: mallory.token })).data?.code).toBe('auth.session_revoked');
    // Their messages stay (this one was deleted by them; the chat is still there for Alice).
    expect((await server.api('GET', `/conversations/${chat}/messages`, { token: alice.token })).status).toBe(200);

    const details = await server.api('GET', `/admin/users/${mallory.id}`, { token: admin.token });
    expect(details.body).toMatchObject({
      role: 'user',
      suspension: { until: null, reason: 'spam after warnings', by: admin.id },
      sessions: [],
    });
    // Newest first: the refused sign-in, then the suspension.
    expect(details.body.auditEntries[0]).toMatchObject({ action: 'auth.sign_in_failed', actorId: null, details: { reason: 'suspended' } });
    expect(details.body.auditEntries.find((e: any) => e.action === 'user.suspended')).toMatchObject({ actorId: admin.id });

    expectProblem(
      await server.api('POST', `/admin/reports/${report.id}/resolve`, { token: admin.token, body: { action: 'dismiss' } }),
      409,
      'report.already_resolved',
    );
    const lists = await Promise.all(
      ['open', 'resolved'].map((s) => server.api('GET', `/admin/reports?status=${s}&limit=100`, { token: admin.token })),
    );
    expect(lists[0]!.body.reports.some((r: any) => r.id === report.id)).toBe(false);
    expect(lists[1]!.body.reports.some((r: any) => r.id === report.id)).toBe(true);

    expect((await server.api('DELETE', `/admin/users/${mallory.id}/suspend`, { token: admin.token })).status).toBe(200);
    expect((await login(mallory)).status).toBe(200);
    expect((await server.api('GET', `/admin/users/${mallory.id}`, { token: admin.token })).body.suspension).toBeNull();

    // The audit log, newest first, a page of 2 at a time: every step, in order.
    const actions: string[] = [];
    for (let cursor: string | null = null; ;) {
      const q: string = `/admin/audit-log?targetId=${mallory.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await server.api('GET', q, { token: admin.token });
      expect(page.status).toBe(200);
      expect(page.body.entries.length).toBeLessThanOrEqual(2);
      actions.push(...page.body.entries.map((e: any) => e.action));
      if (!page.body.hasMore) break;
      cursor = page.body.nextCursor;
    }
    expect(actions.filter((a) => a !== 'auth.signed_in')).toEqual(['user.unsuspended', 'auth.sign_in_failed', 'user.suspended']);
    const byAdmin = await server.api('GET', `/admin/audit-log?actorId=${admin.id}&limit=100`, { token: admin.token });
    const mine = byAdmin.body.entries.filter(
      (e: any) => e.targetId === mallory.id || e.targetId === report.id || e.details.userId === mallory.id,
    );
    expect(mine.map((e: any) => e.action)).toEqual(['user.unsuspended', 'report.resolved', 'session.revoked', 'user.suspended']);
    expect(mine[2]).toMatchObject({ targetType: 'session', details: { reason: 'suspended', userId: mallory.id } });
  });

  it('a suspension with `until` ends by itself', async () => {
    const u = await server.register('Timed Out');
    const until = new Date(Date.now() + 3000);
    const res = await server.api('POST', `/admin/users/${u.id}/suspend`, {
      token: admin.token,
      body: { reason: 'cool down', until: until.toISOString() },
    });
    expect(res.status).toBe(200);
    const refused = await login(u);
    expectProblem(refused, 403, 'auth.suspended');
    expect(refused.body.detail).toContain(until.toISOString());
    expect((await server.api('GET', `/admin/users/${u.id}`, { token: admin.token })).body.suspension.until).toBe(until.toISOString());
    await new Promise((r) => setTimeout(r, until.getTime() - Date.now() + 100));
    expect((await login(u)).status).toBe(200);
    expect((await server.api('GET', `/admin/users/${u.id}`, { token: admin.token })).body.suspension).toBeNull();
    expectProblem(
      await server.api('POST', `/admin/users/${u.id}/suspend`, {
        token: admin.token,
        body: { reason: 'x', until: new Date(Date.now() - 1000).toISOString() },
      }),
      400,
      'validation.failed',
    );
    expectProblem(
      await server.api('POST', `/admin/users/${admin.id}/suspend`, { token: admin.token, body: { reason: 'oops' } }),
      403,
      'forbidden',
    );
  });

  it('a suspended account cannot sign in by phone code or be given a session by the server API', async () => {
    const phoneNumber = `+1415555${String(crypto.randomInt(0, 10_000)).padStart(4, '0')}`;
    const signInByPhone = async () => {
      expect((await server.api('POST', '/auth/request-otp', { body: { phoneNumber } })).status).toBe(200);
      return server.api('POST', '/auth/verify-otp', { body: { phoneNumber, otp: DEV_CODE, deviceId: 'phone-1', name: 'Phone Person' } });
    };
    const first = await signInByPhone();
    expect(first.status).toBe(200);
    const phoneUser = first.body.user.id;
    expect((await server.api('POST', `/admin/users/${phoneUser}/suspend`, { token: admin.token, body: { reason: 'fraud' } })).status).toBe(
      200,
    );
    expectProblem(await signInByPhone(), 403, 'auth.suspended');

    const key = (await createServerKey(server.app.ctx.db, 'moderation test'))!.key;
    const headers = { authorization: `Bearer ${key}` };
    const externalId = `ext-${tag}`;
    const provisioned = await server.api('PUT', `/server/users/${externalId}`, { headers, body: { name: 'App User' } });
    expect(provisioned.status).toBe(200);
    const mint = () => server.api('POST', `/server/users/${externalId}/sessions`, { headers, body: {} });
    expect((await mint()).status).toBe(200);
    const id = provisioned.body.user.id;
    expect((await server.api('POST', `/admin/users/${id}/suspend`, { token: admin.token, body: { reason: 'abuse' } })).status).toBe(200);
    expectProblem(await mint(), 403, 'auth.suspended');
    expect((await server.api('DELETE', `/admin/users/${id}/suspend`, { token: admin.token })).status).toBe(200);
    expect((await mint()).status).toBe(200);
  });
});

describe('removing messages', () => {
  it('delete_message tombstones the reported message for the members; DELETE /admin/messages/:id deletes any message', async () => {
    const [owner, member, outsider] = await server.registerAll('Group Owner', 'Group Member', 'Out Sider');
    const created = await server.api('POST', '/groups', { token: owner.token, body: { name: 'Moderated', memberIds: [member.id] } });
    expect(created.status).toBe(201);
    const groupId = created.body.group?.id ?? created.body.conversation?.id;
    const first = await server.api('POST', `/conversations/${groupId}/messages`, { token: member.token, body: { text: 'offensive' } });
    const second = await server.api('POST', `/conversations/${groupId}/messages`, { token: member.token, body: { text: 'also bad' } });
    const so = await server.socket(owner.token);

    const report = await server.api('POST', '/reports', {
      token: owner.token,
      body: { messageId: first.body.message.id, reason: 'abuse' },
    });
    const heard = next(so, 'message:deleted', (p) => p.messageId === first.body.message.id);
    const resolved = await server.api('POST', `/admin/reports/${report.body.report.id}/resolve`, {
      token: admin.token,
      body: { action: 'delete_message' },
    });
    expect(resolved.status).toBe(200);
    expect(await heard).toMatchObject({ conversationId: groupId, for: 'everyone' });

    const heardSecond = next(so, 'message:deleted', (p) => p.messageId === second.body.message.id);
    expect((await server.api('DELETE', `/admin/messages/${second.body.message.id}`, { token: admin.token })).status).toBe(200);
    await heardSecond;
    // Again: nothing more to do.
    expect((await server.api('DELETE', `/admin/messages/${second.body.message.id}`, { token: admin.token })).status).toBe(200);
    expectProblem(await server.api('DELETE', `/admin/messages/${someId}`, { token: admin.token }), 404, 'message.not_found');

    const history = await server.api('GET', `/conversations/${groupId}/messages`, { token: member.token });
    for (const id of [first.body.message.id, second.body.message.id]) {
      const m = history.body.messages.find((x: any) => x.id === id);
      expect(m.text).toBeNull();
      expect(m.deletedAt).toEqual(expect.any(String));
    }
    // A report about a user has no message to delete.
    const aboutUser = await server.api('POST', '/reports', { token: owner.token, body: { userId: outsider.id, reason: 'spam' } });
    expectProblem(
      await server.api('POST', `/admin/reports/${aboutUser.body.report.id}/resolve`, {
        token: admin.token,
        body: { action: 'delete_message' },
      }),
      422,
      'report.action_invalid',
    );
    expectProblem(
      await server.api('POST', `/admin/reports/${someId}/resolve`, { token: admin.token, body: { action: 'dismiss' } }),
      404,
      'report.not_found',
    );
    const entries = (await server.api('GET', `/admin/audit-log?action=message.deleted&limit=10`, { token: admin.token })).body.entries;
    expect(entries.map((e: any) => e.targetId)).toEqual([second.body.message.id, first.body.message.id]);
    expect(entries[1].details).toMatchObject({ conversationId: groupId, senderId: member.id, reportId: report.body.report.id });
    so.disconnect();
  });
});

/** `npm run admin -- …` with this environment; resolves with its exit code and output. */
function adminCli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'admin', '--', ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run admin', () => {
  let own: TestServer;
  beforeAll(async () => {
    // PGlite lets one process open its files: a server on disk, stopped while the CLI runs.
    own = await TestServer.start({}, { persistent: true });
  });
  afterAll(async () => {
    await own?.close();
  });

  it('promotes, suspends, lifts and demotes by email, and prints stats', async () => {
    const u = await own.register('Cli Person');
    const results = await own.whileStopped(async (env) => ({
      promote: await adminCli(env, 'promote', u.email.toUpperCase()),
      suspend: await adminCli(env, 'suspend', u.email, '--reason', 'testing the cli'),
      unknown: await adminCli(env, 'promote', 'nobody@example.test'),
      usage: await adminCli(env, 'suspend', u.email),
      stats: await adminCli(env, 'stats'),
    }));
    expect(results.promote).toMatchObject({ code: 0 });
    expect(results.suspend).toMatchObject({ code: 0 });
    expect(results.unknown.code).toBe(1);
    expect(results.unknown.stderr).toContain('user.not_found');
    expect(results.usage.code).toBe(2);
    expect(JSON.parse(results.stats.stdout)).toMatchObject({ users: { total: 1, admins: 1, suspended: 1 } });

    expectProblem(await own.api('POST', '/auth/login', { body: { login: u.email, password: u.password } }), 403, 'auth.suspended');
    const lifted = await own.whileStopped((env) => adminCli(env, 'unsuspend', u.email));
    expect(lifted.code).toBe(0);
    const signedIn = await own.api('POST', '/auth/login', { body: { login: u.email, password: u.password } });
    expect(signedIn.body.user.role).toBe('admin');
    const token = signedIn.body.accessToken;
    const log = await own.api('GET', `/admin/audit-log?targetId=${u.id}&limit=100`, { token });
    expect(log.body.entries.map((e: any) => e.action).filter((a: string) => a !== 'auth.signed_in' && a !== 'session.revoked')).toEqual([
      'user.unsuspended',
      'auth.sign_in_failed',
      'user.suspended',
      'user.role_changed',
    ]);
    expect(log.body.entries.find((e: any) => e.action === 'user.role_changed')).toMatchObject({
      actorId: null,
      details: { from: 'user', to: 'admin', source: 'cli' },
    });

    expect((await own.whileStopped((env) => adminCli(env, 'demote', u.email))).code).toBe(0);
    expectProblem(await own.api('GET', '/admin/stats', { token }), 404, 'route.not_found');
  }, 180_000);
});
