import crypto from 'node:crypto';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { serverKeys } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { audit } from '../admin/audit.js';

const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

/** A new server API key: returned once, only its SHA-256 is stored. A name an unrevoked key has is refused (null), so `revoke NAME` means one key. */
export async function createServerKey(ex: Executor, name: string): Promise<{ id: string; name: string; key: string } | null> {
  const [taken] = await ex
    .select({ id: serverKeys.id })
    .from(serverKeys)
    .where(and(eq(serverKeys.name, name), isNull(serverKeys.revokedAt)));
  if (taken) return null;
  const key = `psk_${crypto.randomBytes(32).toString('base64url')}`;
  const id = newId();
  await ex.transaction(async (tx) => {
    await tx.insert(serverKeys).values({ id, name, keyHash: hashKey(key) });
    await audit(tx, { actorId: null, action: 'server_key.created', targetType: 'server_key', targetId: id, details: { name } });
  });
  return { id, name, key };
}

export type ServerKeyInfo = Pick<typeof serverKeys.$inferSelect, 'id' | 'name' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>;

/** Every key, revoked ones too, oldest first: never the key itself (it is not stored). */
export function listServerKeys(ex: Executor): Promise<ServerKeyInfo[]> {
  return ex
    .select({
      id: serverKeys.id,
      name: serverKeys.name,
      createdAt: serverKeys.createdAt,
      lastUsedAt: serverKeys.lastUsedAt,
      revokedAt: serverKeys.revokedAt,
    })
    .from(serverKeys)
    .orderBy(asc(serverKeys.createdAt), asc(serverKeys.id));
}

/** Revokes the unrevoked key of this name (or id): refused from the next request on, on every node. Returns what it revoked. */
export async function revokeServerKey(ex: Executor, nameOrId: string): Promise<{ id: string; name: string }[]> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nameOrId) ? eq(serverKeys.id, nameOrId) : undefined;
  return ex.transaction(async (tx) => {
    const revoked = await tx
      .update(serverKeys)
      .set({ revokedAt: new Date() })
      .where(and(isNull(serverKeys.revokedAt), byId ? or(eq(serverKeys.name, nameOrId), byId) : eq(serverKeys.name, nameOrId)))
      .returning({ id: serverKeys.id, name: serverKeys.name });
    const entries = revoked.map((k) => ({
      actorId: null,
      action: 'server_key.revoked' as const,
      targetType: 'server_key' as const,
      targetId: k.id,
      details: { name: k.name },
    }));
    await audit(tx, ...entries);
    return revoked;
  });
}

/** How stale `last_used_at` may be: each node writes it at most this often per key, not on every request. */
const LAST_USED_PRECISION_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    serverKey: { id: string; name: string };
  }
}

/**
 * onRequest hook of /server routes: `Authorization: Bearer <server API key>` of a key not revoked, else 401.
 * The key is looked up on every request, never cached, so a revocation holds at once on every node.
 */
export function authenticateServer(ctx: AppContext) {
  const lastWritten = new Map<string, number>();
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const m = req.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i);
    if (!m) throw fail('auth.server_key_invalid', 'missing server API key (Authorization: Bearer <key>)');
    const [row] = await ctx.db
      .select({ id: serverKeys.id, name: serverKeys.name })
      .from(serverKeys)
      .where(and(eq(serverKeys.keyHash, hashKey(m[1]!)), isNull(serverKeys.revokedAt)));
    if (!row) throw fail('auth.server_key_invalid', 'unknown or revoked server API key');
    req.serverKey = row;
    const now = Date.now();
    if (now - (lastWritten.get(row.id) ?? 0) >= LAST_USED_PRECISION_MS) {
      lastWritten.set(row.id, now);
      await ctx.db
        .update(serverKeys)
        .set({ lastUsedAt: new Date(now) })
        .where(eq(serverKeys.id, row.id));
    }
  };
}

/** OpenAPI: a route of the server API, called with a server API key. */
export const serverSecured = { security: [{ serverKey: [] }] };
