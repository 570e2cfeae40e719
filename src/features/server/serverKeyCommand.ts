import type { Db } from '../../db/connect.js';
import { createServerKey, listServerKeys, revokeServerKey, type ServerKeyInfo } from './serverKeys.js';

export const serverKeyUsage = 'create NAME | list | revoke NAME';

/** Whether `args` is a server-key command (`create NAME`, `list`, `revoke NAME`) worth opening the database for. */
export function validServerKeyArgs([command, name, ...rest]: string[]): boolean {
  if (rest.length > 0) return false;
  if (command === 'list') return name === undefined;
  return (command === 'create' || command === 'revoke') && !!name && name.length <= 100 && name.trim() === name;
}

/**
 * `npm run server-key -- …` and `npm run admin -- server-key …`: the key goes to stdout (shown once), the rest to
 * stderr; the exit code.
 */
export async function serverKeyCommand(db: Db, [command, keyName]: string[]): Promise<number> {
  if (command === 'list') {
    process.stdout.write(table(await listServerKeys(db)));
    return 0;
  }
  if (command === 'revoke') {
    const revoked = await revokeServerKey(db, keyName!);
    if (revoked.length === 0) {
      process.stderr.write(`No unrevoked server API key is named "${keyName}" (see: npm run server-key -- list).\n`);
      return 1;
    }
    for (const k of revoked) process.stderr.write(`Revoked server API key "${k.name}" (${k.id}): it is refused from now on.\n`);
    return 0;
  }
  const created = await createServerKey(db, keyName!);
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
