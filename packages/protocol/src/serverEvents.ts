import { z } from 'zod';
import { iceCandidate, sdp } from './clientEvents.js';
import {
  callSchema,
  conversationSchema,
  groupSummarySchema,
  invitationSchema,
  mentionsSchema,
  messageSchema,
  privacySettingsSchema,
  pollSchema,
  reactionSchema,
  roleSchema,
  userSchema,
} from './objects.js';

const eventId = z.number().int().meta({ description: "Position in the recipient's event stream: give the last one seen to sync:request." });

interface ServerEvent {
  payload: z.ZodType;
  /** Stored in the event log: carries an eventId and is replayed by sync:request. */
  stored: boolean;
  summary: string;
}
const stored = <P extends z.ZodRawShape>(shape: P, summary: string) =>
  ({ payload: z.object({ ...shape, eventId }), stored: true as const, summary }) satisfies ServerEvent;
const ephemeral = <P extends z.ZodRawShape>(shape: P, summary: string) =>
  ({ payload: z.object(shape), stored: false as const, summary }) satisfies ServerEvent;

/** Every server → client event. Stored ones are in the user's ordered stream; ephemeral ones are never stored nor replayed. */
export const serverEventSchemas = {
  'message:new': stored({ message: messageSchema }, 'A message was sent in one of your conversations (not to the socket that sent it).'),
  'message:updated': stored(
    {
      message: messageSchema,
      mentionsAdded: mentionsSchema
        .optional()
        .meta({ description: 'Edits: who this edit newly mentioned (not mentioned before it); they alone are notified of it.' }),
    },
    'A message was edited, or its link preview arrived (`message.linkPreview`).',
  ),
  'message:deleted': stored(
    {
      conversationId: z.uuid(),
      messageId: z.uuid(),
      for: z.enum(['self', 'everyone']),
      expired: z
        .literal(true)
        .optional()
        .meta({ description: 'A disappearing message expired: it is gone for everyone (no tombstone); drop it.' }),
    },
    "A message was deleted for everyone, or for you on another of your devices ('self'), or it expired (`expired`).",
  ),
  'message:status': stored(
    { conversationId: z.uuid(), userId: z.uuid(), status: z.enum(['delivered', 'read']), upToSeq: z.number().int(), at: z.string() },
    "A member's delivered or read watermark moved.",
  ),
  'reaction:updated': stored(
    { conversationId: z.uuid(), messageId: z.uuid(), reactions: z.array(reactionSchema) },
    "A message's reactions changed.",
  ),
  'poll:updated': stored(
    { conversationId: z.uuid(), messageId: z.uuid(), poll: pollSchema },
    "A poll's votes changed, or it was closed (counts per option; voters unless anonymous).",
  ),
  'message:pinned': stored(
    { conversationId: z.uuid(), messageId: z.uuid(), pinnedBy: z.uuid(), pinnedAt: z.string() },
    'A message of the conversation was pinned (GET /conversations/:id/pins lists them).',
  ),
  'message:unpinned': stored({ conversationId: z.uuid(), messageId: z.uuid(), unpinnedBy: z.uuid() }, 'A pinned message was unpinned.'),
  'message:starred': stored(
    { conversationId: z.uuid(), messageId: z.uuid(), starredAt: z.string() },
    'You starred a message (on another of your devices); never seen by anyone else.',
  ),
  'thread:read': stored(
    { conversationId: z.uuid(), rootId: z.uuid(), lastReadSeq: z.number().int() },
    'You read a thread further (POST /messages/:id/thread/read, on another of your devices); never seen by anyone else.',
  ),
  'message:unstarred': stored({ conversationId: z.uuid(), messageId: z.uuid() }, 'You took a star back (on another of your devices).'),
  'conversation:created': stored(
    { conversation: conversationSchema },
    'You are in a new conversation (a direct chat opened, a group you were added to).',
  ),
  'conversation:updated': stored(
    { conversation: z.union([conversationSchema, groupSummarySchema]) },
    "Your settings for a conversation changed (Conversation), or a group's details did (GroupSummary).",
  ),
  'group:member-joined': stored(
    { conversationId: z.uuid(), user: userSchema, role: roleSchema },
    'Someone joined or was added to a group.',
  ),
  'group:member-left': stored({ conversationId: z.uuid(), userId: z.uuid() }, 'Someone left or was removed from a group.'),
  'group:member-updated': stored({ conversationId: z.uuid(), userId: z.uuid(), role: roleSchema }, "A member's role changed."),
  'invitation:new': stored({ invitation: invitationSchema }, 'You were invited to a group.'),
  'keys:identity-changed': stored(
    { userId: z.uuid(), identityKey: z.string() },
    'Someone you share a conversation with published a new identity key (verify their safety number again).',
  ),
  'call:incoming': stored(
    { call: callSchema, sdp },
    "Someone calls you: every device rings (replayed by sync: ring only while status is 'ringing' and ringUntil is ahead).",
  ),
  'call:answered': stored({ call: callSchema, sdp }, 'The callee answered your call: the answer SDP (for the device that called).'),
  'call:ended': stored(
    {
      call: callSchema,
      reason: z.enum(['hangup', 'declined', 'cancelled', 'missed', 'disconnected', 'answered_elsewhere']).meta({
        description: "The call's endReason; `answered_elsewhere`: another of your devices answered it (stop ringing, the call goes on).",
      }),
    },
    'A call ended, or stopped ringing on this device because another of your devices answered it.',
  ),
  'call:ice': ephemeral({ callId: z.uuid(), candidate: iceCandidate }, 'An ICE candidate from the other device of an answered call.'),
  'privacy:updated': stored({ privacy: privacySettingsSchema }, 'Your privacy settings changed (on any of your devices).'),
  typing: ephemeral({ conversationId: z.uuid(), userId: z.uuid(), isTyping: z.boolean() }, 'A member started or stopped typing.'),
  'user:online': ephemeral({ userId: z.uuid() }, 'Someone you share a conversation with came online.'),
  'user:offline': ephemeral(
    {
      userId: z.uuid(),
      lastActive: z.string().nullable().meta({ description: 'null when their privacy settings hide their last-seen time.' }),
    },
    'Someone you share a conversation with went offline.',
  ),
};

export type ServerEventSchemas = typeof serverEventSchemas;
export type ServerEventName = keyof ServerEventSchemas;
export type ServerPayload<E extends ServerEventName> = z.output<ServerEventSchemas[E]['payload']>;
export type StoredEventType = { [E in ServerEventName]: ServerEventSchemas[E]['stored'] extends true ? E : never }[ServerEventName];
/** What a command records for a stored event: its payload without the eventId (assigned at append). */
export type StoredPayload<E extends StoredEventType> = Omit<ServerPayload<E>, 'eventId'>;
export const storedEventTypes = (Object.keys(serverEventSchemas) as ServerEventName[]).filter(
  (e) => serverEventSchemas[e].stored,
) as StoredEventType[];
