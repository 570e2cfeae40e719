import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { signingKeys } from '../../db/schema.js';

/** The VAPID key pair (RFC 8292) as web-push takes it: both base64url, raw. */
export interface VapidKeys {
  /** The uncompressed P-256 point: the application server key browsers subscribe with. */
  publicKey: string;
  /** The private scalar d. */
  privateKey: string;
}

const loaded = new WeakMap<Db, Promise<VapidKeys>>();

/**
 * The VAPID keys, generated on first use and kept in the database beside the access-token
 * signing key (`signing_keys`, id `vapid`), so every node signs with the same pair and the
 * subscriptions browsers made with its public key keep working across restarts.
 */
export function vapidKeys(db: Db): Promise<VapidKeys> {
  let keys = loaded.get(db);
  if (!keys) {
    keys = storedVapidKey(db).then(rawKeys);
    keys.catch(() => loaded.delete(db));
    loaded.set(db, keys);
  }
  return keys;
}

async function storedVapidKey(db: Db): Promise<string> {
  const fresh = crypto
    .generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  // Nodes starting together: the first insert wins and everyone reads that one.
  await db.insert(signingKeys).values({ id: 'vapid', privateKeyPem: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.id, 'vapid'));
  return row!.privateKeyPem;
}

function rawKeys(pem: string): VapidKeys {
  const jwk = crypto.createPrivateKey(pem).export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return { publicKey: point.toString('base64url'), privateKey: jwk.d! };
}
