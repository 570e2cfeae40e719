import { notifiable, type NotificationSettings } from './notifiable.js';

/** A `message:new` from the event log, as the push worker needs it. */
export interface NewMessage {
  eventId: number;
  /** When the event was committed, ms since the epoch. */
  createdAt: number;
  /** An edit that added mentions: it notifies only those it newly mentions (`mentions` holds just them). */
  edit: boolean;
  conversationId: string;
  messageId: string;
  seq: number;
  senderId: string;
  type: 'text' | 'image' | 'video' | 'audio' | 'file' | 'system';
  text: string | null;
  encrypted: boolean;
  /** Deleted for everyone before the worker got to it (the stored payload is the tombstone). */
  deleted: boolean;
  /** Members who may not read it (history 'joined'): they are not told either. */
  hiddenFrom: readonly string[];
  mentions: { userIds: readonly string[]; all: boolean };
}

export interface Recipient extends NotificationSettings {
  userId: string;
  lastReadSeq: number;
  joinedSeq: number;
  /** What their pushes show (`PATCH /push/settings`). */
  previews: 'full' | 'name' | 'none';
}

export interface ConversationFacts {
  type: 'direct' | 'group';
  name: string | null;
  members: readonly Recipient[];
}

/** What the database says about a batch's conversations and senders. */
export interface BatchFacts {
  conversations: ReadonlyMap<string, ConversationFacts>;
  senderNames: ReadonlyMap<string, string>;
  /** `${blockerId} ${blockedId}` */
  blocks: ReadonlySet<string>;
  now: Date;
}

/** The newest message that notifies one user in one conversation (a burst becomes one notice). */
export interface Notice {
  userId: string;
  message: NewMessage;
  recipient: Recipient;
  mentioned: boolean;
}

const mentions = (m: NewMessage, userId: string) => m.mentions.all || m.mentions.userIds.includes(userId);

/** Whether this member is told about this message, presence and devices aside. */
export function notifies(m: NewMessage, r: Recipient, facts: BatchFacts): boolean {
  if (m.deleted || m.type === 'system' || r.userId === m.senderId) return false;
  if (m.hiddenFrom.includes(r.userId)) return false;
  // Joined after it (history 'joined' keeps it from them), or read it already on another device
  // (an edit's new mention is news even to someone who read the message).
  if (r.joinedSeq >= m.seq || (!m.edit && r.lastReadSeq >= m.seq)) return false;
  if (m.edit && !mentions(m, r.userId)) return false;
  if (facts.blocks.has(`${r.userId} ${m.senderId}`)) return false;
  return notifiable(r, mentions(m, r.userId), facts.now);
}

/** For a batch of messages in event order: per user and conversation, the newest that notifies them. */
export function noticesFor(batch: readonly NewMessage[], facts: BatchFacts): Notice[] {
  const newest = new Map<string, Notice>();
  for (const m of batch) {
    for (const r of facts.conversations.get(m.conversationId)?.members ?? []) {
      if (!notifies(m, r, facts)) continue;
      const key = `${r.userId} ${m.conversationId}`;
      const mentioned = mentions(m, r.userId) || (newest.get(key)?.mentioned ?? false);
      newest.set(key, { userId: r.userId, message: m, recipient: r, mentioned });
    }
  }
  return [...newest.values()];
}
