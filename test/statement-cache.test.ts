import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase, rows, type Database } from '../src/db/connect.js';
import { freshDatabase } from './helpers/cluster.js';

// PostgreSQL only: PGlite runs every statement unnamed.
describe.skipIf(process.env.PARLEY_TEST_DB !== 'postgres')('prepared statements on PostgreSQL (DATABASE_STATEMENT_CACHE)', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let database: Database | undefined;
  afterAll(async () => {
    await database?.close();
    await fresh?.drop();
  });

  const prepared = async () =>
    rows<{ statement: string }>(
      database!.db,
      sql`select statement from pg_prepared_statements where statement like '%statement_cache_probe%' and statement not like '%pg_prepared_statements%'`,
    );

  it('a repeated statement is prepared on its connection from its third run and keeps answering; a one-off is not', async () => {
    fresh = await freshDatabase(process.env.TEST_DATABASE_URL!);
    database = await connectDatabase({ url: fresh.url, pglitePath: '', poolSize: 1, statementCache: 16 });
    const probe = (n: number) => rows<{ n: number }>(database!.db, sql`select ${n}::int + 1 as n, 'statement_cache_probe' as tag`);
    for (let i = 0; i < 2; i++) expect(await probe(i)).toEqual([{ n: i + 1, tag: 'statement_cache_probe' }]);
    expect(await prepared()).toEqual([]);
    for (let i = 2; i < 6; i++) expect(await probe(i)).toEqual([{ n: i + 1, tag: 'statement_cache_probe' }]);
    expect((await prepared()).map((p) => p.statement)).toEqual([expect.stringContaining("$1::int + 1 as n, 'statement_cache_probe'")]);
    // In a transaction too (its client checked out of the pool), under the same name.
    await database.db.transaction(async (tx) => {
      expect(await rows(tx, sql`select ${7}::int + 1 as n, 'statement_cache_probe' as tag`)).toEqual([
        { n: 8, tag: 'statement_cache_probe' },
      ]);
    });
    await rows(database.db, sql`select 'statement_cache_probe once' as tag`);
    expect(await prepared()).toHaveLength(1);
    // A failing run: the pool drops that connection, the next one answers (and prepares anew).
    await expect(rows(database.db, sql`select ${'x'}::int + 1 as n, 'statement_cache_probe' as tag`)).rejects.toThrow();
    for (let i = 0; i < 4; i++) expect(await probe(i)).toEqual([{ n: i + 1, tag: 'statement_cache_probe' }]);
    expect(await prepared()).toHaveLength(1);
  });
});
