import type { Message } from '@parley/protocol';
import type { ClientSocket } from './connection.js';

const COALESCE_MS = 250;

/**
 * Tells the server which messages reached this device (`message:delivered`): the senders'
 * "delivered" ticks. One watermark per conversation, coalesced, so a burst of messages costs
 * one write; what could not be sent offline goes with the next connect.
 */
export class DeliveryReceipts {
  private readonly upTo = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly me: () => string | undefined,
    private readonly socket: () => ClientSocket | undefined,
  ) {}

  received(message: Message): void {
    if (message.senderId === this.me()) return;
    this.upTo.set(message.conversationId, Math.max(this.upTo.get(message.conversationId) ?? 0, message.seq));
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  flush(): void {
    this.timer = undefined;
    const socket = this.socket();
    if (!socket) return; // kept for the next connect
    for (const [conversationId, upToSeq] of this.upTo) {
      // Fire and forget: a lost receipt is only a tick that turns grey a little later.
      socket.emit('message:delivered', { conversationId, upToSeq }, () => {});
    }
    this.upTo.clear();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
