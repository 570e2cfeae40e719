import { displayName, plainText, userSchema } from '@parley/protocol';
import { z } from 'zod';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));
export const password = z.string().min(8, 'at least 8 characters').max(128, 'at most 128 characters');
export const personName = displayName(100);
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.]{3,30}$/, '3 to 30 letters, digits, "_" or "."');
const deviceId = plainText(128).pipe(z.string().min(1));
const deviceName = plainText(100);

export const registerBody = z.object({
  email,
  password,
  name: personName,
  username: username.optional(),
  deviceId: deviceId.optional(),
  deviceName: deviceName.optional(),
});

export const loginBody = z.object({
  // No control characters: PostgreSQL text cannot hold NUL, and no email or username has them.
  login: plainText(254).toLowerCase().min(1),
  password: z.string().min(1).max(128),
  deviceId: deviceId.optional(),
  deviceName: deviceName.optional(),
});

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(512) });

export const authResponse = z.object({
  user: userSchema,
  accessToken: z.string().meta({ description: 'A JWT: send it as `Authorization: Bearer <accessToken>`.' }),
  refreshToken: z.string().meta({ description: 'Works once, at POST /auth/refresh-token, for the next pair.' }),
  expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires.', example: 900 }),
});

/** Phone and Google sign-in, which create the account when there is none. */
export const signInResponse = authResponse.extend({
  created: z.boolean().meta({ description: 'Whether this sign-in created the account.' }),
});

export const otpSentResponse = z.object({
  sent: z.literal(true),
  retryAfter: z.number().int().meta({ description: 'Seconds before another code can be sent to this number.', example: 60 }),
});

export const success = z.object({ success: z.literal(true) });

export const sessionSchema = z.object({
  id: z.uuid(),
  deviceId: z.string().meta({ example: 'pixel-8-3f2a' }),
  deviceName: z.string().nullable().meta({ example: 'Pixel 8' }),
  createdAt: z.string(),
  lastUsedAt: z.string().meta({
    description:
      'When a request or socket used the session last, to the minute: it is written at most once a minute, within a second of the use.',
  }),
  current: z.boolean().meta({ description: 'The session making this request.' }),
});

/** GET /.well-known/jwks.json: the public key(s) that verify access tokens (RFC 7517). */
export const jwksResponse = z.object({
  keys: z.array(
    z.object({
      kty: z.enum(['OKP', 'RSA']),
      crv: z.string().optional().meta({ description: 'OKP keys: the curve.', example: 'Ed25519' }),
      x: z.string().optional().meta({ description: 'OKP keys: the public key, base64url.' }),
      n: z.string().optional().meta({ description: 'RSA keys: the modulus, base64url.' }),
      e: z.string().optional().meta({ description: 'RSA keys: the exponent, base64url.', example: 'AQAB' }),
      kid: z.string().meta({ description: 'The `kid` in access-token headers (the key’s JWK thumbprint).' }),
      alg: z.enum(['EdDSA', 'RS256']),
      use: z.literal('sig'),
    }),
  ),
});
