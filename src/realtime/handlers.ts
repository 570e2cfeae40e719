import type { AckData, ClientEventName, ParsedPayload } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { readUserStream } from '../events/read.js';
import { wirePayload } from '../events/types.js';
import { requireMembership } from '../features/conversations/queries.js';
import { deleteMessage } from '../features/messages/deleteMessage.js';
import { editMessage } from '../features/messages/editMessage.js';
import { setReaction } from '../features/messages/reactions.js';
import { advanceWatermark } from '../features/messages/receipts.js';
import { sendMessage } from '../features/messages/sendMessage.js';
import { blockRelations } from '../features/users/blocks.js';
import { fail } from '../lib/errors.js';
import { queryPresence } from './presence/query.js';
import { conversationRoom, userRoom } from './rooms.js';
import type { ParleySocket } from './types.js';

/** Events a socket causes skip it (it has the ack), unless it asked to hear them too (HandshakeAuth.echo). */
const origin = (socket: ParleySocket) => (socket.data.echo ? undefined : socket.id);

type Handler<E extends ClientEventName> = (ctx: AppContext, socket: ParleySocket, input: ParsedPayload<E>) => Promise<AckData<E>>;

/**
 * What each client → server event does; its payload and ack are the protocol's (validated before
 * the handler runs, by server.ts). REST routes call the same commands.
 */
export const clientEventHandlers: { [E in ClientEventName]: Handler<E> } = {
  'message:send': async (ctx, socket, input) => {
    const { message } = await sendMessage(ctx, socket.data.userId, input, origin(socket));
    return { message };
  },
  'message:edit': (ctx, socket, { messageId, ...edit }) => editMessage(ctx, socket.data.userId, messageId, edit, origin(socket)),
  'message:delete': (ctx, socket, input) => deleteMessage(ctx, socket.data.userId, input.messageId, input.for, origin(socket)),
  'reaction:set': (ctx, socket, input) => setReaction(ctx, socket.data.userId, input.messageId, input.emoji, origin(socket)),
  'reaction:remove': (ctx, socket, input) => setReaction(ctx, socket.data.userId, input.messageId, null, origin(socket)),
  'message:delivered': async (ctx, socket, { conversationId, upToSeq }) => {
    await advanceWatermark(ctx, socket.data.userId, conversationId, 'delivered', upToSeq);
    return {};
  },
  'message:read': async (ctx, socket, { conversationId, upToSeq }) => {
    const watermark = await advanceWatermark(ctx, socket.data.userId, conversationId, 'read', upToSeq);
    return { lastReadSeq: watermark.lastReadSeq, unreadCount: watermark.unreadCount, unreadMentionCount: watermark.unreadMentionCount };
  },
  'typing:start': (ctx, socket, { conversationId }) => relayTyping(ctx, socket, conversationId, true),
  'typing:stop': (ctx, socket, { conversationId }) => relayTyping(ctx, socket, conversationId, false),
  'conversation:join': async (ctx, socket, { conversationId }) => {
    await requireMembership(ctx.db, conversationId, socket.data.userId);
    await socket.join(conversationRoom(conversationId));
    return {};
  },
  'conversation:leave': async (_ctx, socket, { conversationId }) => {
    await socket.leave(conversationRoom(conversationId));
    return {};
  },
  'sync:request': async (ctx, socket, { cursor, limit }) => {
    ctx.metrics.syncRequested();
    // A probe that starts now: what this client's own writes committed is final unless an older writer still runs.
    const horizon = await ctx.horizon.advance();
    const page = await readUserStream(ctx.db, socket.data.userId, cursor, limit, horizon);
    return {
      events: page.events.map((e) => ({ eventId: e.id, type: e.type, payload: wirePayload(e) })),
      cursor: page.cursor,
      hasMore: page.hasMore,
    };
  },
  'presence:query': async (ctx, socket, { userIds }) => ({ presence: await queryPresence(ctx, socket.data.userId, userIds) }),
};

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
