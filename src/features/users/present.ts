import type { userSchema } from '@parley/protocol';
import type { z } from 'zod';
import type { users } from '../../db/schema.js';
import { privacyOf } from './privacy.js';

type UserRow = typeof users.$inferSelect;

export type UserDto = z.infer<typeof userSchema>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The public view of a user; `self` adds the private fields of your own profile. */
export function toUser(u: UserRow, opts: { online: boolean; self?: boolean }): UserDto {
  return {
    id: u.id,
    name: u.name,
    username: u.username,
    initials: u.initials,
    avatarColor: u.avatarColor,
    avatarUrl: u.avatarUrl,
    bio: u.bio,
    isOnline: opts.online,
    lastActive: iso(u.lastActive),
    createdAt: iso(u.createdAt)!,
    ...(opts.self
      ? {
          email: u.email,
          emailVerified: u.email !== null && u.emailVerifiedAt !== null,
          phoneNumber: u.phoneNumber,
          phoneVerified: u.phoneNumber !== null && u.phoneVerifiedAt !== null,
          role: u.role,
          privacy: privacyOf(u),
        }
      : {}),
  };
}
