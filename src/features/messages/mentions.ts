import type { Member, Mentions } from '@parley/protocol';
import { fail, type AppError } from '../../lib/errors.js';

/** Who a message mentions as it is stored (`messages.mention_user_ids`, `messages.mentions_all`) and shown. */
export type StoredMentions = Mentions;

/** Mentions as a client sends them (validated: ids lowercased, at most 100). */
export interface MentionsRequest {
  userIds: string[];
  all?: boolean;
}

/** What a message's mentions are checked against: its conversation and the sender's place in it. */
export interface MentionScope {
  conversationType: 'direct' | 'group';
  /** The group's `mentionAll` setting (ignored for direct chats). */
  mentionAll: 'admins' | 'members';
  senderRole: Member['role'];
  /** Whether this user is a member of the conversation now. */
  isMember: (userId: string) => boolean;
}

export const noMentions = (): StoredMentions => ({ userIds: [], all: false });

/**
 * The mentions to store, or why they are refused: only members may be mentioned (a repeated id
 * counts once); `all` never in a direct chat, and in a group only by owners and admins unless
 * the group lets every member (`mentionAll: 'members'`). Pure.
 */
export function checkMentions(requested: MentionsRequest | undefined, scope: MentionScope): StoredMentions | AppError {
  if (!requested) return noMentions();
  const userIds = [...new Set(requested.userIds)];
  const outsider = userIds.find((id) => !scope.isMember(id));
  if (outsider) return fail('message.mention_invalid', `${outsider} is not a member of this conversation`);
  const all = requested.all ?? false;
  if (all && scope.conversationType === 'direct') return fail('message.mention_invalid', 'mentions.all is for groups');
  if (all && scope.mentionAll === 'admins' && scope.senderRole === 'member') {
    return fail('message.mention_all_forbidden', "only the group's owner and admins may mention everyone");
  }
  return { userIds, all };
}

/** Who `after` mentions that `before` did not: what an edit newly mentions (and alone notifies). Pure. */
export function mentionsAdded(before: StoredMentions, after: StoredMentions): StoredMentions {
  const had = new Set(before.userIds);
  return { userIds: after.userIds.filter((id) => !had.has(id)), all: after.all && !before.all };
}
