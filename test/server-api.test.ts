import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './helpers/problems.js';
import { TestServer } from './helpers/server.js';
import { WebhookReceiver } from './helpers/webhookReceiver.js';

const run = promisify(execFile);

/** `npm run server-key -- <args>`, as an operator runs it, against the database in `env`: its output and exit code. */
async function serverKeyCli(env: Record<string, string>, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/server-key.ts', ...args], {
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

async function createKeyWithCli(env: Record<string, string>, name = 'backend'): Promise<string> {
  const { stdout, code } = await serverKeyCli(env, 'create', name);
  expect(code).toBe(0);
  return stdout.trim();
}

const unique = () => crypto.randomBytes(4).toString('hex');
let server: TestServer;
let key: string;
let pgliteDir: string | undefined;
/** Stands in for the webhook URL of docs/integration.md's example. */
let receiver: WebhookReceiver;
const onPostgres = process.env.PARLEY_TEST_DB === 'postgres';
const databaseUrl = () => (server as unknown as { env: Record<string, string> }).env.DATABASE_URL!;
const cliEnv = (): Record<string, string> => (onPostgres ? { DATABASE_URL: databaseUrl() } : { DATA_DIR: pgliteDir! });

/**
 * Runs CLI commands in turn against the server's database: on PostgreSQL beside the running server; PGlite is one
 * process's at a time, so all of them while it is stopped (one restart).
 */
async function cliBesideServer(...commands: string[][]) {
  const runAll = async () => {
    const results = [];
    for (const args of commands) results.push(await serverKeyCli(cliEnv(), ...args));
    return results;
  };
  if (onPostgres) return runAll();
  return server.whileStopped(runAll);
}

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  const env = { OUTBOUND_ALLOWED_URLS: `${receiver.origin}/` };
  if (onPostgres) {
    server = await TestServer.start(env);
    key = await createKeyWithCli({ DATABASE_URL: databaseUrl() });
  } else {
    // PGlite is one process's at a time: the CLI writes the key first, then the server opens the same database.
    pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-server-key-'));
    key = await createKeyWithCli({ DATA_DIR: pgliteDir });
    server = await TestServer.start({ ...env, DATA_DIR: pgliteDir }, { persistent: true });
  }
}, 60_000);
afterAll(async () => {
  await server?.close();
  await receiver?.close();
  if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
});

const call = (method: string, url: string, body: unknown, token = key) => server.api(method, url, { token, body });

