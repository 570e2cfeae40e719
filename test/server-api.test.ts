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

/** `npm run server-key -- create NAME`, as an operator runs it, against the database in `env`. */
async function createKeyWithCli(env: Record<string, string>, name = 'backend'): Promise<string> {
  const { stdout } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/server-key.ts', 'create', name], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
  });
  return stdout.trim();
}

const unique = () => crypto.randomBytes(4).toString('hex');
let server: TestServer;
let key: string;
let pgliteDir: string | undefined;
/** Stands in for the webhook URL of docs/integration.md's example. */
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  const env = { OUTBOUND_ALLOWED_URLS: `${receiver.origin}/` };
  if (process.env.PARLEY_TEST_DB === 'postgres') {
    server = await TestServer.start(env);
    key = await createKeyWithCli({ DATABASE_URL: (server as unknown as { env: Record<string, string> }).env.DATABASE_URL! });
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
    expect(examples).toHaveLength(3);
    const outputs = [];
    for (const example of examples) {
      const command = example
        .replaceAll('http://localhost:3000', server.url)
        .replaceAll('https://myapp.example/parley/webhooks', receiver.url('/parley/webhooks'));
      const { stdout } = await run('sh', ['-c', command], { env: { ...process.env, PARLEY_SERVER_KEY: key } });
      outputs.push(JSON.parse(stdout));
    }
    expect(outputs[0]).toMatchObject({ user: { name: 'Ada Lovelace', username: 'ada', email: 'ada@myapp.example' } });
    expect(outputs[1]).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await server.api('GET', '/auth/me', { token: outputs[1].accessToken });
    expect(me.body.user.id).toBe(outputs[0].user.id);

    // The webhook it made is sent the messages from then on, signed with the secret it printed.
    expect(outputs[2]).toMatchObject({ webhook: { events: ['message:new'], status: 'active' }, secret: expect.stringMatching(/^whsec_/) });
    receiver.expect('/parley/webhooks', outputs[2].secret);
    const [other] = await server.registerAll('Charles Babbage');
    const opened = await server.api('POST', '/conversations', { token: outputs[1].accessToken, body: { userId: other.id } });
    const chat = opened.body.conversation.id as string;
    const sent = await server.api('POST', `/conversations/${chat}/messages`, { token: outputs[1].accessToken, body: { text: 'Hi' } });
    expect(sent.status).toBe(201);
    await receiver.waitFor(() => receiver.accepted('/parley/webhooks').length === 1, 'the message');
    expect(receiver.accepted('/parley/webhooks')[0]!.body.data.payload.message.text).toBe('Hi');
    expect(receiver.invalid).toEqual([]);
  });
});
