import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { users } from '../../db/schema.js';
import type { PushSettings } from './schemas.js';

/** The actor's push settings (one set for all their devices). */
export async function pushSettingsOf(ex: Executor, actorId: string): Promise<PushSettings> {
  const [row] = await ex.select({ previews: users.pushPreviews }).from(users).where(eq(users.id, actorId));
  return { previews: row?.previews ?? 'full' };
}

/** Changes the actor's push settings; the next push to any of their devices follows them. */
export async function updatePushSettings(ex: Executor, actorId: string, settings: PushSettings): Promise<PushSettings> {
  const [row] = await ex
    .update(users)
    .set({ pushPreviews: settings.previews })
    .where(eq(users.id, actorId))
    .returning({ previews: users.pushPreviews });
  return { previews: row?.previews ?? settings.previews };
}
