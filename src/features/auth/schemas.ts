import { z } from 'zod';
import { displayName, plainText } from '../../lib/validation.js';
import { userSchema } from '../users/schemas.js';

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
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
});

export const sessionSchema = z.object({
  id: z.uuid(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  current: z.boolean(),
});
