import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, Node, OwnRedis } from './helpers/cluster.js';
import { disconnected } from './helpers/server.js';

// Two Parley processes on one PostgreSQL and one Redis: runs in the PostgreSQL project only.
const enabled = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

describe.skipIf(!enabled)('suspension across nodes', () => {
  let redis: OwnRedis;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let nodes: Node[];
  let env: Record<string, string>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await OwnRedis.start();
    db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      EMITTER_POLL_MS: '500',
      RATE_LIMIT_REGISTER_PER_IP: '100000/1h',
      SHUTDOWN_GRACE_MS: '2000',
    };
    const first = await Node.start(env);
    nodes = [first, await Node.start(env)];
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all((nodes ?? []).map((n) => n.stop()));
    await redis?.down();
    await db?.drop();
  });

  const account = async (node: Node, name: string) => {
    const tag = crypto.randomBytes(5).toString('hex');
    const body = { email: `m${tag}@example.test`, password: `pw-${tag}-long`, name };
    const r = await node.api('POST', '/auth/register', { body });
    expect(r.status).toBe(201);
    return { ...body, id: r.body.user.id as string, token: r.body.accessToken as string };
  };
  const cli = (...args: string[]) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        'npm',
        ['run', '--silent', 'admin', '--', ...args],
        { env: { ...process.env, ...env }, timeout: 60_000 },
        (err, _out, stderr) => resolve({ code: err ? 1 : 0, stderr }),
      );
    });
  const socketOn = async (node: Node, token: string) => {
    const s = await node.socket(token);
    sockets.push(s);
    return s;
  };

  it('a report resolved with suspend_user on one node disconnects the user connected to another', async () => {
    const admin = await account(nodes[0]!, 'Cluster Admin');
    expect(await cli('promote', admin.email)).toMatchObject({ code: 0 });
    const alice = await account(nodes[0]!, 'Alice Node One');
    const mallory = await account(nodes[1]!, 'Mallory Node Two');
    const sm = await socketOn(nodes[1]!, mallory.token);

    const report = await nodes[0]!.api('POST', '/reports', { token: alice.token, body: { userId: mallory.id, reason: 'abuse' } });
    expect(report.status).toBe(201);
    const gone = disconnected(sm, 10_000);
    const resolved = await nodes[0]!.api('POST', `/admin/reports/${report.body.report.id}/resolve`, {
      token: admin.token,
      body: { action: 'suspend_user', note: 'abuse' },
    });
    expect(resolved.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    const refused = await nodes[1]!.api('POST', '/auth/login', { body: { login: mallory.email, password: mallory.password } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'auth.suspended' });

    const stats = await nodes[1]!.api('GET', '/admin/stats', { token: admin.token });
    expect(stats.body.sockets.scope).toBe('cluster');
  });

  it('npm run admin -- suspend closes the user’s sockets on the nodes through Redis', async () => {
    const eve = await account(nodes[0]!, 'Eve Two Devices');
    const onOne = await socketOn(nodes[0]!, eve.token);
    const second = await nodes[1]!.api('POST', '/auth/login', { body: { login: eve.email, password: eve.password, deviceId: 'tablet' } });
    const onTwo = await socketOn(nodes[1]!, second.body.accessToken);
    const gone = Promise.all([disconnected(onOne, 30_000), disconnected(onTwo, 30_000)]);
    expect(await cli('suspend', eve.email, '--reason', 'from the shell')).toMatchObject({ code: 0 });
    await gone;
    const refused = await nodes[0]!.api('POST', '/auth/login', { body: { login: eve.email, password: eve.password } });
    expect(refused.status).toBe(403);
  }, 60_000);
});
