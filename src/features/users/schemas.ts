import { z } from 'zod';

export const userSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  username: z.string(),
  initials: z.string(),
  avatarColor: z.string(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  isOnline: z.boolean(),
  lastActive: z.string().nullable(),
  createdAt: z.string(),
  email: z.string().nullable().optional(),
  phoneNumber: z.string().nullable().optional(),
  /** Your own profile only: whether `phoneNumber` was proven by OTP (only then does it sign in or match in contact sync). */
  phoneVerified: z.boolean().optional(),
});
