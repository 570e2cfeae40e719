import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { members } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { getConversation } from './queries.js';

export const settingsBody = z
  .object({ isMuted: z.boolean().optional(), isArchived: z.boolean().optional(), isPinned: z.boolean().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one of isMuted, isArchived, isPinned');

export const settingsSchema = z.object({ isMuted: z.boolean(), isArchived: z.boolean(), isPinned: z.boolean() });

/** Per-member mute / archive / pin; the user's other devices hear `conversation:updated`. */
export function updateSettings(ctx: AppContext, actorId: string, conversationId: string, input: z.output<typeof settingsBody>) {
  return ctx.run(async (tx, events) => {
    const [row] = await tx
      .update(members)
      .set(input)
      .where(and(eq(members.conversationId, conversationId), eq(members.userId, actorId)))
      .returning({ isMuted: members.isMuted, isArchived: members.isArchived, isPinned: members.isPinned });
    if (!row) throw fail('conversation.not_found');
    const conversation = await getConversation(ctx, tx, conversationId, actorId);
    events.add({ type: 'conversation:updated', conversationId, userId: actorId, payload: { conversation } });
    return { settings: row };
  });
}
