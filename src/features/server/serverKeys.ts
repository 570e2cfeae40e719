import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { serverKeys } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { audit } from '../admin/audit.js';

const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

/** A new server API key: returned once, only its SHA-256 is stored. */
export async function createServerKey(ex: Executor, name: string): Promise<{ id: string; name: string; key: string }> {
  const key = `psk_${crypto.randomBytes(32).toString('base64url')}`;
  const id = newId();
  await ex.transaction(async (tx) => {
    await tx.insert(serverKeys).values({ id, name, keyHash: hashKey(key) });
    await audit(tx, { actorId: null, action: 'server_key.created', targetType: 'server_key', targetId: id, details: { name } });
  });
  return { id, name, key };
}

declare module 'fastify' {
  interface FastifyRequest {
    serverKey: { id: string; name: string };
  }
}

/** onRequest hook of /server routes: `Authorization: Bearer <server API key>` of a key not revoked, else 401. */
export function authenticateServer(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const m = req.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i);
    if (!m) throw fail('auth.server_key_invalid', 'missing server API key (Authorization: Bearer <key>)');
    const [row] = await ctx.db
      .select({ id: serverKeys.id, name: serverKeys.name })
      .from(serverKeys)
      .where(and(eq(serverKeys.keyHash, hashKey(m[1]!)), isNull(serverKeys.revokedAt)));
    if (!row) throw fail('auth.server_key_invalid', 'unknown or revoked server API key');
    req.serverKey = row;
  };
}

/** OpenAPI: a route of the server API, called with a server API key. */
export const serverSecured = { security: [{ serverKey: [] }] };
