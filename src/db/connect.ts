import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { schema } from './schema.js';
import { prepareRepeatedStatements } from './statementCache.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: its data folder as one consistent tar, taken between statements (a backup while it serves). */
  snapshot?(): Promise<Blob>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK = 7_402_311;

/** PostgreSQL session limits, in seconds (0: not set by Parley). */
export interface SessionTimeouts {
  statementSeconds: number;
  lockSeconds: number;
  idleInTransactionSeconds: number;
  connectSeconds: number;
}

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

export interface ConnectOptions {
  url?: string;
  pglitePath: string;
  poolSize: number;
  /** PostgreSQL: statements each connection prepares once they repeat (statementCache.ts); 0: none. */
  statementCache?: number;
  timeouts?: SessionTimeouts;
  log?: Logger;
  /** PGlite: how often the WAL written since the last checkpoint is looked at (checkpointIfWalGrew). */
  pgliteCheckpointCheckMs?: number;
}

/**
 * PostgreSQL when `url` is given, else PGlite in `pglitePath` (a folder, or `memory://`).
 * Either way the same Drizzle migrations are applied before this returns.
 */
export async function connectDatabase(opts: ConnectOptions): Promise<Database> {
  if (opts.url) return connectPostgres(opts.url, opts.poolSize, opts.statementCache ?? 0, opts.timeouts, opts.log);
  return connectPglite(opts.pglitePath, opts.pgliteCheckpointCheckMs ?? PGLITE_CHECKPOINT_CHECK_MS);
}

let migratedTemplate: Promise<Blob | undefined> | undefined;

async function connectPglite(dataPath: string, checkpointCheckMs: number): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dataPath.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(dataPath, { recursive: true });
  // A folder without a cluster yet starts from the template too (a test's restartable server); one with data never does.
  const fresh = inMemory || fs.readdirSync(dataPath).length === 0;
  const template = fresh ? await migratedTemplate : undefined;
  // Event ids are int8; as with pg below, read them as JS numbers.
  const client = await PGlite.create(dataPath, {
    parsers: { 20: (v: string) => Number(v) },
    loadDataDir: template,
    // A laptop-sized WAL: two 16 MB segments kept for reuse (PostgreSQL's default keeps 80 MB, and up to 1 GB between checkpoints).
    startParams: [...PGlite.defaultStartParams, '-c', 'min_wal_size=32MB', '-c', 'max_wal_size=64MB'],
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder });
  // The first new database of a process is kept as a template (dumped right after its migrations, before any data):
  // creating a cluster costs ~2 s (initdb in WebAssembly), loading a dump ~0.5 s. A process that makes several (the
  // test files' servers) gains ~2 s on each after the first; one that makes one pays ~0.2 s for the dump.
  // Awaited: the dump must not catch what the server writes next (its signing keys).
  if (fresh && !template && !migratedTemplate) {
    migratedTemplate = client.dumpDataDir('none').catch(() => undefined);
    await migratedTemplate;
  }
  const checkpoints = setInterval(() => void checkpointIfWalGrew(client).catch(() => {}), checkpointCheckMs);
  checkpoints.unref();
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      clearInterval(checkpoints);
      if (!client.closed) await client.close();
    },
    snapshot: async () => {
      // A checkpoint first, so the copy needs little WAL replay when it is started.
      await client.query('checkpoint');
      return client.dumpDataDir('none');
    },
  };
}

/** How often PGlite's WAL since its last checkpoint is looked at, and past how much a checkpoint is taken. */
const PGLITE_CHECKPOINT_CHECK_MS = 5_000;
const PGLITE_CHECKPOINT_AFTER_BYTES = 16 * 1_048_576;

/**
 * PGlite runs PostgreSQL as a single process: no checkpointer, so no checkpoint comes by itself
 * and WAL piles up (measured: ~2.8 MB per 1,000 messages, without end). Taking one when a segment's
 * worth was written since the last lets the two kept segments be recycled; it takes ~10 ms.
 */
async function checkpointIfWalGrew(client: { query<T>(q: string): Promise<{ rows: T[] }> }): Promise<void> {
  const { rows: found } = await client.query<{ since: string | number }>(
    'select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn) as since from pg_control_checkpoint()',
  );
  if (Number(found[0]?.since ?? 0) > PGLITE_CHECKPOINT_AFTER_BYTES) await client.query('checkpoint');
}

async function connectPostgres(
  url: string,
  poolSize: number,
  statementCache: number,
  timeouts: SessionTimeouts | undefined,
  log: Logger | undefined,
): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // bigint ids (event ids) fit in a JS number for ~285 years at a million events a second.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  const pool = new pg.Pool({
    ...sessionSettings(url, timeouts),
    max: poolSize,
    application_name: 'parley',
    connectionTimeoutMillis: ms(timeouts?.connectSeconds ?? 0),
    // A peer that vanished (a partition, a failed-over host) is noticed by TCP, not never.
    keepAlive: true,
  });
  const lost = (err: Error) => log?.warn({ err: err.message, code: (err as { code?: string }).code }, 'database connection lost');
  // pg-pool listens for errors only on idle clients: a client checked out for a transaction
  // when the server restarts would emit an unhandled 'error' and take the process down. The
  // query in flight fails (503 service.unavailable) and the pool drops the broken client.
  pool.on('connect', (client) => {
    client.on('error', lost);
    if (statementCache > 0) prepareRepeatedStatements(client, statementCache);
  });
  pool.on('error', lost);
  const db = drizzle(pool, { schema }) as unknown as Db;
  // Nodes starting together take turns: one migrates, the others find it done.
  const lockClient = await pool.connect();
  try {
    // Waiting for another node's migration, or building an index on a big table, may take
    // longer than a request should: the migration session has no statement or lock timeout.
    await lockClient.query('set statement_timeout = 0; set lock_timeout = 0');
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(lockClient), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await lockClient.query('reset statement_timeout; reset lock_timeout').catch(() => {});
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

const ms = (seconds: number) => Math.round(seconds * 1000);

/**
 * The connection string and the `options` startup parameter that sets Parley's session
 * timeouts on every connection, after any `options` the URL already carries (the URL's would
 * otherwise replace ours).
 */
function sessionSettings(url: string, t: SessionTimeouts | undefined): { connectionString: string; options?: string } {
  const u = new URL(url);
  const given = u.searchParams.get('options');
  u.searchParams.delete('options');
  // 0 sets nothing: the server's (or the role's) own setting applies.
  const settings: [string, number][] = t
    ? [
        ['statement_timeout', t.statementSeconds],
        ['lock_timeout', t.lockSeconds],
        ['idle_in_transaction_session_timeout', t.idleInTransactionSeconds],
      ]
    : [];
  const ours = settings.filter(([, s]) => s > 0).map(([name, s]) => `-c ${name}=${ms(s)}`);
  const options = [given, ...ours].filter(Boolean).join(' ');
  return { connectionString: u.toString(), ...(options ? { options } : {}) };
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  // The drivers' result types differ; both carry `rows`.
  const res: unknown = await ex.execute(query);
  return (res as { rows: T[] }).rows;
}

/**
 * Rows as one jsonb parameter, read back with `jsonb_to_recordset`: a statement for any number
 * of rows keeps the same text and two parameters, instead of a fragment per value to build.
 */
export const jsonRows = (list: readonly object[]) => sql`${JSON.stringify(list)}::jsonb`;

/** Ids (already validated as UUIDs) as one uuid[] parameter. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
