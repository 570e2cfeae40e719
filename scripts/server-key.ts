/**
 * Server API keys for the app's backend, in the configured database (DATABASE_URL, else PGlite):
 *   npm run server-key -- create NAME   prints a new key once; only its SHA-256 is stored.
 *   npm run server-key -- list          every key: name, id, created, last used, revoked (never the key).
 *   npm run server-key -- revoke NAME   the unrevoked key of that name (or id) is refused from now on, on every node.
 * (`npm run admin -- server-key …` is the same.)
 */
import { loadConfig } from '../src/config.js';
import { openCliDatabase } from './cliDatabase.js';
import { serverKeyCommand, serverKeyUsage, validServerKeyArgs } from '../src/features/server/serverKeyCommand.js';

const args = process.argv.slice(2);
if (!validServerKeyArgs(args)) {
  process.stderr.write(`usage: npm run server-key -- ${serverKeyUsage}\n`);
  process.exit(2);
}

const config = loadConfig();
const database = await openCliDatabase(config);
try {
  process.exitCode = await serverKeyCommand(database.db, args);
} finally {
  await database.close();
}
