import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers/cluster.js';
import { expectProblem } from './helpers/problems.js';
import { TestServer } from './helpers/server.js';

const hasCoturn = ['turnserver', 'turnutils_uclient'].every((bin) =>
  (process.env.PATH ?? '').split(':').some((dir) => fs.existsSync(path.join(dir, bin))),
);
const secret = 'parley-turn-test-secret';

/** coturn on 127.0.0.1 with the REST API's shared secret, as an operator runs it (TLS and DTLS aside). */
class OwnCoturn {
  private constructor(
    readonly port: number,
    private readonly proc: ChildProcess,
  ) {}

  static async start(): Promise<OwnCoturn> {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-coturn-'));
    const proc = spawn('turnserver', [
      '-n',
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=parley.test',
      '--no-tls',
      '--no-dtls',
      '--listening-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--relay-ip=127.0.0.1',
      '--allow-loopback-peers',
      '--no-cli',
      '--log-file=stdout',
      `--userdb=${path.join(dir, 'turndb')}`,
      `--pidfile=${path.join(dir, 'turnserver.pid')}`,
    ]);
    // Its last start-up line: the listeners and relays are up by then.
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const t = setTimeout(() => reject(new Error(`coturn did not start:\n${log}`)), 15_000);
      proc.stdout.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('DB connection success')) {
          clearTimeout(t);
          resolve();
        }
      });
      proc.once('exit', (code) => reject(new Error(`coturn exited (${code}):\n${log}`)));
    });
    return new OwnCoturn(port, proc);
  }

  /** A TURN allocation and a relayed round trip between two clients (-y), as a WebRTC client would use it. */
  allocate(username: string, credential: string): Promise<{ ok: boolean; output: string }> {
    const args = ['-u', username, '-w', credential, '-p', String(this.port), '-e', '127.0.0.1', '-X', '-y', '-c', '-n', '1', '127.0.0.1'];
    return new Promise((resolve) =>
      execFile('turnutils_uclient', args, { timeout: 30_000 }, (err, stdout, stderr) =>
        resolve({ ok: !err, output: `${stdout}${stderr}` }),
      ),
    );
  }

  stop(): void {
    this.proc.kill('SIGKILL');
  }
}

describe('GET /calls/turn-credentials without TURN_SECRET', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server?.close());

  it('answers 503 turn.not_configured, and 401 without a token', async () => {
    const user = await server.register('No Turn');
    expectProblem(await server.api('GET', '/calls/turn-credentials', { token: user.token }), 503, 'turn.not_configured');
    expectProblem(await server.api('GET', '/calls/turn-credentials'), 401, 'auth.unauthorized');
  });
});

describe.skipIf(!hasCoturn)('TURN credentials against a real coturn', () => {
  let coturn: OwnCoturn;
  let server: TestServer;
  beforeAll(async () => {
    coturn = await OwnCoturn.start();
    server = await TestServer.start({
      TURN_SECRET: secret,
      TURN_URIS: `turn:127.0.0.1:${coturn.port}?transport=udp, turn:127.0.0.1:${coturn.port}?transport=tcp`,
      TURN_TTL_SECONDS: '600',
    });
  });
  afterAll(async () => {
    coturn?.stop();
    await server?.close();
  });

  it('hands out expiry:userId credentials that coturn accepts; tampered or expired ones it refuses', async () => {
    const user = await server.register('Turn Tina');
    const res = await server.api('GET', '/calls/turn-credentials', { token: user.token });
    expect(res.status).toBe(200);
    const { username, credential, ttl, uris } = res.body;
    expect(ttl).toBe(600);
    expect(uris).toEqual([`turn:127.0.0.1:${coturn.port}?transport=udp`, `turn:127.0.0.1:${coturn.port}?transport=tcp`]);
    const [expiry, userId] = username.split(':');
    expect(userId).toBe(user.id);
    expect(Number(expiry)).toBeGreaterThan(Date.now() / 1000);

    const accepted = await coturn.allocate(username, credential);
    expect(accepted.ok, accepted.output).toBe(true);
    expect(accepted.output).toMatch(/tot_recv_msgs=[1-9]/);

    const tampered = await coturn.allocate(username, `${credential.slice(0, -2)}x=`);
    expect(tampered.ok).toBe(false);
    expect(tampered.output).toContain('Cannot complete Allocation');
    const otherUser = await coturn.allocate(`${expiry}:${'0'.repeat(8)}-0000-7000-8000-000000000000`, credential);
    expect(otherUser.ok).toBe(false);

    // Signed the same way with the right secret, but its expiry has passed.
    const expiredName = `${Math.floor(Date.now() / 1000) - 60}:${user.id}`;
    const expired = await coturn.allocate(expiredName, createHmac('sha1', secret).update(expiredName).digest('base64'));
    expect(expired.ok).toBe(false);
    expect(expired.output).toContain('Cannot complete Allocation');
  });
});
