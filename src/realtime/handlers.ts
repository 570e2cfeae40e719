import type { AckData, ClientEventName, ParsedPayload } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { answerCall } from '../features/calls/answerCall.js';
import { hangupCall } from '../features/calls/hangupCall.js';
import { iceTarget } from '../features/calls/iceTarget.js';
import { inviteCall } from '../features/calls/inviteCall.js';
import { readUserStream } from '../events/read.js';
import { wirePayload } from '../events/types.js';
import { requireMembership } from '../features/conversations/queries.js';
import { deleteMessage } from '../features/messages/deleteMessage.js';
import { editMessage } from '../features/messages/editMessage.js';
import { forwardMessage } from '../features/messages/forward.js';
import { pinMessage, unpinMessage } from '../features/messages/pins.js';
import { setReaction } from '../features/messages/reactions.js';
import { starMessage, unstarMessage } from '../features/messages/stars.js';
import { advanceWatermark } from '../features/messages/receipts.js';
import { sendMessage } from '../features/messages/sendMessage.js';
import { closePoll } from '../features/polls/close.js';
import { votePoll } from '../features/polls/vote.js';
import { blockRelations } from '../features/users/blocks.js';
import { mayPost } from '../features/groups/postPermission.js';
import { fail } from '../lib/errors.js';
import { remember } from './calls.js';
import { queryPresence } from './presence/query.js';
import { conversationRoom, userRoom } from './rooms.js';
import type { ParleySocket } from './types.js';

/** How long sync:request waits for writers in flight when it started to finish (they usually take a few ms). */
const SYNC_HORIZON_WAIT_MS = 250;

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
  'poll:vote': (ctx, socket, input) => votePoll(ctx, socket.data.userId, input.messageId, input.optionIds, origin(socket)),
  'poll:close': (ctx, socket, { messageId }) => closePoll(ctx, socket.data.userId, messageId, origin(socket)),
  'message:pin': async (ctx, socket, { messageId }) => ({ pin: await pinMessage(ctx, socket.data.userId, messageId, origin(socket)) }),
  'message:unpin': (ctx, socket, { messageId }) => unpinMessage(ctx, socket.data.userId, messageId, origin(socket)),
  'message:star': (ctx, socket, { messageId }) => starMessage(ctx, socket.data.userId, messageId, origin(socket)),
  'message:unstar': (ctx, socket, { messageId }) => unstarMessage(ctx, socket.data.userId, messageId, origin(socket)),
  'message:forward': async (ctx, socket, { messageId, conversationIds }) => ({
    results: await forwardMessage(ctx, socket.data.userId, messageId, conversationIds, origin(socket)),
  }),
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
    // Everything committed before the request (anyone's acked writes) is in the page, unless a
    // writer frozen in its transaction holds the horizon back past SYNC_HORIZON_WAIT_MS.
    const horizon = await ctx.horizon.settle(1, undefined, SYNC_HORIZON_WAIT_MS);
    const page = await readUserStream(ctx.db, socket.data.userId, cursor, limit, horizon);
    return {
      events: page.events.map((e) => ({ eventId: e.id, type: e.type, payload: wirePayload(e) })),
      cursor: page.cursor,
      hasMore: page.hasMore,
    };
  },
  'call:invite': async (ctx, socket, input) => {
    const call = await inviteCall(ctx, party(socket), input);
    remember(socket, call.id);
    return { call };
  },
  'call:answer': async (ctx, socket, { callId, sdp }) => {
    const call = await answerCall(ctx, party(socket), callId, sdp);
    remember(socket, call.id);
    return { call };
  },
  // Ephemeral, like typing: to the one socket on the other side (on any node, through the adapter).
  'call:ice': async (ctx, socket, { callId, candidate }) => {
    const target = await iceTarget(ctx.db, callId, socket.data.userId, socket.id);
    socket.to(target).emit('call:ice', { callId, candidate });
    return {};
  },
  'call:hangup': async (ctx, socket, { callId }) => ({ call: await hangupCall(ctx, party(socket), callId) }),
  'presence:query': async (ctx, socket, { userIds }) => ({ presence: await queryPresence(ctx, socket.data.userId, userIds) }),
};

const party = (socket: ParleySocket) => ({ userId: socket.data.userId, socketId: socket.id, origin: origin(socket) });

/**
 * Ephemeral: relayed to the conversation's other members, never stored. Membership is the socket's room.
 * Nobody in a block relation with the typist hears it; the typist is not told (the ack is ok either way).
 * In a broadcast group only those who may post (owners, admins) are relayed.
 */
async function relayTyping(ctx: AppContext, socket: ParleySocket, conversationId: string, isTyping: boolean) {
  const room = conversationRoom(conversationId);
  if (!socket.rooms.has(room)) throw fail('conversation.not_found');
  const { userId } = socket.data;
  const [allowed, blocked] = await Promise.all([mayPost(ctx.db, conversationId, userId), blockRelations(ctx.db, userId)]);
  if (!allowed) return {};
  const unheard = [userId, ...blocked].map(userRoom);
  socket.to(room).except(unheard).emit('typing', { conversationId, userId, isTyping });
  return {};
}
