import crypto from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { rows, type Executor } from '../../db/connect.js';
import { oneTimePreKeys, userKeys } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { MAX_ONE_TIME_PREKEYS, type publishKeysBody } from './schemas.js';

/** Whether `signature` is the Ed25519 signature of `identityKey` over the bytes of `publicKey` (all base64). */
export function verifySignedPreKey(identityKey: string, publicKey: string, signature: string): boolean {
  try {
    const key = crypto.createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(identityKey, 'base64').toString('base64url') },
      format: 'jwk',
    });
    return crypto.verify(null, Buffer.from(publicKey, 'base64'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Publishes the caller's identity key and signed prekey and adds one-time prekeys (a keyId
 * already stored is replaced). A new identity key discards the old one-time prekeys (they
 * belong to the old identity) and tells every user who shares a conversation with the caller
 * (`keys:identity-changed`, one user event each), so their clients can warn and re-key.
 */
export async function publishKeys(ctx: AppContext, actorId: string, input: z.output<typeof publishKeysBody>) {
  const { identityKey, signedPreKey } = input;
  if (!verifySignedPreKey(identityKey, signedPreKey.publicKey, signedPreKey.signature)) {
    throw fail('keys.bad_signature', 'signedPreKey.signature is not the identity key’s Ed25519 signature of signedPreKey.publicKey');
  }
  return ctx.run(async (tx, events) => {
    const [previous] = await tx
      .select({ identityKey: userKeys.identityKey })
      .from(userKeys)
      .where(eq(userKeys.userId, actorId))
      .for('update');
    const changed = previous !== undefined && previous.identityKey !== identityKey;
    if (changed) await tx.delete(oneTimePreKeys).where(eq(oneTimePreKeys.userId, actorId));
    const row = {
      identityKey,
      signedPreKeyId: signedPreKey.keyId,
      signedPreKey: signedPreKey.publicKey,
      signedPreKeySignature: signedPreKey.signature,
      updatedAt: new Date(),
    };
    await tx
      .insert(userKeys)
      .values({ userId: actorId, ...row })
      .onConflictDoUpdate({ target: userKeys.userId, set: row });
    if (input.oneTimePreKeys.length > 0) {
      await tx
        .insert(oneTimePreKeys)
        .values(input.oneTimePreKeys.map((k) => ({ id: newId(), userId: actorId, keyId: k.keyId, publicKey: k.publicKey })))
        .onConflictDoUpdate({ target: [oneTimePreKeys.userId, oneTimePreKeys.keyId], set: { publicKey: sql`excluded.public_key` } });
    }
    const oneTimePreKeyCount = await countOneTimePreKeys(tx, actorId);
    if (oneTimePreKeyCount > MAX_ONE_TIME_PREKEYS) {
      throw fail('keys.too_many', `at most ${MAX_ONE_TIME_PREKEYS} one-time prekeys can be stored; upload more when the count runs low`);
    }
    if (changed) {
      const peers = await rows<{ user_id: string }>(
        tx,
        sql`select distinct theirs.user_id from members mine
            join members theirs on theirs.conversation_id = mine.conversation_id and theirs.user_id <> ${actorId}
            where mine.user_id = ${actorId}`,
      );
      events.add(
        ...peers.map((p) => ({ type: 'keys:identity-changed' as const, userId: p.user_id, payload: { userId: actorId, identityKey } })),
      );
    }
    return { oneTimePreKeyCount };
  });
}

export async function countOneTimePreKeys(ex: Executor, actorId: string): Promise<number> {
  const [counted] = await ex.select({ n: count() }).from(oneTimePreKeys).where(eq(oneTimePreKeys.userId, actorId));
  return Number(counted?.n ?? 0);
}
