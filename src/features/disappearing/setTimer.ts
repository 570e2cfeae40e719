import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { conversations, members } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { getConversation, requireMembership, type ConversationDto, type ConversationRow } from '../conversations/queries.js';
import { memberCounts, toGroupSummary } from '../groups/summary.js';
import { isAdmin, recordSystemMessage } from '../groups/membership.js';

/** The shortest and longest timer: a minute, and 90 days. */
export const MIN_DISAPPEAR_SECONDS = 60;
export const MAX_DISAPPEAR_SECONDS = 7_776_000;

export const disappearingBody = z
  .object({
    seconds: z.number().int().min(MIN_DISAPPEAR_SECONDS).max(MAX_DISAPPEAR_SECONDS).nullable().meta({
      description:
        'Seconds after which messages sent from now on disappear (60..7776000, e.g. 300, 3600, 86400, 604800, 7776000); null: off.',
      example: 86_400,
    }),
  })
  .strict();

/** Props of `setDisappearingTimer`. */
export interface SetTimerProps {
  conversationId: string;
  /** The new timer in seconds (checked by `disappearingBody`); null turns disappearing messages off. */
  seconds: number | null;
}

/**
 * Sets a conversation's disappearing-messages timer: either person in a direct chat, an owner or
 * admin in a group (others: `group.not_admin`). A change is recorded as a `disappearing_changed`
 * system message and every member hears `conversation:updated` with their own view of it.
 * Messages already sent keep the expiry they were sent with.
 */
export function setDisappearingTimer(ctx: AppContext, actorId: string, props: SetTimerProps): Promise<{ conversation: ConversationDto }> {
  const { conversationId, seconds } = props;
  return ctx.run(async (tx, events) => {
    // Locked as sends lock it: a message sent meanwhile commits before with the old timer, or after with the new.
    const [locked] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update');
    if (!locked) throw fail('conversation.not_found');
    const { member } = await requireMembership(tx, conversationId, actorId);
    if (locked.type === 'group' && !isAdmin(member.role)) throw fail('group.not_admin', 'only the owner and admins can do that');
    if (locked.disappearAfterSeconds !== seconds) {
      const [updated] = await tx
        .update(conversations)
        .set({ disappearAfterSeconds: seconds })
        .where(eq(conversations.id, conversationId))
        .returning();
      await recordSystemMessage(tx, events, conversationId, { action: 'disappearing_changed', actorId, seconds });
      await announce(ctx, tx, events, updated!);
    }
    return { conversation: await getConversation(ctx, tx, conversationId, actorId) };
  });
}

/** A group's members hear its summary (as any group change); a direct chat's two each hear their own view of it. */
async function announce(ctx: AppContext, tx: Tx, events: EventBatch, c: ConversationRow): Promise<void> {
  if (c.type === 'group') {
    const count = (await memberCounts(tx, [c.id])).get(c.id) ?? 0;
    events.add({ type: 'conversation:updated', conversationId: c.id, payload: { conversation: toGroupSummary(c, count) } });
    return;
  }
  const userIds = (await tx.select({ userId: members.userId }).from(members).where(eq(members.conversationId, c.id))).map((m) => m.userId);
  for (const userId of userIds) {
    const conversation = await getConversation(ctx, tx, c.id, userId);
    events.add({ type: 'conversation:updated', conversationId: c.id, userId, payload: { conversation } });
  }
}
