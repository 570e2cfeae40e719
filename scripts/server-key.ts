/**
 * Server API keys for the app's backend, in the configured database (DATABASE_URL, else PGlite):
 *   npm run server-key -- create NAME   prints a new key once; only its SHA-256 is stored.
 *   npm run server-key -- list          every key: name, id, created, last used, revoked (never the key).
 *   npm run server-key -- revoke NAME   the unrevoked key of that name (or id) is refused from now on, on every node.
 */
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { connectDatabase, type Db } from '../src/db/connect.js';
import { createServerKey, listServerKeys, revokeServerKey, type ServerKeyInfo } from '../src/features/server/serverKeys.js';

const usage = 'usage: npm run server-key -- create NAME | list | revoke NAME\n';
const [command, name, ...rest] = process.argv.slice(2);
const needsName = command === 'create' || command === 'revoke';
const valid =
  rest.length === 0 && (command === 'list' ? name === undefined : needsName && !!name && name.length <= 100 && name.trim() === name);
if (!valid) {
  process.stderr.write(usage);
  process.exit(2);
}

const config = loadConfig();
const database = await connectDatabase({
  url: config.DATABASE_URL,
  pglitePath: config.PGLITE_PATH ?? path.join(config.dataDir, 'pglite'),
  poolSize: 1,
});
try {
  process.exitCode = await run(database.db, command!, name!);
} finally {
  await database.close();
}

async function run(db: Db, cmd: string, keyName: string): Promise<number> {
  if (cmd === 'list') {
    process.stdout.write(table(await listServerKeys(db)));
    return 0;
  }
  if (cmd === 'revoke') {
    const revoked = await revokeServerKey(db, keyName);
    if (revoked.length === 0) {
      process.stderr.write(`No unrevoked server API key is named "${keyName}" (see: npm run server-key -- list).\n`);
      return 1;
    }
    for (const k of revoked) process.stderr.write(`Revoked server API key "${k.name}" (${k.id}): it is refused from now on.\n`);
    return 0;
  }
  const created = await createServerKey(db, keyName);
  if (!created) {
    process.stderr.write(`A server API key named "${keyName}" exists: revoke it first, or choose another name.\n`);
    return 1;
  }
  process.stderr.write(`Created server API key "${created.name}" (${created.id}). It is shown only this once:\n`);
  process.stdout.write(`${created.key}\n`);
  return 0;
}

/** One line per key, columns padded: NAME, ID, CREATED, LAST USED, REVOKED ("-" for never). */
function table(keys: ServerKeyInfo[]): string {
  const when = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');
  const lines = [
    ['NAME', 'ID', 'CREATED', 'LAST USED', 'REVOKED'],
    ...keys.map((k) => [k.name, k.id, when(k.createdAt), when(k.lastUsedAt), when(k.revokedAt)]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((cell, i) => (i === l.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}
