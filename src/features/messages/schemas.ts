import { emoji, mentionsInput, messageSchema, plainText, reactionSchema } from '@parley/protocol';
import { z } from 'zod';

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
