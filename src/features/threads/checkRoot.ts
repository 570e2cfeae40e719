import { fail, type AppError } from '../../lib/errors.js';
import type { MessageRow } from '../messages/present.js';

/**
 * Whether a send may reply under `root` (read under the conversation's lock, so a delete cannot
 * slip in between): a top-level, non-system message of the same conversation that the sender may
 * read (`floor`: their history's start), not deleted for everyone. Returns the refusal, if any.
 * One code for missing, foreign, unreadable and nested roots, so a root's existence never leaks.
 */
export function checkThreadRoot(root: MessageRow | undefined, conversationId: string, floor: number): AppError | undefined {
  if (!root || root.conversationId !== conversationId || root.seq <= floor || root.threadRootId !== null || root.type === 'system') {
    return fail('thread.root_invalid', 'threadRootId is not a top-level message of this conversation');
  }
  if (root.deletedAt) return fail('thread.root_deleted', 'the thread root was deleted for everyone');
  return undefined;
}
