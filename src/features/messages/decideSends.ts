import { AppError, fail } from '../../lib/errors.js';
import { draftPoll, type PollDraft } from '../polls/create.js';
import type { NewMessage } from './appendMessage.js';
import { memberKey, repeatKey, type SendReads } from './lockAndReadForSends.js';
import { checkMentions } from './mentions.js';
import { checkThreadRoot } from '../threads/checkRoot.js';
import { replySnippet, type MessageRow } from './present.js';
import type { SendRequest } from './sendQueue.js';

/** A new message to write, once its uploads are claimed (their kind gives the message's type). */
export interface WriteDecision {
  kind: 'write';
  message: Omit<NewMessage, 'type' | 'media'>;
  /** The uploads to claim: a claim that fails refuses the send (message.media_invalid). */
  mediaIds: string[];
  /** Forwarding: the message whose media `mediaIds` are (claimed through it, not as the sender's uploads). */
  forwardOf?: string;
  /** A poll message: written with it (type 'poll'). */
  poll?: PollDraft;
}

export type SendDecision =
  | WriteDecision
  | { kind: 'refuse'; error: AppError }
  /** The clientMessageId was used before: answered with that message. */
  | { kind: 'repeat'; original: MessageRow }
  /** The clientMessageId is used by an earlier send of this batch: answered as that one is. */
  | { kind: 'repeat-in-batch'; sameAs: number };

/**
 * What each send of a batch comes to, from what was read under the locks: no I/O. In order,
 * one send to one decision; the checks run in this order, so a retry is answered with its
 * original even when a block has since come between the two users.
 */
export function decideSends(requests: readonly SendRequest[], reads: SendReads): SendDecision[] {
  const firstOfKey = new Map<string, number>();
  return requests.map((r, i): SendDecision => {
    const { conversationId, clientMessageId, replyToId, threadRootId } = r.input;
    const member = reads.members.get(memberKey(conversationId, r.actorId));
    const conversation = reads.conversations.get(conversationId);
    if (!member || !conversation) return { kind: 'refuse', error: fail('conversation.not_found') };
    if (clientMessageId) {
      const key = repeatKey(conversationId, r.actorId, clientMessageId);
      const original = reads.originals.get(key);
      if (original) return { kind: 'repeat', original };
      const sameAs = firstOfKey.get(key);
      if (sameAs !== undefined) return { kind: 'repeat-in-batch', sameAs };
      firstOfKey.set(key, i);
    }
    if (member.blocked) return { kind: 'refuse', error: fail('user.blocked', 'a block stands between you and this user') };
    if (conversation.postPermission === 'admins' && member.role === 'member') {
      return { kind: 'refuse', error: fail('message.post_forbidden', "only the group's owner and admins post here (a broadcast group)") };
    }
    const target = replyToId ? reads.replies.get(replyToId) : undefined;
    if (replyToId && (target?.conversationId !== conversationId || target.seq <= member.floor)) {
      return { kind: 'refuse', error: fail('message.reply_invalid', 'replyToId is not a message of this conversation') };
    }
    const root = threadRootId ? reads.replies.get(threadRootId) : undefined;
    if (threadRootId) {
      const refused = checkThreadRoot(root, conversationId, member.floor);
      if (refused) return { kind: 'refuse', error: refused };
    }
    const mentions = checkMentions(r.input.mentions, {
      conversationType: conversation.type,
      mentionAll: conversation.mentionAll,
      senderRole: member.role,
      isMember: (userId) => reads.mentionable.has(memberKey(conversationId, userId)),
    });
    if (mentions instanceof AppError) return { kind: 'refuse', error: mentions };
    const poll = r.input.poll ? draftPoll(r.input.poll) : undefined;
    if (poll instanceof AppError) return { kind: 'refuse', error: poll };
    return {
      kind: 'write',
      message: {
        conversationId,
        senderId: r.actorId,
        text: poll?.question ?? r.input.text ?? null,
        replyTo: target ? replySnippet(target) : null,
        clientMessageId,
        encrypted: r.input.encrypted,
        mentions,
        forwarded: r.input.forwardOf !== undefined,
        threadRootId: threadRootId ?? null,
        origin: r.origin,
        disappearAfterSeconds: conversation.disappearAfterSeconds,
      },
      mediaIds: r.input.mediaIds ?? [],
      forwardOf: r.input.forwardOf,
      poll,
    };
  });
}
