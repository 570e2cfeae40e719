import { z } from 'zod';
import { callMediaSchema, callSchema, forwardResultSchema, messageSchema, pinSchema, pollSchema, reactionSchema } from './objects.js';
import { clientMessageId, emoji, plainText, seq, uuid } from './text.js';

/** Most conversations one message is forwarded to in one request (socket and REST). */
export const MAX_FORWARD_TARGETS = 10;

/** Server limits the payload schemas depend on (the server's configuration; these defaults are the server's). */
export interface Limits {
  /** MESSAGE_MAX_LENGTH */
  messageMaxLength: number;
}
export const defaultLimits: Limits = { messageMaxLength: 10_000 };

const conversationOnly = z.object({ conversationId: uuid });
const empty = z.object({});

/** Who a new or edited message mentions: members only; `all` (everyone) as the group's `mentionAll` allows, never in a direct chat. */
export const mentionsInput = z
  .object({
    userIds: z.array(uuid).max(100).meta({ description: 'Members to mention (at most 100).' }),
    all: z.boolean().default(false).meta({ description: 'Mention everyone in the group.' }),
  })
  .strict();

/** Most options a poll has (and fewest: 2). */
export const MAX_POLL_OPTIONS = 12;

/** A new poll (a message of type 'poll'); its question becomes the message's text. */
export const pollInput = z
  .object({
    question: plainText(300).pipe(z.string().min(1, 'must not be empty')),
    options: z
      .array(plainText(100).pipe(z.string().min(1, 'must not be empty')))
      .min(2)
      .max(MAX_POLL_OPTIONS)
      .meta({ description: `The options, 2 to ${MAX_POLL_OPTIONS}, each up to 100 characters.` }),
    multipleChoice: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    closesAt: z.iso.datetime({ offset: true }).optional().meta({ description: 'When it closes by itself (in the future).' }),
  })
  .strict();

/** A vote: the option ids chosen (replacing the voter's vote before); empty takes it back. */
export const voteInput = z.object({
  optionIds: z.array(z.string().max(16)).max(MAX_POLL_OPTIONS).meta({ description: 'Exactly one in a single-choice poll; [] retracts.' }),
});
/** What a vote or a close answers with: the poll now, and the caller's own choice (even in an anonymous poll). */
export const pollResult = z.object({ poll: pollSchema, myVote: z.array(z.string()) });

/** Fields of a new message, shared by REST and the socket; `text` is capped at MESSAGE_MAX_LENGTH. */
export const newMessageFields = (limits: Limits) =>
  z.object({
    text: plainText(limits.messageMaxLength).optional(),
    mediaIds: z.array(uuid).max(10).optional(),
    replyToId: uuid.optional(),
    clientMessageId: clientMessageId.optional(),
    encrypted: z.boolean().optional(),
    mentions: mentionsInput.optional(),
    threadRootId: uuid
      .optional()
      .meta({ description: 'Reply in the thread of this top-level message of the same conversation (not itself a reply in a thread).' }),
    poll: pollInput.optional().meta({ description: 'Makes it a poll: no text, media or encryption with it.' }),
  });

/** A message needs text or media (or is a poll, and then has neither): on a schema built from `newMessageFields` (refined last: a refined object cannot be extended). */
export const withTextOrMedia = <S extends z.ZodType<{ text?: string; mediaIds?: string[]; poll?: unknown; encrypted?: boolean }>>(
  schema: S,
) =>
  schema
    .refine((m) => !!m.text || !!m.mediaIds?.length || !!m.poll, { path: ['text'], message: 'required when there is no media' })
    .refine((m) => !m.poll || (!m.text && !m.mediaIds?.length), { path: ['poll'], message: 'a poll carries no text or media' })
    .refine((m) => !m.poll || !m.encrypted, { path: ['encrypted'], message: 'a poll cannot be encrypted (the server counts its votes)' });

export const presenceEntry = z.object({ userId: uuid, isOnline: z.boolean(), lastActive: z.string().nullable() });

/** A WebRTC session description (offer or answer), carried as it is. */
export const sdp = z
  .string()
  .min(1)
  .max(16_384)
  .meta({ description: 'An SDP offer or answer (RTCSessionDescription.sdp), at most 16 KiB.' });
