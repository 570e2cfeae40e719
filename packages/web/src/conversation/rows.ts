import type { Message, OutboxEntry } from '@parley/client';
import { missedCallText } from '../calls/callText';
import type { Delivery } from './MessageStatus';

/** What one bubble shows. */
export interface Row {
  key: string;
  text: string;
  createdAt: string;
  mine: boolean;
  senderId: string | undefined;
  /** A group's record of a change ("Ada added Bo"): its text names who did it. */
  system: boolean;
  /** Own messages only. */
  status?: Delivery;
  deleted: boolean;
  edited: boolean;
  /** The stored message (replies, reactions, media, actions); none for a send still in the outbox. */
  message?: Message;
}

function textOf(m: Message): string {
  if (m.deletedAt) return 'This message was deleted';
  if (m.encrypted) return 'Encrypted message';
  if (m.system?.action === 'call_missed') return missedCallText(m);
  return m.text ?? '';
}

/**
 * The stored messages, then the sends still in the outbox (not yet stored: a send acked and stored
 * shows once, as the stored message). Queued while offline, sending while online.
 */
export function rowsOf(messages: readonly Message[], pending: readonly OutboxEntry[], me: string | undefined, online: boolean): Row[] {
  const stored = new Set(messages.map((m) => m.clientMessageId));
  const rows: Row[] = messages.map((m) => ({
    key: m.id,
    text: textOf(m),
    createdAt: m.createdAt,
    mine: m.senderId === me,
    senderId: m.senderId,
    system: m.system !== null,
    ...(m.senderId === me && { status: m.status }),
    deleted: m.deletedAt !== null,
    edited: m.editedAt !== null && m.deletedAt === null,
    message: m,
  }));
  for (const entry of pending) {
    if (stored.has(entry.clientMessageId)) continue;
    rows.push({
      key: entry.clientMessageId,
      text: entry.input.text ?? '',
      createdAt: entry.queuedAt,
      mine: true,
      senderId: me,
      system: false,
      status: online ? 'sending' : 'queued',
      deleted: false,
      edited: false,
    });
  }
  return rows;
}
