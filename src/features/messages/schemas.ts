import type { ErrorCode } from '../../lib/errors.js';
import {
  emoji,
  forwardResultSchema,
  mentionsInput,
  messageSchema,
  pinSchema,
  plainText,
  reactionSchema,
  starSchema,
  uuid,
  MAX_FORWARD_TARGETS,
} from '@parley/protocol';
import { z } from 'zod';
import { pageFields } from '../conversations/schemas.js';

/** A page of history, in ascending seq. */
export const messagePage = z.object({
  messages: z.array(messageSchema),
  nextCursor: z.string().nullable().meta({
    description: 'The seq to pass as `before` (or as `after` when catching up) for the next page; null when there is none.',
    example: '120',
  }),
  hasMore: z.boolean(),
});

/** Search results, newest first. */
export const searchPage = messagePage.extend({
  nextCursor: z.string().nullable().meta({
    description: 'The message id to pass as `cursor` for the next page; null when there is none.',
    example: '0197c1e2-5b7a-7d3c-9f1e-2a4b6c8d0e1f',
  }),
});

/** PATCH /messages/:id: the new text (MESSAGE_MAX_LENGTH). */
export const editBody = (maxLength: number) =>
  z.object({
    text: plainText(maxLength).pipe(z.string().min(1, 'must not be empty')),
    mentions: mentionsInput.optional().meta({ description: 'The mentions after the edit (replacing them); unchanged if omitted.' }),
  });
export const reactionBody = z.object({ emoji: emoji.meta({ example: '👍' }) });
export const deleteQuery = z.object({
  for: z.enum(['self', 'everyone']).default('self').meta({ description: 'Hide it for yourself, or wipe it for everyone.' }),
});

export const messageResponse = z.object({ message: messageSchema });
export const reactionList = z.object({ reactions: z.array(reactionSchema) });

const receipt = z.array(
  z.object({
    userId: z.uuid(),
    at: z.string().meta({ description: 'When their watermark passed the message (at or before).', example: '2026-12-01T12:00:00.000Z' }),
  }),
);
export const receipts = z.object({ delivered: receipt, read: receipt });

export const success = z.object({ success: z.literal(true) });

export const pinResponse = z.object({ pin: pinSchema });
export const pinList = z.object({
  pins: z.array(pinSchema).meta({ description: 'The latest pinned first; at most 50 (a conversation keeps no more).' }),
});
export const starPage = z.object({ stars: z.array(starSchema).meta({ description: 'The latest starred first.' }), ...pageFields });

export const forwardBody = z
  .object({
    conversationIds: z
      .array(uuid)
      .min(1)
      .max(MAX_FORWARD_TARGETS)
      .meta({ description: `The conversations to forward it to (at most ${MAX_FORWARD_TARGETS}; repeats count once).` }),
  })
  .strict();
export const forwardResults = z.object({
  results: z
    .array(forwardResultSchema)
    .meta({ description: 'One per target, in the order given: the forwarded message, or the error of that target alone.' }),
});

/** What a send can be refused with, whoever sends (a user over REST, the server API as a user): documented once. */
export const sendRefusals = [
  'conversation.not_found',
  'user.blocked',
  'message.reply_invalid',
  'message.media_invalid',
  'message.mention_invalid',
  'message.mention_all_forbidden',
  'message.post_forbidden',
  'thread.root_invalid',
  'thread.root_deleted',
  'poll.closes_at_invalid',
] as const satisfies readonly ErrorCode[];