/** RTCIceCandidateInit, carried as it is. */
export const iceCandidate = z
  .object({
    candidate: z.string().max(1024),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .strict();
const callOnly = z.object({ callId: uuid });

export const syncedEvent = z.object({
  eventId: z.number().int(),
  type: z.string().meta({ description: 'A stored server event name (serverEvents with stored: true).' }),
  payload: z.record(z.string(), z.unknown()).meta({ description: "Exactly what that event's live emit carried." }),
});

interface ClientEvent {
  payload: z.ZodType;
  /** What the ack carries besides `ok: true`. */
  ack: z.ZodType;
  summary: string;
}
const event = <P extends z.ZodType, A extends z.ZodType>(e: { payload: P; ack: A; summary: string }) => e satisfies ClientEvent;

/** Call signalling in a direct chat (docs/api.md, Calls): live only; the media flows between the devices. */
const callEvents = {
  'call:invite': event({
    payload: z.object({ userId: uuid, sdp, media: callMediaSchema.default('audio') }),
    ack: z.object({ call: callSchema }),
    summary:
      'Call someone you share a direct chat with (not across a block): every device of theirs rings until one answers or ' +
      'CALL_RING_TIMEOUT_SECONDS pass. call.busy when either of you is in a call already.',
  }),
  'call:answer': event({
    payload: callOnly.extend({ sdp }),
    ack: z.object({ call: callSchema }),
    summary: "Answer a call ringing on this device (the callee's first answer wins; the caller hears call:answered).",
  }),
  'call:ice': event({
    payload: callOnly.extend({ candidate: iceCandidate }),
    ack: empty,
    summary: 'An ICE candidate for the other device of an answered call (call.not_active before the answer: send them after it).',
  }),
  'call:hangup': event({
    payload: callOnly,
    ack: z.object({ call: callSchema }),
    summary: 'End a call: the caller cancels a ringing one, the callee declines it, either ends an answered one.',
  }),
};

/** Every client → server event: its payload and ack. Each takes an ack callback; REST routes call the same commands. */
export const clientEventSchemas = (limits: Limits = defaultLimits) => ({
  'message:send': event({
    // Required here, optional over REST (the contract): an ack can be lost with the connection, so every socket send must be retryable.
    payload: withTextOrMedia(newMessageFields(limits).extend({ conversationId: uuid, clientMessageId })),
    ack: z.object({ message: messageSchema }),
    summary: 'Send a message. Acked once committed; a retry with the same clientMessageId returns the stored message.',
  }),
  'message:edit': event({
    payload: z.object({
      messageId: uuid,
      text: plainText(limits.messageMaxLength).pipe(z.string().min(1)),
      mentions: mentionsInput.optional().meta({ description: 'The mentions after the edit (replacing them); unchanged if omitted.' }),
    }),
    ack: z.object({ message: messageSchema }),
    summary: 'Edit your own message (within EDIT_WINDOW_SECONDS).',
  }),
  'message:delete': event({
    payload: z.object({ messageId: uuid, for: z.enum(['self', 'everyone']) }),
    ack: empty,
    summary: 'Delete a message for yourself, or for everyone (the sender within DELETE_WINDOW_SECONDS, or a group admin).',
  }),
  'reaction:set': event({
    payload: z.object({ messageId: uuid, emoji }),
    ack: z.object({ reactions: z.array(reactionSchema) }),
    summary: 'Set your one reaction to a message (replaces the one before).',
  }),
  'reaction:remove': event({
    payload: z.object({ messageId: uuid }),
    ack: z.object({ reactions: z.array(reactionSchema) }),
    summary: 'Take your reaction back.',
  }),
  'poll:vote': event({
    payload: voteInput.extend({ messageId: uuid }),
    ack: pollResult,
    summary: 'Vote in a poll (replacing your vote; [] retracts). poll.closed once it is closed; members of broadcast groups vote too.',
  }),
  'poll:close': event({
    payload: z.object({ messageId: uuid }),
    ack: pollResult,
    summary: 'Close a poll (its author or a group admin): no more votes.',
  }),
  'message:pin': event({
    payload: z.object({ messageId: uuid }),
    ack: z.object({ pin: pinSchema }),
    summary: "Pin a message in its conversation (who may: the group's pinPermission; both in a direct chat).",
  }),
  'message:unpin': event({ payload: z.object({ messageId: uuid }), ack: empty, summary: 'Unpin a message.' }),
  'message:star': event({ payload: z.object({ messageId: uuid }), ack: empty, summary: 'Star a message, for you alone.' }),
  'message:unstar': event({ payload: z.object({ messageId: uuid }), ack: empty, summary: 'Take your star back.' }),
  'message:forward': event({
    payload: z.object({ messageId: uuid, conversationIds: z.array(uuid).min(1).max(MAX_FORWARD_TARGETS) }),
    ack: z.object({ results: z.array(forwardResultSchema) }),
    summary: 'Forward a message to up to 10 conversations: one result per target (its message, or its error alone).',
  }),
  'message:delivered': event({
    payload: conversationOnly.extend({ upToSeq: seq }),
    ack: empty,
    summary: 'Everything up to upToSeq reached this device (moves the delivered watermark forward only).',
  }),
  'message:read': event({
    payload: conversationOnly.extend({ upToSeq: seq.optional() }),
    ack: z.object({ lastReadSeq: z.number().int(), unreadCount: z.number().int(), unreadMentionCount: z.number().int() }),
    summary: 'Read up to upToSeq (default: the latest message).',
  }),
  'typing:start': event({ payload: conversationOnly, ack: empty, summary: 'Tell the other members you are typing (never stored).' }),
  'typing:stop': event({ payload: conversationOnly, ack: empty, summary: 'Tell the other members you stopped typing.' }),
  'conversation:join': event({
    payload: conversationOnly,
    ack: empty,
    summary: "Join a conversation's room (rarely needed: the server keeps rooms in step with membership).",
  }),
  'conversation:leave': event({ payload: conversationOnly, ack: empty, summary: "Stop hearing a conversation's live events." }),
  'sync:request': event({
    payload: z
      .object({ cursor: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).default(500) })
      .default({ limit: 500 }),
    ack: z.object({ events: z.array(syncedEvent), cursor: z.number().int(), hasMore: z.boolean() }),
    summary: 'The events of your stream after cursor (the last eventId you saw), in order.',
  }),
  ...callEvents,
  'presence:query': event({
    payload: z.object({ userIds: z.array(uuid).min(1).max(200) }),
    ack: z.object({ presence: z.array(presenceEntry) }),
    summary: 'Who of these is online (only people who share a conversation with you show it).',
  }),
});

export type ClientEventSchemas = ReturnType<typeof clientEventSchemas>;
export type ClientEventName = keyof ClientEventSchemas;
/** What a client sends. */
export type ClientPayload<E extends ClientEventName> = z.input<ClientEventSchemas[E]['payload']>;
/** What the server's handler receives, validated. */
export type ParsedPayload<E extends ClientEventName> = z.output<ClientEventSchemas[E]['payload']>;
/** What a successful ack carries besides `ok: true`. */
export type AckData<E extends ClientEventName> = z.output<ClientEventSchemas[E]['ack']>;
export const clientEventNames = Object.keys(clientEventSchemas()) as ClientEventName[];
