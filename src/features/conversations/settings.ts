import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { members } from '../../db/schema.js';
import { runCommand } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { getConversation } from './queries.js';

export const settingsBody = z
  .object({ isMuted: z.boolean().optional(), isArchived: z.boolean().optional(), isPinned: z.boolean().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one of isMuted, isArchived, isPinned');

export const settingsSchema = z.object({ isMuted: z.boolean(), isArchived: z.boolean(), isPinned: z.boolean() });

/** Per-member mute / archive / pin; the user's other devices hear `conversation:updated`. */
export function updateSettings(ctx: AppContext, userId: string, conversationId: string, input: z.output<typeof settingsBody>) {
  return runCommand(ctx.db, ctx.emitter, async (tx, events) => {
    const [row] = await tx
      .update(members)
      .set(input)
      .where(and(eq(members.conversationId, conversationId), eq(members.userId, userId)))
      .returning({ isMuted: members.isMuted, isArchived: members.isArchived, isPinned: members.isPinned });
    if (!row) throw fail('conversation.not_found');
    const conversation = await getConversation(ctx, tx, conversationId, userId);
    events.add({ type: 'conversation:updated', conversationId, userId, payload: { conversation } });
    return { settings: row };
  });
}
