import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { Message } from '@parley/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { postgresBin } from './helpers/cluster.js';
import { fetchBytes, photo, sha256, uploadFile } from './helpers/media.js';
import { pair, send } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { historyOf } from './helpers/sdk.js';
import { syncEvents, TestServer, type TestUser } from './helpers/server.js';
import { unzip } from './helpers/zip.js';

const run = promisify(execFile);
const bin = postgresBin();
const onPostgres = process.env.PARLEY_TEST_DB === 'postgres';

/** `npm run admin -- <args>` against the database `env` names. */
const adminCli = (env: Record<string, string>, ...args: string[]) =>
  run('npm', ['run', '--silent', 'admin', '--', ...args], { env: { ...process.env, NODE_ENV: 'test', ...env }, timeout: 120_000 });

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

interface Acked {
  id: string;
  at: number;
}

/** Both users send to their chat, one message in flight each, until `stop()`; what was acked and when. */
function traffic(server: TestServer, users: TestUser[], chatId: string) {
  const acked: Acked[] = [];
  let stopped = false;
  const loops = users.map(async (u, k) => {
    for (let i = 0; !stopped; i++) {
      const m = await send(server, u, chatId, `traffic ${k}-${i}`);
      acked.push({ id: m.id, at: Date.now() });
    }
  });
  return {
    acked,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** A source with a chat, a photo in it, and its users signed in as admins may need. */
interface Source {
  server: TestServer;
  a: TestUser;
  b: TestUser;
  chatId: string;
  photoMessageId: string;
  photoSha: string;
}

async function seed(server: TestServer): Promise<Source> {
  const { a, b, chatId } = await pair(server, ['Ann Backup', 'Ben Backup']);
  const up = await uploadFile(server, a.token, await photo(64, 48), { name: 'p.jpg', type: 'image/jpeg' });
  expect(up.status).toBe(201);
  const photoMessageId = (await send(server, a, chatId, 'a photo', { mediaIds: [up.body.media.id] })).id;
  const photoSha = sha256((await fetchBytes(server, `/media/${up.body.media.id}`, b.token)).bytes);
  return { server, a, b, chatId, photoMessageId, photoSha };
}

/**
 * The documented procedure for one database (docs/operations.md, "Backup and restore"), with both users sending all
 * through the backup: `takeBackup` backs `source` up, then the test restores it and starts a server on the copy.
 */
function describeRestore(
  title: string,
  enabled: boolean,
  setup: () => Promise<{ source: Source; takeBackup(): Promise<void>; restore(): Promise<TestServer>; cleanup(): Promise<void> }>,
) {
  describe.skipIf(!enabled)(title, () => {
    let s: Source;
    let restored: TestServer;
    let acked: Acked[] = [];
    let backupStartedAt = 0;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const steps = await setup();
      s = steps.source;
      cleanup = steps.cleanup;
      const load = traffic(s.server, [s.a, s.b], s.chatId);
      await until(() => load.acked.length >= 5);
      backupStartedAt = Date.now();
      await steps.takeBackup();
      const afterBackup = load.acked.length;
      await until(() => load.acked.length >= afterBackup + 5);
      await load.stop();
      acked = load.acked;
      restored = await steps.restore();
    }, 180_000);

    afterAll(async () => {
      await restored?.close();
      await s?.server.close();
      await cleanup?.();
    });

    it('keeps every message acked before the backup began, and its history is the source’s up to the backup point', async () => {
      const before = acked.filter((m) => m.at < backupStartedAt);
      expect(before.length).toBeGreaterThan(0);
      expect(acked.length).toBeGreaterThan(before.length); // traffic went on during and after the backup
      // The sessions signed in on the source work on the restored server: the signing keys are in the database.
      const theirs = await historyOf(restored, s.a.token, s.chatId);
      const ours = await historyOf(s.server, s.a.token, s.chatId);
      const ids = new Set(theirs.map((m) => m.id));
      for (const m of before) expect(ids.has(m.id)).toBe(true);
      expect(theirs.length).toBeLessThan(ours.length);
      // A prefix: the same messages, seq 1..n with no gap, as the source had them (their status moved on since).
      const asSent = (m: Message) => ({ id: m.id, seq: m.seq, senderId: m.senderId, text: m.text, createdAt: m.createdAt });
      expect(theirs.map(asSent)).toEqual(ours.slice(0, theirs.length).map(asSent));
      expect(theirs.map((m) => m.seq)).toEqual(theirs.map((_, i) => i + 1));
    });

    it('replays to a syncing client what the source logged up to the backup point, nothing else', async () => {
      const theirs = await syncEvents(restored, s.b);
      const ours = await syncEvents(s.server, s.b);
      const last = theirs.at(-1).eventId;
      expect(theirs).toEqual(ours.filter((e) => e.eventId <= last));
    });

    it('serves the media of restored messages, byte for byte, and takes new messages after the restored ones', async () => {
      const m = (await historyOf(restored, s.b.token, s.chatId)).find((x) => x.id === s.photoMessageId)!;
      const got = await fetchBytes(restored, `/media/${m.media![0]!.id}`, s.b.token);
      expect(got.status).toBe(200);
      expect(sha256(got.bytes)).toBe(s.photoSha);
      const n = (await historyOf(restored, s.a.token, s.chatId)).length;
      const next = await send(restored, s.b, s.chatId, 'after the restore');
      expect(next.seq).toBe(n + 1);
    });
  });
}

