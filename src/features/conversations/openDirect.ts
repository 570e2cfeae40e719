import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { conversations, memberPeriods, members } from '../../db/schema.js';
import { runCommand } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isBlockedEitherWay } from '../users/blocks.js';
import { findUser } from '../users/queries.js';
import { getConversation, type ConversationDto } from './queries.js';

/**
 * Finds or creates the one direct conversation of a pair. The pair's key is unique, so
 * concurrent calls for the same pair still produce a single conversation.
 */
export async function openDirect(
  ctx: AppContext,
  me: string,
  otherId: string,
): Promise<{ conversation: ConversationDto; created: boolean }> {
  if (otherId === me) throw fail('conversation.self', 'a direct conversation needs another user');
  const directKey = [me, otherId].sort().join(':');
  return runCommand(ctx.db, ctx.emitter, async (tx, events) => {
    await findUser(tx, otherId);
    if (await isBlockedEitherWay(tx, me, otherId)) throw fail('user.blocked', 'a block stands between you and this user');
    const id = newId();
    const inserted = await tx
      .insert(conversations)
      .values({ id, type: 'direct', directKey, createdBy: me })
      .onConflictDoNothing({ target: conversations.directKey })
      .returning({ id: conversations.id });
    if (inserted.length === 0) {
      const [existing] = await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.directKey, directKey));
      return { conversation: await getConversation(ctx, tx, existing!.id, me), created: false };
    }
    await tx.insert(members).values([
      { conversationId: id, userId: me, role: 'member' },
      { conversationId: id, userId: otherId, role: 'member' },
    ]);
    for (const userId of [me, otherId]) {
      events.add({
        type: 'conversation:created',
        conversationId: id,
        userId,
        payload: { conversation: await getConversation(ctx, tx, id, userId) },
      });
    }
    const [first] = await events.flush();
    await tx.insert(memberPeriods).values([me, otherId].map((userId) => ({ conversationId: id, userId, fromEvent: first!.id })));
    const conversation = (first!.payload as { conversation: ConversationDto }).conversation;
    return { conversation, created: true };
  });
}
