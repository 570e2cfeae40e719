/**
 * Administration from the shell, in the configured database (DATABASE_URL, else PGlite, which only
 * one process may open: stop the server first):
 *   npm run admin -- promote EMAIL                               make the account an admin
 *   npm run admin -- demote EMAIL                                make it a user again
 *   npm run admin -- suspend EMAIL [--until ISO] --reason TEXT   suspend it (sessions end; with REDIS_URL, sockets close on every node)
 *   npm run admin -- unsuspend EMAIL                             lift the suspension
 *   npm run admin -- stats                                       users, messages per day, storage (JSON)
 *   npm run admin -- server-key create NAME | list | revoke NAME  server API keys (as npm run server-key)
 *   npm run admin -- restore FILE --data-dir DIR                 a PGlite backup (GET /admin/backup) into a new DATA_DIR
 * Every change is written to the audit log with no actor (actorId null) and `source: 'cli'`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { loadConfig, type Config } from '../src/config.js';
import type { Db } from '../src/db/connect.js';
import { openCliDatabase } from './cliDatabase.js';
import { findByEmail } from '../src/features/admin/findByEmail.js';
import { setRoleByEmail } from '../src/features/admin/roles.js';
import { databaseStats } from '../src/features/admin/stats.js';
import { suspendIn, unsuspendIn } from '../src/features/admin/suspension.js';
import { restoreBackup } from '../src/features/backup/restore.js';
import { serverKeyCommand, serverKeyUsage, validServerKeyArgs } from '../src/features/server/serverKeyCommand.js';
import { AppError } from '../src/lib/errors.js';
import { sessionRoom } from '../src/realtime/rooms.js';

const usage =
  'usage: npm run admin -- promote EMAIL | demote EMAIL | suspend EMAIL [--until ISO] --reason TEXT | unsuspend EMAIL | stats\n' +
  `       npm run admin -- server-key ${serverKeyUsage} | restore FILE --data-dir DIR\n`;

const { positionals, values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { until: { type: 'string' }, reason: { type: 'string' }, 'data-dir': { type: 'string' } },
});
const [command, email] = positionals;

if (command === 'restore') process.exit(await restore(positionals[1], values['data-dir']));
if (command === 'server-key' && !validServerKeyArgs(positionals.slice(1))) process.exit(fail(usage));

const config = loadConfig();
const database = await openCliDatabase(config);
try {
  process.exitCode = await run(database.db);
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  process.stderr.write(`${err.code}: ${err.message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}

async function run(db: Db): Promise<number> {
  if (command === 'server-key') return serverKeyCommand(db, positionals.slice(1));
  if (command === 'stats') {
    process.stdout.write(`${JSON.stringify(await databaseStats(db), null, 2)}\n`);
    return 0;
  }
  if (!email) return fail(usage);
  if (command === 'promote' || command === 'demote') {
    const role = command === 'promote' ? 'admin' : 'user';
    const { changed } = await db.transaction((tx) => setRoleByEmail(tx, email, role, 'cli'));
    process.stderr.write(changed ? `${email} is now ${role === 'admin' ? 'an admin' : 'a user'}\n` : `${email} was ${role} already\n`);
    if (role === 'user' && config.ADMIN_EMAILS.includes(email.toLowerCase())) {
      process.stderr.write(`note: ${email} is in ADMIN_EMAILS, which makes it an admin again at its next sign-in\n`);
    }
    return 0;
  }
  if (command === 'suspend') {
    if (!values.reason) return fail(`--reason is required\n${usage}`);
    const until = values.until ? new Date(values.until) : undefined;
    if (until && Number.isNaN(until.getTime())) return fail(`--until must be an ISO 8601 time\n${usage}`);
    const ended = await db.transaction(async (tx) =>
      suspendIn(tx, null, (await findByEmail(tx, email)).id, { reason: values.reason!, until }),
    );
    await closeSockets(config, ended);
    process.stderr.write(`${email} is suspended${until ? ` until ${until.toISOString()}` : ''}; ${ended.length} session(s) ended\n`);
    return 0;
  }
  if (command === 'unsuspend') {
    await db.transaction(async (tx) => unsuspendIn(tx, null, (await findByEmail(tx, email)).id));
    process.stderr.write(`${email} may sign in again\n`);
    return 0;
  }
  return fail(usage);
}

/** Restores into a DATA_DIR with no database yet: the server is not running there, so nothing else opens it. */
async function restore(file: string | undefined, dataDir: string | undefined): Promise<number> {
  if (!file || !dataDir) return fail(usage);
  try {
    const { manifest, objects } = await restoreBackup(path.resolve(file), path.resolve(dataDir));
    process.stderr.write(
      `Restored the backup of ${manifest.createdAt} (${objects} stored objects) into ${dataDir}: start with DATA_DIR=${dataDir}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
}

function fail(message: string): number {
  process.stderr.write(message);
  return 2;
}

/**
 * The ended sessions' open sockets: with REDIS_URL, the nodes' Socket.IO Redis adapter is told to
 * close them (as a node's own revocation does). Without Redis there is one node and no way in from
 * here: its open sockets stay until they reconnect (refused then), so suspend through the API instead.
 */
async function closeSockets(c: Config, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  if (!c.REDIS_URL) {
    process.stderr.write(
      'note: without REDIS_URL, sockets already open stay until they reconnect; POST /admin/users/:id/suspend closes them at once\n',
    );
    return;
  }
  const pub = new Redis(c.REDIS_URL);
  const sub = new Redis(c.REDIS_URL);
  const io = new Server();
  io.adapter(createAdapter(pub, sub, { key: `${c.REDIS_KEY_PREFIX}socket.io` }));
  for (const id of sessionIds) io.in(sessionRoom(id)).disconnectSockets(true);
  // QUIT runs after the publishes queued before it. (The Server has no engine to close: it never listened.)
  await Promise.all([pub.quit(), sub.quit()]);
}
