import { inArray } from 'drizzle-orm';
import type { DefaultEventsMap, Socket } from 'socket.io';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { users } from '../db/schema.js';
import { readUserStream } from '../events/read.js';
import { wirePayload } from '../events/types.js';
import { requireMembership } from '../features/conversations/queries.js';
import { advanceWatermark } from '../features/messages/receipts.js';
import { clientMessageId, newMessageFields, upToSeq, withTextOrMedia } from '../features/messages/schemas.js';
import { sendMessage } from '../features/messages/sendMessage.js';
import { deleteMessage } from '../features/messages/deleteMessage.js';
import { editMessage } from '../features/messages/editMessage.js';
import { emoji, setReaction } from '../features/messages/reactions.js';
import { blockRelations } from '../features/users/blocks.js';
import { presenceVisibleAmong } from '../features/users/visibility.js';
import { fail } from '../lib/errors.js';
import { plainText, uuid } from '../lib/validation.js';
import { conversationRoom, userRoom } from './rooms.js';

export interface SocketData {
  userId: string;
  sessionId: string;
}

export type ParleySocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

interface Handler<S extends z.ZodType> {
  schema: S;
  /** What the ack carries besides `ok: true`. */
  run(ctx: AppContext, socket: ParleySocket, input: z.output<S>): Promise<Record<string, unknown>> | Record<string, unknown>;
}

const handler = <S extends z.ZodType>(h: Handler<S>) => h;
const conversationOnly = z.object({ conversationId: uuid });

/** Every client → server event, with its payload schema. REST routes call the same commands. */
export function clientEvents(ctx: AppContext) {
  return {
    'message:send': handler({
      schema: withTextOrMedia(newMessageFields(ctx.config.MESSAGE_MAX_LENGTH).extend({ conversationId: uuid, clientMessageId })),
      run: async (ctx, socket, input) => {
        const { message } = await sendMessage(ctx, socket.data.userId, input, socket.id);
        return { message };
      },
    }),

    'message:edit': handler({
      schema: z.object({ messageId: uuid, text: plainText(ctx.config.MESSAGE_MAX_LENGTH).pipe(z.string().min(1)) }),
      run: (ctx, socket, { messageId, text }) => editMessage(ctx, socket.data.userId, messageId, text, socket.id),
    }),

    'message:delete': handler({
      schema: z.object({ messageId: uuid, for: z.enum(['self', 'everyone']) }),
      run: (ctx, socket, input) => deleteMessage(ctx, socket.data.userId, input.messageId, input.for, socket.id),
    }),

    'reaction:set': handler({
      schema: z.object({ messageId: uuid, emoji }),
      run: (ctx, socket, input) => setReaction(ctx, socket.data.userId, input.messageId, input.emoji, socket.id),
    }),

    'reaction:remove': handler({
      schema: z.object({ messageId: uuid }),
      run: (ctx, socket, input) => setReaction(ctx, socket.data.userId, input.messageId, null, socket.id),
    }),

    'message:delivered': handler({
      schema: conversationOnly.extend({ upToSeq }),
      run: async (ctx, socket, { conversationId, upToSeq }) => {
        await advanceWatermark(ctx, socket.data.userId, conversationId, 'delivered', upToSeq);
        return {};
      },
    }),

    'message:read': handler({
      schema: conversationOnly.extend({ upToSeq: upToSeq.optional() }),
      run: async (ctx, socket, { conversationId, upToSeq }) => {
        const r = await advanceWatermark(ctx, socket.data.userId, conversationId, 'read', upToSeq);
        return { lastReadSeq: r.lastReadSeq, unreadCount: r.unreadCount };
      },
    }),

    'typing:start': handler({
      schema: conversationOnly,
      run: (ctx, socket, { conversationId }) => relayTyping(ctx, socket, conversationId, true),
    }),
    'typing:stop': handler({
      schema: conversationOnly,
      run: (ctx, socket, { conversationId }) => relayTyping(ctx, socket, conversationId, false),
    }),

    'conversation:join': handler({
      schema: conversationOnly,
      run: async (ctx, socket, { conversationId }) => {
        await requireMembership(ctx.db, conversationId, socket.data.userId);
        await socket.join(conversationRoom(conversationId));
        return {};
      },
    }),

    'conversation:leave': handler({
      schema: conversationOnly,
      run: async (_ctx, socket, { conversationId }) => {
        await socket.leave(conversationRoom(conversationId));
        return {};
      },
    }),

    'sync:request': handler({
      schema: z
        .object({ cursor: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).default(500) })
        .default({ limit: 500 }),
      run: async (ctx, socket, { cursor, limit }) => {
        const page = await readUserStream(ctx.db, socket.data.userId, cursor, limit);
        return {
          events: page.events.map((e) => ({ eventId: e.id, type: e.type, payload: wirePayload(e) })),
          cursor: page.cursor,
          hasMore: page.hasMore,
        };
      },
    }),

    'presence:query': handler({
      schema: z.object({ userIds: z.array(uuid).min(1).max(200) }),
      run: async (ctx, socket, { userIds }) => {
        const found = await ctx.db.select({ id: users.id, lastActive: users.lastActive }).from(users).where(inArray(users.id, userIds));
        const ids = found.map((u) => u.id);
        // Only people who share a conversation with the asker (and no block) show their presence.
        const [online, visible] = await Promise.all([ctx.presence.onlineAmong(ids), presenceVisibleAmong(ctx.db, socket.data.userId, ids)]);
        return {
          presence: found.map((u) =>
            visible.has(u.id)
              ? { userId: u.id, isOnline: online.has(u.id), lastActive: u.lastActive?.toISOString() ?? null }
              : { userId: u.id, isOnline: false, lastActive: null },
          ),
        };
      },
    }),
  } satisfies Record<string, Handler<z.ZodType>>;
}

/**
 * Ephemeral: relayed to the conversation's other members, never stored. Membership is the socket's room.
 * Nobody in a block relation with the typist hears it; the typist is not told (the ack is ok either way).
 */
async function relayTyping(ctx: AppContext, socket: ParleySocket, conversationId: string, isTyping: boolean) {
  const room = conversationRoom(conversationId);
  if (!socket.rooms.has(room)) throw fail('conversation.not_found');
  const { userId } = socket.data;
  const unheard = [userId, ...(await blockRelations(ctx.db, userId))].map(userRoom);
  socket.to(room).except(unheard).emit('typing', { conversationId, userId, isTyping });
  return {};
}
