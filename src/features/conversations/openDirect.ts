import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { conversations, memberPeriods, members } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isBlockedEitherWay } from '../users/blocks.js';
import { findActiveUser } from '../users/queries.js';
import { getConversation, type ConversationDto } from './queries.js';

/**
 * Finds or creates the one direct conversation of a pair. The pair's key is unique, so
 * concurrent calls for the same pair still produce a single conversation.
 */
export async function openDirect(
  ctx: AppContext,
  actorId: string,
  otherId: string,
): Promise<{ conversation: ConversationDto; created: boolean }> {
  if (otherId === actorId) throw fail('conversation.self', 'a direct conversation needs another user');
  const directKey = [actorId, otherId].sort().join(':');
  return ctx.run(async (tx, events) => {
    await findActiveUser(tx, otherId);
    if (await isBlockedEitherWay(tx, actorId, otherId)) throw fail('user.blocked', 'a block stands between you and this user');
    const id = newId();
    const inserted = await tx
      .insert(conversations)
      .values({ id, type: 'direct', directKey, createdBy: actorId })
      .onConflictDoNothing({ target: conversations.directKey })
      .returning({ id: conversations.id });
    if (inserted.length === 0) {
      const [existing] = await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.directKey, directKey));
      return { conversation: await getConversation(ctx, tx, existing!.id, actorId), created: false };
    }
    await tx.insert(members).values([
      { conversationId: id, userId: actorId, role: 'member' },
      { conversationId: id, userId: otherId, role: 'member' },
    ]);
    for (const userId of [actorId, otherId]) {
      events.add({
        type: 'conversation:created',
        conversationId: id,
        userId,
        payload: { conversation: await getConversation(ctx, tx, id, userId) },
      });
    }
    const [first] = await events.flush();
    await tx.insert(memberPeriods).values([actorId, otherId].map((userId) => ({ conversationId: id, userId, fromEvent: first!.id })));
    const conversation = (first!.payload as { conversation: ConversationDto }).conversation;
    return { conversation, created: true };
  });
}
