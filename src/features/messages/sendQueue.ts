import type { AppError } from '../../lib/errors.js';
import type { PollRequest } from '../polls/create.js';
import type { MentionsRequest } from './mentions.js';
import type { MessageDto } from './present.js';

/** A new message as a client sends it (REST body or socket payload, already validated). */
export interface SendMessageInput {
  conversationId: string;
  text?: string;
  mediaIds?: string[];
  replyToId?: string;
  clientMessageId?: string;
  encrypted?: boolean;
  mentions?: MentionsRequest;
  /** A reply in the thread of this top-level message (src/features/threads). */
  threadRootId?: string;
  /** Makes it a poll (src/features/polls): its question becomes the text. */
  poll?: PollRequest;
  /**
   * Set by forwarding alone (forward.ts), never by a client's send: the message forwarded. The
   * new message is marked `forwarded` and its `mediaIds` are that message's media, reused.
   */
  forwardOf?: string;
}

export interface SendRequest {
  /** Who sends it: the message's senderId once written. */
  actorId: string;
  input: SendMessageInput;
  /** The socket that sent it: it gets the ack, the others the event. */
  origin?: string;
}

export interface SendResult {
  message: MessageDto;
  /** false: a repeat of a clientMessageId its sender already used; `message` is the original. */
  created: boolean;
}

export type ReceiptKind = 'delivered' | 'read';

/** A member's receipt: everything up to `upToSeq` (default: the conversation's last message) reached a device, or was read. */
export interface ReceiptRequest {
  actorId: string;
  conversationId: string;
  kind: ReceiptKind;
  upToSeq?: number | undefined;
}

/** A member's watermarks once the receipt is written, and what is still unread (mentions of them included). */
export interface Watermark {
  lastReadSeq: number;
  lastDeliveredSeq: number;
  unreadCount: number;
  unreadMentionCount: number;
}

export type SendOutcome = { ok: SendResult } | { error: AppError };

/** Where sends and receipts wait to be committed; the group commit (groupCommit.ts) is the one in use. */
export interface SendQueue {
  submit(req: SendRequest): Promise<SendResult>;
  receipt(req: ReceiptRequest): Promise<Watermark>;
}