describe('server API keys', () => {
  it('the CLI prints the key once; only its hash is stored', async () => {
    expect(key).toMatch(/^psk_[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a missing, unknown or user token with 401 auth.server_key_invalid', async () => {
    const user = await server.register('Not A Server');
    const body = { name: 'X' };
    expectProblem(await server.api('PUT', `/server/users/x-${unique()}`, { body }), 401, 'auth.server_key_invalid');
    expectProblem(await call('PUT', `/server/users/x-${unique()}`, body, `psk_${unique()}`), 401, 'auth.server_key_invalid');
    expectProblem(await call('PUT', `/server/users/x-${unique()}`, body, user.token), 401, 'auth.server_key_invalid');
  });
});

describe('PUT /server/users/:externalId', () => {
  it('creates the user, then updates the same one (idempotent)', async () => {
    const externalId = `app-user-${unique()}`;
    const email = `ext.${unique()}@app.test`;
    const username = `ext_${unique()}`;
    const first = await call('PUT', `/server/users/${externalId}`, { name: 'Ada Lovelace', username, email });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ name: 'Ada Lovelace', username, email });
    const again = await call('PUT', `/server/users/${externalId}`, { name: 'Ada Lovelace', username, email });
    expect(again.body.user.id).toBe(first.body.user.id);
    const renamed = await call('PUT', `/server/users/${externalId}`, {
      name: 'Ada King',
      avatarUrl: 'https://cdn.app.test/ada.png',
    });
    expect(renamed.body.user).toMatchObject({ id: first.body.user.id, name: 'Ada King', initials: 'AK', username, email });
    expect(renamed.body.user.avatarUrl).toBe('https://cdn.app.test/ada.png');
  });

  it('concurrent first PUTs of one external id make one user', async () => {
    const externalId = `race-${unique()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => call('PUT', `/server/users/${externalId}`, { name: 'Racer' })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
  });

  it('a username or email another account holds is 409', async () => {
    const other = await server.register('Taken');
    expectProblem(await call('PUT', `/server/users/a-${unique()}`, { name: 'A', username: other.username }), 409, 'user.username_taken');
    expectProblem(await call('PUT', `/server/users/b-${unique()}`, { name: 'B', email: other.email }), 409, 'user.email_taken');
  });

  it('validates the body: 400 validation.failed', async () => {
    expectProblem(await call('PUT', `/server/users/c-${unique()}`, { name: '' }), 400, 'validation.failed', ['body.name']);
    expectProblem(
      await call('PUT', `/server/users/c-${unique()}`, { name: 'C', avatarUrl: 'http://plain.test/a.png' }),
      400,
      'validation.failed',
      ['body.avatarUrl'],
    );
  });
});

describe('POST /server/users/:externalId/sessions', () => {
  it('signs the provisioned user in: the tokens work and refresh', async () => {
    const externalId = `sess-${unique()}`;
    const put = await call('PUT', `/server/users/${externalId}`, { name: 'Grace Hopper' });
    const res = await call('POST', `/server/users/${externalId}/sessions`, { deviceId: 'web-1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await server.api('GET', '/auth/me', { token: res.body.accessToken });
    expect(me.body.user).toMatchObject({ id: put.body.user.id, name: 'Grace Hopper' });
    const refreshed = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: res.body.refreshToken } });
    expect(refreshed.status).toBe(200);

    // The same device again ends the previous session.
    const second = await call('POST', `/server/users/${externalId}/sessions`, { deviceId: 'web-1' });
    expect(second.status).toBe(200);
    expectProblem(await server.api('GET', '/auth/me', { token: refreshed.body.accessToken }), 401, 'auth.session_revoked');
  });

  it('an unknown external id is 404 user.not_found', async () => {
    expectProblem(await call('POST', `/server/users/nobody-${unique()}/sessions`, {}), 404, 'user.not_found');
  });
});

describe('docs/integration.md', () => {
  it('its curl examples of the server API run as written', async () => {
    const doc = fs.readFileSync('docs/integration.md', 'utf8');
    const examples = [...doc.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1]!).filter((b) => /^curl .*\/server\//m.test(b));
    expect(examples).toHaveLength(4);
    const runExample = async (example: string, env: Record<string, string> = {}) => {
      const command = example
        .replaceAll('http://localhost:3000', server.url)
        .replaceAll('https://myapp.example/parley/webhooks', receiver.url('/parley/webhooks'));
      const { stdout } = await run('sh', ['-c', command], { env: { ...process.env, PARLEY_SERVER_KEY: key, ...env } });
      return JSON.parse(stdout);
    };
    const provisioned = await runExample(examples[0]!);
    expect(provisioned).toMatchObject({ user: { name: 'Ada Lovelace', username: 'ada', email: 'ada@myapp.example' } });
    const tokens = await runExample(examples[1]!);
    expect(tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await server.api('GET', '/auth/me', { token: tokens.accessToken });
    expect(me.body.user.id).toBe(provisioned.user.id);

    // Sending as user-42, in a chat of theirs; the example's clientMessageId makes a second run the same message.
    const friend = await server.register('Ada’s Friend');
    const chat = await server.api('POST', '/conversations', { token: tokens.accessToken, body: { userId: friend.id } });
    const sent = await runExample(examples[2]!, { CONVERSATION_ID: chat.body.conversation.id });
    expect(sent.message).toMatchObject({ senderId: provisioned.user.id, text: 'Your order has shipped.', seq: 1 });
    expect((await runExample(examples[2]!, { CONVERSATION_ID: chat.body.conversation.id })).message.id).toBe(sent.message.id);

    // The webhook it makes is sent the messages from then on, signed with the secret it printed.
    const hook = await runExample(examples[3]!);
    expect(hook).toMatchObject({ webhook: { events: ['message:new'], status: 'active' }, secret: expect.stringMatching(/^whsec_/) });
    receiver.expect('/parley/webhooks', hook.secret);
    const again = await server.api('POST', `/conversations/${chat.body.conversation.id}/messages`, {
      token: tokens.accessToken,
      body: { text: 'Hi' },
    });
    expect(again.status).toBe(201);
    await receiver.waitFor(() => receiver.accepted('/parley/webhooks').length === 1, 'the message');
    expect(receiver.accepted('/parley/webhooks')[0]!.body.data.payload.message.text).toBe('Hi');
    expect(receiver.invalid).toEqual([]);
  });
});

// Last: it revokes the key the tests above use.
describe('npm run server-key -- list | revoke', () => {
  it('list shows every key, never the key itself: name, id, created, last used, revoked', async () => {
    const [created, taken, listed] = await cliBesideServer(['create', 'rotated'], ['create', 'backend'], ['list']);
    expect(created!.code).toBe(0);
    expect(taken!.code).toBe(1);
    expect(taken!.stderr).toMatch(/exists/);
    expect(listed!.code).toBe(0);
    const [header, ...rows] = listed!.stdout.trim().split('\n');
    expect(header!.split(/\s{2,}/)).toEqual(['NAME', 'ID', 'CREATED', 'LAST USED', 'REVOKED']);
    const byName = new Map(rows.map((r) => [r.split(/\s+/)[0], r.split(/\s+/)]));
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
    // backend: used by the tests above; rotated: never.
    expect(byName.get('backend')).toEqual([
      'backend',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      expect.stringMatching(iso),
      expect.stringMatching(iso),
      '-',
    ]);
    expect(byName.get('rotated')).toEqual(['rotated', expect.any(String), expect.stringMatching(iso), '-', '-']);
    expect(listed!.stdout).not.toContain(key);
    expect(listed!.stdout).not.toContain(created!.stdout.trim());
  }, 90_000); // the CLI runs while the PGlite server is stopped: two process starts, slow on a loaded machine

  it('revoke NAME: the key is refused at once with 401 auth.server_key_invalid (on every node); others still work', async () => {
    const rotated = (await cliBesideServer(['create', 'rotated-2']))[0]!.stdout.trim();
    const body = { name: 'Still Here' };
    expect((await call('PUT', `/server/users/rev-${unique()}`, body)).status).toBe(200);
    // On PostgreSQL a second node on the same database answers too: it must refuse the key as soon as the first does.
    const other = onPostgres ? await TestServer.start({ DATABASE_URL: databaseUrl() }) : undefined;
    try {
      if (other) expect((await other.api('PUT', `/server/users/rev-${unique()}`, { token: key, body })).status).toBe(200);
      const [revoked] = await cliBesideServer(['revoke', 'backend']);
      expect(revoked!.code).toBe(0);
      expect(revoked!.stderr).toMatch(/Revoked server API key "backend"/);
      expectProblem(await call('PUT', `/server/users/rev-${unique()}`, body), 401, 'auth.server_key_invalid');
      if (other)
        expectProblem(await other.api('PUT', `/server/users/rev-${unique()}`, { token: key, body }), 401, 'auth.server_key_invalid');
      expect((await call('PUT', `/server/users/rev-${unique()}`, body, rotated)).status).toBe(200);
    } finally {
      await other?.close();
    }
    const [again, listed, recreated] = await cliBesideServer(['revoke', 'backend'], ['list'], ['create', 'backend']);
    expect(again!.code).toBe(1);
    const backend = listed!.stdout
      .split('\n')
      .find((l) => l.startsWith('backend '))!
      .split(/\s+/);
    expect(backend[4]).toMatch(/^\d{4}-/);
    // A revoked name is free again.
    expect(recreated!.code).toBe(0);
  }, 90_000);

  it('a bad command prints the usage and exits 2', async () => {
    const res = await serverKeyCli(cliEnv(), 'delete', 'x');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/usage: npm run server-key -- create NAME \| list \| revoke NAME/);
  });
});
