import type { Message, Pin } from '@parley/protocol';

/** A pinned message as the store knows it: from the event (ids) and, once listed or loaded, the message. */
export interface PinnedMark {
  messageId: string;
  pinnedBy: string;
  pinnedAt: string;
  message?: Message;
}

/**
 * Pins (per conversation, everyone's) and stars (this user's own), kept by the store from
 * `message:pinned` / `message:unpinned` / `message:starred` / `message:unstarred` and the lists.
 * A message deleted for everyone loses both, as on the server.
 */
export class Marks {
  private readonly pinned = new Map<string, Map<string, PinnedMark>>();
  private readonly starredAt = new Map<string, { conversationId: string; at: string }>();

  pins(conversationId: string): PinnedMark[] {
    return [...(this.pinned.get(conversationId)?.values() ?? [])].sort((a, b) => b.pinnedAt.localeCompare(a.pinnedAt));
  }

  isPinned(conversationId: string, messageId: string): boolean {
    return this.pinned.get(conversationId)?.has(messageId) ?? false;
  }

  isStarred(messageId: string): boolean {
    return this.starredAt.has(messageId);
  }

  /** The starred message ids this device knows of, the latest starred first. */
  starred(): string[] {
    return [...this.starredAt].sort((a, b) => b[1].at.localeCompare(a[1].at)).map(([id]) => id);
  }

  /** GET /conversations/:id/pins: the whole list, replacing what was known. */
  putPins(conversationId: string, list: Pin[]): void {
    this.pinned.set(
      conversationId,
      new Map(list.map((p) => [p.message.id, { messageId: p.message.id, pinnedBy: p.pinnedBy, pinnedAt: p.pinnedAt, message: p.message }])),
    );
  }

  pin(conversationId: string, mark: PinnedMark): void {
    const of = this.pinned.get(conversationId) ?? new Map<string, PinnedMark>();
    this.pinned.set(conversationId, of);
    of.set(mark.messageId, { ...of.get(mark.messageId), ...mark });
  }

  unpin(conversationId: string, messageId: string): boolean {
    return this.pinned.get(conversationId)?.delete(messageId) ?? false;
  }

  star(conversationId: string, messageId: string, at: string): void {
    this.starredAt.set(messageId, { conversationId, at });
  }

  unstar(messageId: string): boolean {
    return this.starredAt.delete(messageId);
  }

  /** A message deleted for everyone: its pin and star go. Whether anything changed. */
  messageDeleted(conversationId: string, messageId: string): boolean {
    const unpinned = this.unpin(conversationId, messageId);
    return this.unstar(messageId) || unpinned;
  }

  /** A pinned message's newer copy (edited, reacted to): the pin shows it. */
  messageChanged(message: Message): void {
    const mark = this.pinned.get(message.conversationId)?.get(message.id);
    if (mark) mark.message = message;
  }

  /** A conversation left: its pins and the stars of its messages are no longer readable. */
  conversationGone(conversationId: string): void {
    this.pinned.delete(conversationId);
    for (const [id, s] of this.starredAt) if (s.conversationId === conversationId) this.starredAt.delete(id);
  }
}
