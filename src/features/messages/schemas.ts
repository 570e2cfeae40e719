import { z } from 'zod';
import { plainText, uuid } from '../../lib/validation.js';

export const clientMessageId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/, 'letters, digits and _ . : - only');

/** Fields of a new message, shared by REST and the socket; `text` is capped at MESSAGE_MAX_LENGTH. */
export const newMessageFields = (maxLength: number) =>
  z.object({
    text: plainText(maxLength).optional(),
    mediaIds: z.array(uuid).max(10).optional(),
    replyToId: uuid.optional(),
    clientMessageId: clientMessageId.optional(),
    encrypted: z.boolean().optional(),
  });

/** A message needs text or media: on a schema built from `newMessageFields` (refined last, as a refined object cannot be extended). */
export const withTextOrMedia = <S extends z.ZodType<{ text?: string; mediaIds?: string[] }>>(schema: S) =>
  schema.refine((m) => !!m.text || !!m.mediaIds?.length, { path: ['text'], message: 'required when there is no media' });

export const upToSeq = z.number().int().min(0).max(2_147_483_647);

export const mediaSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['image', 'video', 'audio', 'file']),
  mimeType: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** The uploader's file name (made safe), or null. */
  name: z.string().nullable(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
});

export const messageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  seq: z.number().int(),
  senderId: z.uuid(),
  clientMessageId: z.string().nullable(),
  type: z.enum(['text', 'image', 'video', 'audio', 'file', 'system']),
  text: z.string().nullable(),
  media: z.array(mediaSchema),
  replyTo: z.object({ id: z.uuid(), seq: z.number(), senderId: z.uuid(), text: z.string().nullable() }).nullable(),
  reactions: z.array(z.object({ emoji: z.string(), userId: z.uuid() })),
  status: z.enum(['sent', 'delivered', 'read']),
  encrypted: z.boolean(),
  /** For `type: 'system'`: what happened, so clients can render it in their own language. */
  system: z
    .object({
      action: z.enum(['group_created', 'member_added', 'member_removed', 'member_joined', 'member_left', 'group_renamed']),
      actorId: z.uuid(),
      userId: z.uuid().optional(),
      name: z.string().optional(),
    })
    .nullable(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const messagePage = z.object({
  messages: z.array(messageSchema),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
});
