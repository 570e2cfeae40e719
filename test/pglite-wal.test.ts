import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase, rows, type Database } from '../src/db/connect.js';

/** The segments' bytes in MiB (not `du -sm`, which rounds up: three 16 MB segments and the folder read as 49). */
const megabytes = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile())
    .reduce((n, f) => n + fs.statSync(path.join(dir, f.name)).size, 0) /
  2 ** 20;

// The embedded default's own behaviour: nothing to do with PostgreSQL.
describe.skipIf(process.env.PARLEY_TEST_DB === 'postgres')("PGlite's write-ahead log on disk", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-wal-'));
  let database: Database | undefined;
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stays near two 16 MB segments however much is written: checkpoints are taken as it grows', async () => {
    database = await connectDatabase({ pglitePath: dir, poolSize: 1, pgliteCheckpointCheckMs: 100 });
    await database.db.execute(sql`create table wal_filler (id serial primary key, body text)`);
    // ~65 MB of WAL without checkpoints (measured before they were taken), over 48 MB.
    for (let i = 0; i < 30; i++) {
      await database.db.execute(sql`insert into wal_filler (body) select repeat(md5(g::text), 40) from generate_series(1, 1000) g`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const wal = megabytes(path.join(dir, 'pg_wal'));
    expect(wal).toBeLessThanOrEqual(48);
    const [written] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from wal_filler`);
    expect(written!.n).toBe(30_000);
  }, 120_000);
});
