import path from 'node:path';
import type { Config } from '../src/config.js';
import { connectDatabase, type Database } from '../src/db/connect.js';

/** The database the server of `config` uses, with one connection: PGlite only while that server is stopped. */
export function openCliDatabase(config: Config): Promise<Database> {
  return connectDatabase({
    url: config.DATABASE_URL,
    pglitePath: config.PGLITE_PATH ?? path.join(config.dataDir, 'pglite'),
    poolSize: 1,
  });
}
