import type { BatchFacts, Notice } from './decide.js';

/** The JSON a device decrypts (docs/push.md): a message, or a call ringing (src/features/push/callPush.ts). */
export type PushPayload = MessagePushPayload | CallPushPayload;

/** A message. `body` is absent for encrypted messages and when the recipient hides previews. */
export interface MessagePushPayload {
  type: 'message';
  conversationId: string;
  messageId: string;
  seq: number;
  eventId: number;
  senderId: string;
  title: string;
  body?: string;
  unreadCount: number;
}

/** A call ringing for a user with no socket: the app shows its incoming-call screen, connects and answers over the socket. */
export interface CallPushPayload {
  type: 'call';
  callId: string;
  conversationId: string;
  callerId: string;
  media: 'audio' | 'video';
  /** After this the call is missed: a push that arrives later does not ring. */
  ringUntil: string;
  eventId: number;
  /** The caller's name, unless the recipient hides previews ('none': "Incoming call"). */
  title: string;
}

/** Web Push carries about 4 KB: a preview, not the message. */
export const BODY_MAX = 240;

const mediaWords: Record<string, string> = { image: 'Photo', video: 'Video', audio: 'Audio', file: 'File' };

export function pushPayload(notice: Notice, facts: BatchFacts): MessagePushPayload {
  const m = notice.message;
  const conversation = facts.conversations.get(m.conversationId);
  const sender = facts.senderNames.get(m.senderId) ?? 'Someone';
  const group = conversation?.type === 'group';
  const { previews } = notice.recipient;
  const preview = m.encrypted || previews !== 'full' ? undefined : previewOf(m.type, m.text);
  return {
    type: 'message',
    conversationId: m.conversationId,
    messageId: m.messageId,
    seq: m.seq,
    eventId: m.eventId,
    senderId: m.senderId,
    title: previews === 'none' ? 'New message' : group ? (conversation?.name ?? 'Group') : sender,
    ...(preview === undefined ? {} : { body: clip(group ? `${sender}: ${preview}` : preview) }),
    unreadCount: Math.max(0, m.seq - notice.recipient.lastReadSeq),
  };
}

function previewOf(type: string, text: string | null): string | undefined {
  const word = mediaWords[type];
  if (word) return text ? `${word}: ${text}` : word;
  return text ?? undefined;
}

function clip(s: string): string {
  const chars = [...s]; // whole code points: never half an emoji
  return chars.length > BODY_MAX ? `${chars.slice(0, BODY_MAX - 1).join('')}…` : s;
}

/** RFC 8030 Topic: at most 32 base64url characters. A uuid's 32 hex digits are that, one per conversation. */
export const topicOf = (conversationId: string) => conversationId.replace(/-/g, '').slice(0, 32);

/** A direct message or a mention is what people want at once; the rest of a group can wait for the device to wake. */
export const urgencyOf = (notice: Notice, facts: BatchFacts): 'high' | 'normal' =>
  notice.mentioned || facts.conversations.get(notice.message.conversationId)?.type === 'direct' ? 'high' : 'normal';
