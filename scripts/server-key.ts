/**
 * Server API keys for the app's backend, in the configured database (DATABASE_URL, else PGlite):
 *   npm run server-key -- create NAME   prints a new key once; only its SHA-256 is stored.
 */
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { connectDatabase } from '../src/db/connect.js';
import { createServerKey } from '../src/features/server/serverKeys.js';

const [command, name] = process.argv.slice(2);
if (command !== 'create' || !name || name.length > 100) {
  process.stderr.write('usage: npm run server-key -- create NAME\n');
  process.exit(2);
}
const config = loadConfig();
const database = await connectDatabase({
  url: config.DATABASE_URL,
  pglitePath: config.PGLITE_PATH ?? path.join(config.dataDir, 'pglite'),
  poolSize: 1,
});
try {
  const created = await createServerKey(database.db, name);
  process.stderr.write(`Created server API key "${created.name}" (${created.id}). It is shown only this once:\n`);
  process.stdout.write(`${created.key}\n`);
} finally {
  await database.close();
}
