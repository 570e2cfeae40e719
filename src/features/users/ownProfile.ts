import type { AppContext } from '../../context.js';
import { storageOf } from '../media/quota.js';
import { presentUser, type UserRow } from './queries.js';
import type { UserDto } from './present.js';

/** Your own profile: what others see, the fields only you see, and your storage (`storageUsed`, `storageQuota`). */
export async function ownProfile(ctx: AppContext, row: UserRow): Promise<UserDto> {
  const [user, storage] = await Promise.all([presentUser(ctx, row, row.id), storageOf(ctx.db, ctx.config, row.id)]);
  return { ...user, ...storage };
}
