import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { conversations, members, messages } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import type { MemberRow } from '../conversations/queries.js';
import { notHiddenFor, withinHistoryOf } from './history.js';
import type { MessageRow } from './present.js';

export interface MessageAccess {
  message: MessageRow;
  role: MemberRow['role'];
  conversationType: 'direct' | 'group';
}

/**
 * A message the user can see (member of its conversation, within the history they may read,
 * not deleted for them), locked for
 * update when `lock` is set; otherwise 404, never revealing that it exists.
 */
export async function visibleMessage(ex: Executor, messageId: string, actorId: string, lock = false): Promise<MessageAccess> {
  const query = ex
    .select({ message: messages, role: members.role, conversationType: conversations.type })
    .from(messages)
    .innerJoin(members, and(eq(members.conversationId, messages.conversationId), eq(members.userId, actorId)))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.id, messageId), notHiddenFor(actorId), withinHistoryOf(actorId)));
  const [found] = lock ? await query.for('update', { of: messages }) : await query;
  if (!found) throw fail('message.not_found');
  return found;
}
