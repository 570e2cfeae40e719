import { z } from 'zod';

/** Standard, padded, canonical base64 whose decoded length is one of `sizes` bytes. */
const base64Bytes = (sizes: number[], what: string) =>
  z
    .string()
    .max(700)
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be standard base64 (with padding)')
    .refine((s) => Buffer.from(s, 'base64').toString('base64') === s, 'must be canonical base64')
    .refine((s) => sizes.includes(Buffer.from(s, 'base64').length), `must decode to ${sizes.join(' or ')} bytes (${what})`);

/** An Ed25519 public key. */
export const identityKey = base64Bytes([32], 'an Ed25519 public key');
/** A Curve25519 public key, raw (32 bytes) or with Signal's type byte (33). */
export const preKeyPublic = base64Bytes([32, 33], 'a Curve25519 public key');
export const signature = base64Bytes([64], 'an Ed25519 signature');
export const keyId = z.number().int().min(0).max(2_147_483_647).meta({ example: 1 });

export const MAX_ONE_TIME_PREKEYS = 1000;

export const signedPreKeySchema = z.object({ keyId, publicKey: preKeyPublic, signature });
export const oneTimePreKeySchema = z.object({ keyId, publicKey: preKeyPublic });

export const publishKeysBody = z.object({
  identityKey,
  signedPreKey: signedPreKeySchema,
  oneTimePreKeys: z
    .array(oneTimePreKeySchema)
    .max(100, 'at most 100 one-time prekeys per request')
    .refine((keys) => new Set(keys.map((k) => k.keyId)).size === keys.length, 'keyIds must be unique')
    .default([]),
});

export const keyCount = z.object({ oneTimePreKeyCount: z.number().int().meta({ example: 100 }) });

export const keyBundle = z.object({
  identityKey: z.string(),
  signedPreKey: signedPreKeySchema,
  oneTimePreKey: oneTimePreKeySchema.nullable(),
});
