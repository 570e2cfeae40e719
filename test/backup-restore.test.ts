import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBin } from './helpers/cluster.js';
import { fetchBytes, photo, sha256, uploadFile } from './helpers/media.js';
import { pair, send } from './helpers/messages.js';
import { syncEvents, TestServer, type TestUser } from './helpers/server.js';
import { historyOf } from './helpers/sdk.js';
import type { Message } from '@parley/client';

const run = promisify(execFile);
const bin = postgresBin();
// pg_dump of a PostgreSQL deployment: the PostgreSQL project, with the client binaries installed.
const enabled = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL && !!bin;

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

describe.skipIf(!enabled)('backup and restore (PostgreSQL: pg_dump during traffic, then the media store)', () => {
  let source: TestServer;
  let restored: TestServer;
  let a: TestUser;
  let b: TestUser;
  let chatId: string;
  let photoSha: string;
  let photoMessageId: string;
  let dumpStartedAt: number;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-backup-'));
  const restoredDb = `parley_restored_${crypto.randomBytes(5).toString('hex')}`;

  beforeAll(async () => {
    source = await TestServer.start();
    ({ a, b, chatId } = await pair(source, ['Ann Backup', 'Ben Backup']));
    const bytes = await photo(64, 48);
    const up = await uploadFile(source, a.token, bytes, { name: 'p.jpg', type: 'image/jpeg' });
    expect(up.status).toBe(201);
    photoMessageId = (await send(source, a, chatId, 'a photo', { mediaIds: [up.body.media.id] })).id;
    photoSha = sha256((await fetchBytes(source, `/media/${up.body.media.id}`, b.token)).bytes);

    // The documented procedure (docs/operations.md, "Backup and restore"), while both users keep sending.
    const load = traffic(source, [a, b], chatId);
    await new Promise((r) => setTimeout(r, 500));
    dumpStartedAt = Date.now();
    const dump = path.join(work, 'parley.dump');
    await run(path.join(bin!, 'pg_dump'), ['--format=custom', '--file', dump, dbUrl(source)]);
    fs.cpSync(path.join(source.dataDir, 'media'), path.join(work, 'media'), { recursive: true });
    await new Promise((r) => setTimeout(r, 300));
    await load.stop();
    acked = load.acked;

    const admin = process.env.TEST_DATABASE_URL!;
    await sql(admin, `create database ${restoredDb}`);
    await run(path.join(bin!, 'pg_restore'), ['--no-owner', '--no-acl', '--dbname', withDb(admin, restoredDb), dump]);
    restored = await TestServer.start({ DATABASE_URL: withDb(admin, restoredDb), MEDIA_DIR: path.join(work, 'media') });
  }, 120_000);
  let acked: Acked[] = [];

  afterAll(async () => {
    await restored?.close();
    await source?.close();
    await sql(process.env.TEST_DATABASE_URL!, `drop database if exists ${restoredDb} with (force)`).catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('keeps every message acked before the dump began, and its history is the source’s up to the backup point', async () => {
    const before = acked.filter((m) => m.at < dumpStartedAt);
    expect(before.length).toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThan(before.length); // traffic went on during and after the dump
    // The sessions signed in on the source work on the restored server: the signing keys are in the database.
    const theirs = await historyOf(restored, a.token, chatId);
    const ours = await historyOf(source, a.token, chatId);
    const ids = new Set(theirs.map((m) => m.id));
    for (const m of before) expect(ids.has(m.id)).toBe(true);
    expect(theirs.length).toBeLessThan(ours.length);
    // A prefix: the same messages, seq 1..n with no gap, as the source had them (their status moved on since).
    const asSent = (m: Message) => ({ id: m.id, seq: m.seq, senderId: m.senderId, text: m.text, createdAt: m.createdAt });
    expect(theirs.map(asSent)).toEqual(ours.slice(0, theirs.length).map(asSent));
    expect(theirs.map((m) => m.seq)).toEqual(theirs.map((_, i) => i + 1));
  });

  it('replays to a syncing client what the source logged up to the backup point, nothing else', async () => {
    const theirs = await syncEvents(restored, b);
    const ours = await syncEvents(source, b);
    const last = theirs.at(-1).eventId;
    expect(theirs).toEqual(ours.filter((e) => e.eventId <= last));
  });

  it('serves the media of restored messages, byte for byte, and takes new messages after the restored ones', async () => {
    const m = (await historyOf(restored, b.token, chatId)).find((x) => x.id === photoMessageId)!;
    const media = m.media![0]!;
    const got = await fetchBytes(restored, `/media/${media.id}`, b.token);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(photoSha);
    const n = (await historyOf(restored, a.token, chatId)).length;
    const next = await send(restored, b, chatId, 'after the restore');
    expect(next.seq).toBe(n + 1);
  });
});

const dbUrl = (server: TestServer) => server.app.ctx.config.DATABASE_URL!;

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
