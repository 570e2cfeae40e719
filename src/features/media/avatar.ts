import fsp from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { ReceivedFile } from './ingest.js';
import { avatarImage, decodeLimits } from './process.js';
import { sniffFile } from './types.js';

export const AVATAR_FILE_RE = /^[0-9a-f-]{36}\.webp$/;
const avatarUrlOf = (file: string) => `/api/v1/avatars/${file}`;
const avatarKey = (file: string) => `avatars/${file}`;

/** The storage key behind an avatarUrl this server issued, or null. */
export function avatarKeyOf(url: string | null): string | null {
  const file = url?.match(/^\/api\/v1\/avatars\/([^/]+)$/)?.[1];
  return file && AVATAR_FILE_RE.test(file) ? avatarKey(file) : null;
}

/**
 * Makes an uploaded image the actor's avatar: a 256 px square WebP (upright, no metadata) under a
 * new name, so it can be cached forever at its public URL; the previous one is deleted.
 */
export async function setAvatar(ctx: AppContext, actorId: string, file: ReceivedFile): Promise<string> {
  try {
    const type = await sniffFile(file.path, file.declaredType);
    if (type.kind !== 'image') throw fail('media.unsupported_type', 'an avatar must be a JPEG, PNG, WebP, GIF or AVIF image');
    const image = await avatarImage(file.path, type, decodeLimits(ctx.config));
    const name = `${newId()}.webp`;
    const url = avatarUrlOf(name);
    await ctx.storage.put(avatarKey(name), image.data);
    let previous: string | null;
    try {
      previous = await ctx.db.transaction(async (tx) => {
        const [before] = await tx.select({ avatarUrl: users.avatarUrl }).from(users).where(eq(users.id, actorId)).for('update');
        if (!before) throw fail('user.not_found');
        await tx.update(users).set({ avatarUrl: url, updatedAt: new Date() }).where(eq(users.id, actorId));
        return before.avatarUrl;
      });
    } catch (err) {
      await ctx.storage.delete(avatarKey(name));
      throw err;
    }
    const old = avatarKeyOf(previous);
    if (old) await ctx.storage.delete(old).catch((err) => ctx.log.warn({ err, key: old }, 'could not delete the previous avatar'));
    return url;
  } finally {
    await fsp.rm(file.path, { force: true });
  }
}
