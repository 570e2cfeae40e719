import { privacySettingsSchema, type PrivacySettings } from '@parley/protocol';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { privacyOf } from './privacy.js';
import { findUser } from './queries.js';

export const privacyResponse = z.object({ privacy: privacySettingsSchema });

export const updatePrivacyBody = privacySettingsSchema
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one setting to change');

export async function privacySettingsOf(ctx: AppContext, actorId: string): Promise<PrivacySettings> {
  return privacyOf(await findUser(ctx.db, actorId));
}

/**
 * Changes the settings given; the user's other devices hear `privacy:updated` (a private event,
 * replayed by sync). Presence follows at once in queries and lists, and from the next connect or
 * disconnect in `user:online` / `user:offline`; read receipts from the next read.
 */
export function updatePrivacySettings(
  ctx: AppContext,
  actorId: string,
  input: z.output<typeof updatePrivacyBody>,
): Promise<PrivacySettings> {
  return ctx.run(async (tx, events) => {
    const [row] = await tx
      .update(users)
      .set({
        ...(input.lastSeen !== undefined ? { privacyLastSeen: input.lastSeen } : {}),
        ...(input.online !== undefined ? { privacyOnline: input.online } : {}),
        ...(input.readReceipts !== undefined ? { privacyReadReceipts: input.readReceipts } : {}),
        ...(input.groupAdds !== undefined ? { privacyGroupAdds: input.groupAdds } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, actorId))
      .returning();
    if (!row) throw fail('user.not_found');
    const privacy = privacyOf(row);
    events.add({ type: 'privacy:updated', userId: actorId, payload: { privacy } });
    return privacy;
  });
}
