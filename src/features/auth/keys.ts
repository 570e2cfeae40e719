import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as jose from 'jose';

export interface SigningKeys {
  alg: 'EdDSA' | 'RS256';
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: jose.JWK;
}

/**
 * The access-token signing key: `JWT_PRIVATE_KEY` (PKCS#8 PEM, Ed25519 or RSA) when set,
 * else a key generated once into DATA_DIR/keys and reused on every start.
 */
export async function loadSigningKeys(configured: string | undefined, dataDir: string): Promise<SigningKeys> {
  const pem = configured ? configured.replace(/\\n/g, '\n') : readOrCreateKeyFile(dataDir);
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

function readOrCreateKeyFile(dataDir: string): string {
  const file = path.join(dataDir, 'keys', 'jwt-ed25519.pem');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': if another process created it first, use theirs.
    fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    return pem;
  } catch {
    return fs.readFileSync(file, 'utf8');
  }
}
