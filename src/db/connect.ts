import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { schema } from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK = 7_402_311;

/**
 * PostgreSQL when `url` is given, else PGlite in `pglitePath` (a folder, or `memory://`).
 * Either way the same Drizzle migrations are applied before this returns.
 */
export async function connectDatabase(opts: { url?: string; pglitePath: string; poolSize: number }): Promise<Database> {
  if (opts.url) return connectPostgres(opts.url, opts.poolSize);
  return connectPglite(opts.pglitePath);
}

async function connectPglite(dataPath: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dataPath.startsWith('memory://')) fs.mkdirSync(dataPath, { recursive: true });
  // Event ids are int8; as with pg below, read them as JS numbers.
  const client = await PGlite.create(dataPath, { parsers: { 20: (v: string) => Number(v) } });
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // bigint ids (event ids) fit in a JS number for ~285 years at a million events a second.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'parley' });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  // Nodes starting together take turns: one migrates, the others find it done.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(pool), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    lockClient.release();
  }
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await ex.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/**
 * Rows as one jsonb parameter, read back with `jsonb_to_recordset`: a statement for any number
 * of rows keeps the same text and two parameters, instead of a fragment per value to build.
 */
export const jsonRows = (list: readonly object[]) => sql`${JSON.stringify(list)}::jsonb`;

/** Ids (already validated as UUIDs) as one uuid[] parameter. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
