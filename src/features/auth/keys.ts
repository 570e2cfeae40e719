import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as jose from 'jose';
import type { Db } from '../../db/connect.js';
import { signingKeys } from '../../db/schema.js';

export interface SigningKeys {
  alg: 'EdDSA' | 'RS256';
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: jose.JWK;
}

/**
 * The access-token signing key: `JWT_PRIVATE_KEY` (PKCS#8 PEM, Ed25519 or RSA) when set, else
 * an Ed25519 key generated once and kept in the database (PGlite's lives in DATA_DIR), so every
 * node sharing the database signs and verifies with the same key and nodes keep no local disk.
 */
export async function loadSigningKeys(configured: string | undefined, db: Db): Promise<SigningKeys> {
  const pem = configured ? configured.replace(/\\n/g, '\n') : await storedKey(db);
  const keyObject = crypto.createPrivateKey(pem);
  const alg = keyObject.asymmetricKeyType === 'ed25519' ? 'EdDSA' : keyObject.asymmetricKeyType === 'rsa' ? 'RS256' : null;
  if (!alg) throw new Error('JWT_PRIVATE_KEY must be an Ed25519 or RSA private key (PKCS#8 PEM)');
  const privateKey = await jose.importPKCS8(keyObject.export({ type: 'pkcs8', format: 'pem' }).toString(), alg);
  const publicPem = crypto.createPublicKey(keyObject).export({ type: 'spki', format: 'pem' }).toString();
  const publicKey = await jose.importSPKI(publicPem, alg, { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const kid = await jose.calculateJwkThumbprint(jwk);
  return { alg, kid, privateKey, publicKey, publicJwk: { ...jwk, kid, alg, use: 'sig' } };
}

async function storedKey(db: Db): Promise<string> {
  const fresh = crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Nodes starting together: the first insert wins and everyone reads that one.
  await db.insert(signingKeys).values({ id: 'access-token', privateKeyPem: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.id, 'access-token'));
  return row!.privateKeyPem;
}