describeRestore('backup and restore (PostgreSQL: pg_dump during traffic, then the media store)', onPostgres && !!bin, async () => {
  const server = await TestServer.start();
  const source = await seed(server);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-backup-'));
  const admin = process.env.TEST_DATABASE_URL!;
  const restoredDb = `parley_restored_${crypto.randomBytes(5).toString('hex')}`;
  const dump = path.join(work, 'parley.dump');
  const url = server.app.ctx.config.DATABASE_URL!;

  // The online backup is PGlite's: here it answers with what to do instead.
  await adminCli({ DATABASE_URL: url }, 'promote', source.a.email);
  expectProblem(await server.api('GET', '/admin/backup', { token: source.a.token }), 409, 'backup.use_pg_dump');
  return {
    source,
    async takeBackup() {
      await run(path.join(bin!, 'pg_dump'), ['--format=custom', '--file', dump, url]);
      fs.cpSync(path.join(server.dataDir, 'media', 'files'), path.join(work, 'media', 'files'), { recursive: true });
    },
    async restore() {
      await sql(admin, `create database ${restoredDb}`);
      await run(path.join(bin!, 'pg_restore'), ['--no-owner', '--no-acl', '--dbname', withDb(admin, restoredDb), dump]);
      return TestServer.start({ DATABASE_URL: withDb(admin, restoredDb), MEDIA_DIR: path.join(work, 'media') });
    },
    async cleanup() {
      await sql(admin, `drop database if exists ${restoredDb} with (force)`).catch(() => {});
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
});

describeRestore('backup and restore (PGlite: GET /admin/backup while serving, npm run admin -- restore)', !onPostgres, async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-backup-'));
  const sourceDir = path.join(work, 'source');
  const restoredDir = path.join(work, 'restored');
  const server = await TestServer.start({ DATA_DIR: sourceDir }, { persistent: true });
  const source = await seed(server);
  // PGlite is one process's at a time: the CLI promotes while the server is stopped.
  await server.whileStopped(() => adminCli({ DATA_DIR: sourceDir }, 'promote', source.a.email));
  const zip = path.join(work, 'parley-backup.zip');
  return {
    source,
    async takeBackup() {
      const res = await fetch(`${server.url}/api/v1/admin/backup`, { headers: { authorization: `Bearer ${source.a.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      await pipeline(res.body!, fs.createWriteStream(zip));
    },
    async restore() {
      // An archive missing one of its objects (a cut-short copy): refused, and the folder is left as it was.
      const short = path.join(work, 'short.zip');
      await writeZipWithout(zip, short, (name) => name.startsWith('objects/'));
      await expect(adminCli({}, 'restore', short, '--data-dir', restoredDir)).rejects.toMatchObject({
        stderr: expect.stringMatching(/not a complete Parley backup: 0 of \d+ objects/),
      });
      expect(fs.existsSync(restoredDir) ? fs.readdirSync(restoredDir) : []).toEqual([]);
      // A crafted or second restore is refused before anything is written.
      await adminCli({}, 'restore', zip, '--data-dir', restoredDir);
      await expect(adminCli({}, 'restore', zip, '--data-dir', restoredDir)).rejects.toMatchObject({
        stderr: expect.stringMatching(/already holds a database/),
      });
      return TestServer.start({ DATA_DIR: restoredDir }, { persistent: true });
    },
    async cleanup() {
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
});

/** A copy of the zip at `from` without the entries `drop` picks. */
async function writeZipWithout(from: string, to: string, drop: (name: string) => boolean): Promise<void> {
  const out = new yazl.ZipFile();
  for (const [name, bytes] of await unzip(fs.readFileSync(from))) if (!drop(name)) out.addBuffer(bytes, name);
  out.end();
  await pipeline(out.outputStream, fs.createWriteStream(to));
}

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function sql(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
