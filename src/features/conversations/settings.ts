import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { members } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { muteColumns, notificationSettings } from './notificationSettings.js';
import { getConversation } from './queries.js';

const notifications = z.enum(['all', 'mentions', 'none']);

export const settingsBody = z
  .object({
    isMuted: z.boolean().optional().meta({ description: 'true: muted without an end; false: unmuted (also ends a timed mute).' }),
    mutedUntil: z.iso
      .datetime({ offset: true })
      .nullable()
      .optional()
      .meta({ description: 'Muted until then (ISO 8601); null, or a time not in the future, ends a timed mute.' }),
    notifications: notifications.optional().meta({ description: "Which messages notify you: 'all', 'mentions' (only those), 'none'." }),
    isArchived: z.boolean().optional(),
    isPinned: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one of isMuted, mutedUntil, notifications, isArchived, isPinned')
  .refine((b) => b.isMuted === undefined || b.mutedUntil === undefined, {
    path: ['mutedUntil'],
    message: 'give isMuted or mutedUntil, not both',
  });

export const settingsSchema = z.object({
  isMuted: z.boolean(),
  mutedUntil: z.string().nullable(),
  notifications,
  isArchived: z.boolean(),
  isPinned: z.boolean(),
});

/** Per-member mute, notification level, archive and pin; the user's other devices hear `conversation:updated`. */
export function updateSettings(ctx: AppContext, actorId: string, conversationId: string, input: z.output<typeof settingsBody>) {
  const { isMuted, mutedUntil, ...rest } = input;
  const mute = muteColumns({ isMuted, mutedUntil: typeof mutedUntil === 'string' ? new Date(mutedUntil) : mutedUntil });
  return ctx.run(async (tx, events) => {
    const [row] = await tx
      .update(members)
      .set({ ...rest, ...mute })
      .where(and(eq(members.conversationId, conversationId), eq(members.userId, actorId)))
      .returning();
    if (!row) throw fail('conversation.not_found');
    const conversation = await getConversation(ctx, tx, conversationId, actorId);
    events.add({ type: 'conversation:updated', conversationId, userId: actorId, payload: { conversation } });
    return { settings: { ...notificationSettings(row), isArchived: row.isArchived, isPinned: row.isPinned } };
  });
}
