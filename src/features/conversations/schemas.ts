import { conversationSchema, seq, uuid } from '@parley/protocol';
import { z } from 'zod';
import { limitParam } from '../../lib/validation.js';

/** `?limit=&cursor=` of the lists (conversations, groups, invitations): the cursor is the `nextCursor` of the page before. */
export const pageQuery = z.object({
  limit: limitParam,
  cursor: z.string().max(500).optional().meta({ description: 'The `nextCursor` of the page before; omit for the first page.' }),
});

/** How every list page ends: where the next one starts. */
export const pageFields = {
  nextCursor: z.string().nullable().meta({
    description: 'Pass as `cursor` for the next page; null on the last page. Opaque.',
    example: 'eyJwIjpmYWxzZSwidCI6MTc2NDU5MDQwMDAwMDAwMCwiaWQiOiIwMTk3YzFlMi01YjdhLTdkM2MtOWYxZS0yYTRiNmM4ZDBlMWYifQ',
  }),
  hasMore: z.boolean(),
};

const seqParam = z.coerce.number().int().min(0).max(2_147_483_647);

export const historyQuery = z
  .object({
    limit: limitParam,
    before: seqParam
      .optional()
      .meta({ description: 'The page just before this seq (paging back); the latest page if omitted.', example: 120 }),
    after: seqParam
      .optional()
      .meta({ description: 'The page just after this seq (catching up); not with `before` or `cursor`.', example: 100 }),
    cursor: seqParam.optional().meta({ description: 'Another name for `before`.', example: 120 }),
  })
  .refine((q) => q.after === undefined || (q.before === undefined && q.cursor === undefined), {
    message: 'use either after or before/cursor',
    path: ['after'],
  });

export const conversationList = z.object({ conversations: z.array(conversationSchema), ...pageFields });

export const openDirectBody = z.object({ userId: uuid.meta({ description: 'The other person.' }) });
export const openedDirect = z.object({
  conversation: conversationSchema,
  created: z.boolean().meta({ description: 'True when this request created the chat (201), false when it already existed (200).' }),
});

/** A JSON object, `{}` at least: Fastify hands a missing body to the schema as null, which an `.optional()` never let through. */
export const readBody = z.object({
  upToSeq: seq.optional().meta({ description: "Up to this seq; the conversation's last message if omitted.", example: 42 }),
});
export const readState = z.object({
  lastReadSeq: z.number().int().meta({ example: 42 }),
  unreadCount: z.number().int().meta({ example: 0 }),
  unreadMentionCount: z.number().int().meta({ example: 0, description: 'Unread messages that mention you (by id or `all`).' }),
});
