import type { Conversation, GroupSummary, Message, Pin, PrivacySettings } from '@parley/protocol';
import { Listeners } from './listeners.js';
import { Marks, type PinnedMark } from './marks.js';
import type { StreamEvent } from './stream.js';

/** What a read leaves unread (the `message:read` ack and `POST /conversations/:id/read`). */
export interface ReadState {
  lastReadSeq: number;
  unreadCount: number;
  unreadMentionCount: number;
}

export interface MessageWindow {
  /** Ascending by seq: the newest page and whatever older pages were loaded with `before`. */
  messages: Message[];
  /** Older messages exist that are not loaded. */
  hasMore: boolean;
}

export interface Presence {
  isOnline: boolean;
  lastActive: string | null;
}

export type StoreChange =
  | { kind: 'conversations' }
  | { kind: 'messages' | 'typing' | 'pins'; conversationId: string }
  | { kind: 'thread'; rootId: string }
  | { kind: 'stars' }
  | { kind: 'presence'; userId: string }
  | { kind: 'privacy' }
  | { kind: 'outbox' };

const TYPING_EXPIRES_MS = 6_000;

/**
 * What a UI shows, kept current by the event stream: conversations (last message, unread),
 * a window of messages per conversation, who is typing, who is online. Framework-agnostic:
 * read with the getters, re-render on `subscribe`.
 */
export class Store {
  private readonly convs = new Map<string, Conversation>();
  private readonly windows = new Map<string, MessageWindow>();
  /** Replies loaded with `messages.thread`, by root id (live replies are in the conversation's window). */
  private readonly threadPages = new Map<string, Message[]>();
  private readonly typers = new Map<string, Map<string, ReturnType<typeof setTimeout>>>();
  private readonly online = new Map<string, Presence>();
  private readonly marks = new Marks();
  /** Your vote per poll message, as the server last answered it (anonymous polls name no voters). */
  private readonly votes = new Map<string, string[]>();
  private readonly changes = new Listeners<{ change(c: StoreChange): void }>();
  /** Bumped on every change: a snapshot version for `useSyncExternalStore` and the like. */
  version = 0;

  constructor(private readonly me: () => string | undefined) {}

  subscribe(listener: (change: StoreChange) => void): () => void {
    return this.changes.on('change', listener);
  }

  /** Pinned first, then by last activity (as the server lists them). */
  conversations(): Conversation[] {
    const activity = (c: Conversation) => c.lastMessage?.createdAt ?? c.updatedAt;
    return [...this.convs.values()].sort((a, b) => Number(b.isPinned) - Number(a.isPinned) || activity(b).localeCompare(activity(a)));
  }

  conversation(id: string): Conversation | undefined {
    return this.convs.get(id);
  }

  messages(conversationId: string): MessageWindow {
    return this.windows.get(conversationId) ?? { messages: [], hasMore: true };
  }

  /**
   * A thread's replies known here, ascending by seq: the pages loaded with `messages.thread` and the
   * replies in the conversation's window (live ones included; the window's copy is the fresher).
   */
  thread(conversationId: string, rootId: string): Message[] {
    const bySeq = new Map((this.threadPages.get(rootId) ?? []).map((m) => [m.seq, m]));
    for (const m of this.messages(conversationId).messages) if (m.threadRootId === rootId) bySeq.set(m.seq, m);
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** A page of a thread's replies (the answer to `messages.thread`). */
  putThread(rootId: string, page: Message[]): void {
    const bySeq = new Map((this.threadPages.get(rootId) ?? []).map((m) => [m.seq, m]));
    for (const m of page) bySeq.set(m.seq, m);
    this.threadPages.set(rootId, [...bySeq.values()]);
    this.changed({ kind: 'thread', rootId });
  }

  typing(conversationId: string): string[] {
    return [...(this.typers.get(conversationId)?.keys() ?? [])];
  }

  presence(userId: string): Presence | undefined {
    return this.online.get(userId);
  }

  /** The conversation's pinned messages, the latest pinned first (`message` once listed or loaded). */
  pins(conversationId: string): PinnedMark[] {
    return this.marks.pins(conversationId).map((p) => ({ ...p, message: p.message ?? this.loaded(conversationId, p.messageId) }));
  }

  isPinned(conversationId: string, messageId: string): boolean {
    return this.marks.isPinned(conversationId, messageId);
  }

  /** Whether you starred the message (on any of your devices). */
  isStarred(messageId: string): boolean {
    return this.marks.isStarred(messageId);
  }

  /** The ids of the messages you starred that this device knows of (`messages.starred()` lists them), the latest first. */
  starred(): string[] {
    return this.marks.starred();
  }

  /** A conversation's whole pin list (`messages.pins`). */
  putPins(conversationId: string, list: Pin[]): void {
    this.marks.putPins(conversationId, list);
    this.changed({ kind: 'pins', conversationId });
  }

  /** Stars listed by `messages.starred` (a page: added to what is known). */
  putStars(list: { message: Message; starredAt: string }[]): void {
    for (const s of list) this.marks.star(s.message.conversationId, s.message.id, s.starredAt);
    this.changed({ kind: 'stars' });
  }

  /**
   * The option ids you chose in a poll message: from its voters, or (an anonymous poll names none) from
   * what `vote`, `closePoll` or `getPoll` answered here; undefined when not known.
   */
  myVote(message: Message): string[] | undefined {
    const me = this.me();
    if (!message.poll) return undefined;
    if (!message.poll.anonymous && me) return message.poll.options.filter((o) => o.voterIds?.includes(me)).map((o) => o.id);
    return this.votes.get(message.id);
  }

  /** Your own vote, as an answer of the server told it (`{poll, myVote}`). */
  voteKnown(messageId: string, myVote: string[]): void {
    this.votes.set(messageId, myVote);
  }

  /** A message loaded here (in a conversation's window or a thread page), by id. */
  find(messageId: string): Message | undefined {
    for (const w of this.windows.values()) {
      const m = w.messages.find((x) => x.id === messageId);
      if (m) return m;
    }
    for (const page of this.threadPages.values()) {
      const m = page.find((x) => x.id === messageId);
      if (m) return m;
    }
    return undefined;
  }

  private loaded(conversationId: string, messageId: string): Message | undefined {
    return this.windows.get(conversationId)?.messages.find((m) => m.id === messageId);
  }

  putConversations(list: Conversation[]): void {
    for (const c of list) {
      this.convs.set(c.id, c);
      this.dropPurged(c);
    }
    this.changed({ kind: 'conversations' });
  }

  /** Messages at or below the conversation's `purgedThroughSeq` were deleted by the server's retention: they go here too. */
  private dropPurged(c: Conversation): void {
    const window = this.windows.get(c.id);
    if (!window || !window.messages.some((m) => m.seq <= c.purgedThroughSeq)) return;
    this.windows.set(c.id, { messages: window.messages.filter((m) => m.seq > c.purgedThroughSeq), hasMore: false });
    this.changed({ kind: 'messages', conversationId: c.id });
  }

  /**
   * A page from `GET /conversations/:id/messages`, merged by seq. `hasOlder`: whether messages
   * older than the page exist (its `hasMore`, unless it was an `after` page: then undefined).
   */
  putMessages(conversationId: string, page: Message[], hasOlder: boolean | undefined): void {
    const known = this.windows.get(conversationId);
    const bySeq = new Map((known?.messages ?? []).map((m) => [m.seq, m]));
    for (const m of page) bySeq.set(m.seq, m);
    const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    // The window's oldest message decides whether there is more before it.
    const reachesOldest = page.length > 0 && page[0]!.seq === messages[0]!.seq;
    const hasMore = hasOlder !== undefined && (reachesOldest || !known) ? hasOlder : (known?.hasMore ?? true);
    this.windows.set(conversationId, { messages, hasMore });
    this.changed({ kind: 'messages', conversationId });
  }

  /** The server's answer to a read: what is still unread here, mentions included (the live event cannot tell mentions). */
  readAcked(conversationId: string, ack: ReadState): void {
    const c = this.convs.get(conversationId);
    if (!c || ack.lastReadSeq < c.lastReadSeq) return;
    this.convs.set(c.id, { ...c, ...ack });
    this.changed({ kind: 'conversations' });
  }

  /** Your settings of a conversation changed (the reply to `conversations.updateSettings`). */
  settingsChanged(
    conversationId: string,
    settings: Pick<Conversation, 'isMuted' | 'mutedUntil' | 'notifications' | 'isArchived' | 'isPinned'>,
  ): void {
    const c = this.convs.get(conversationId);
    if (!c) return;
    this.convs.set(c.id, { ...c, ...settings });
    this.changed({ kind: 'conversations' });
  }

  outboxChanged(): void {
    this.changed({ kind: 'outbox' });
  }

  /** Your privacy settings, once read (`client.privacy.get`) or changed on any device (`privacy:updated`). */
  privacy: PrivacySettings | undefined;

  /** Your privacy settings as the server has them now. */
  privacyChanged(privacy: PrivacySettings): void {
    this.privacy = privacy;
    this.changed({ kind: 'privacy' });
  }

  apply(event: StreamEvent): void {
    switch (event.type) {
      case 'message:new':
        return this.messageArrived(event.payload.message);
      case 'message:updated':
        this.marks.messageChanged(event.payload.message);
        return this.replaceMessage(event.payload.message.conversationId, event.payload.message.id, () => event.payload.message);
      case 'message:deleted':
        if (event.payload.for === 'self') return this.dropMessage(event.payload.conversationId, event.payload.messageId);
        if (this.marks.messageDeleted(event.payload.conversationId, event.payload.messageId))
          this.marksChanged(event.payload.conversationId);
        // A disappearing message that expired is gone for everyone, with no tombstone.
        if (event.payload.expired) return this.dropMessage(event.payload.conversationId, event.payload.messageId);
        return this.replaceMessage(event.payload.conversationId, event.payload.messageId, (m) => ({
          ...m,
          text: null,
          media: [],
          reactions: [],
          poll: undefined,
          deletedAt: new Date().toISOString(),
        }));
      case 'reaction:updated':
        return this.replaceMessage(event.payload.conversationId, event.payload.messageId, (m) => ({
          ...m,
          reactions: event.payload.reactions,
        }));
      case 'poll:updated':
        return this.replaceMessage(event.payload.conversationId, event.payload.messageId, (m) => ({ ...m, poll: event.payload.poll }));
      case 'privacy:updated':
        return this.privacyChanged(event.payload.privacy);
      case 'message:status':
        return this.statusMoved(event.payload);
      case 'message:pinned': {
        const { conversationId, messageId, pinnedBy, pinnedAt } = event.payload;
        this.marks.pin(conversationId, { messageId, pinnedBy, pinnedAt });
        return this.changed({ kind: 'pins', conversationId });
      }
      case 'message:unpinned':
        if (this.marks.unpin(event.payload.conversationId, event.payload.messageId)) {
          this.changed({ kind: 'pins', conversationId: event.payload.conversationId });
        }
        return;
      case 'message:starred':
        this.marks.star(event.payload.conversationId, event.payload.messageId, event.payload.starredAt);
        return this.changed({ kind: 'stars' });
      case 'message:unstarred':
        if (this.marks.unstar(event.payload.messageId)) this.changed({ kind: 'stars' });
        return;
      case 'conversation:created':
      case 'conversation:updated':
        return this.mergeConversation(event.payload.conversation);
      case 'group:member-left':
        if (event.payload.userId === this.me()) {
          this.convs.delete(event.payload.conversationId);
          this.windows.delete(event.payload.conversationId);
          this.marks.conversationGone(event.payload.conversationId);
          this.changed({ kind: 'conversations' });
        }
        return;
      default:
        return;
    }
  }

  /** `typing` and `user:online` / `user:offline`: not in the stream, only live. */
  applyEphemeral(type: string, payload: Record<string, unknown>): void {
    if (type === 'typing') this.setTyping(payload.conversationId as string, payload.userId as string, payload.isTyping === true);
    else if (type === 'user:online' || type === 'user:offline') {
      const userId = payload.userId as string;
      // user:offline carries lastActive, null when their privacy hides it; user:online keeps the one known.
      const lastActive =
        'lastActive' in payload ? ((payload.lastActive as string | null) ?? null) : (this.online.get(userId)?.lastActive ?? null);
      this.online.set(userId, { isOnline: type === 'user:online', lastActive });
      this.changed({ kind: 'presence', userId });
    }
  }

  private messageArrived(message: Message): void {
    const window = this.windows.get(message.conversationId);
    if (window && !window.messages.some((m) => m.seq === message.seq)) {
      window.messages = [...window.messages, message].sort((a, b) => a.seq - b.seq);
      this.changed({ kind: 'messages', conversationId: message.conversationId });
    }
    const c = this.convs.get(message.conversationId);
    if (!c || message.seq <= c.lastSeq) return;
    const me = this.me();
    const mine = message.senderId === me;
    const mentionsMe = message.mentions.all || (me !== undefined && message.mentions.userIds.includes(me));
    this.convs.set(c.id, {
      ...c,
      lastSeq: message.seq,
      lastMessage: message,
      // Sending reads everything before it; someone else's message is one more unread (and one more mention, if it mentions me).
      lastReadSeq: mine ? message.seq : c.lastReadSeq,
      unreadCount: mine ? 0 : c.unreadCount + 1,
      unreadMentionCount: mine ? 0 : c.unreadMentionCount + (mentionsMe ? 1 : 0),
    });
    this.changed({ kind: 'conversations' });
  }

  private statusMoved(p: { conversationId: string; userId: string; status: 'delivered' | 'read'; upToSeq: number }): void {
    const c = this.convs.get(p.conversationId);
    if (!c) return;
    if (p.userId === this.me()) {
      if (p.status !== 'read' || p.upToSeq <= c.lastReadSeq) return;
      const unreadCount = p.upToSeq >= c.lastSeq ? 0 : Math.min(c.unreadCount, c.lastSeq - p.upToSeq);
      // Which unread messages mentioned me is not known here: at most as many as are still unread.
      const unreadMentionCount = Math.min(c.unreadMentionCount, unreadCount);
      this.convs.set(c.id, { ...c, lastReadSeq: p.upToSeq, unreadCount, unreadMentionCount });
      return this.changed({ kind: 'conversations' });
    }
    // A direct chat's other person moved their watermark: my messages up to it are delivered or read.
    if (c.type !== 'direct') return;
    const rank = { sent: 0, delivered: 1, read: 2 } as const;
    const moves = (m: Message) => m.senderId === this.me() && m.seq <= p.upToSeq && rank[m.status] < rank[p.status];
    this.replaceWhere(p.conversationId, moves, (m) => ({ ...m, status: p.status }));
    // The list's last message too (its ticks), whether or not the conversation's window is open.
    if (c.lastMessage && moves(c.lastMessage)) {
      this.convs.set(c.id, { ...c, lastMessage: { ...c.lastMessage, status: p.status } });
      this.changed({ kind: 'conversations' });
    }
  }

  private mergeConversation(incoming: Conversation | GroupSummary): void {
    const known = this.convs.get(incoming.id);
    // A group edit carries the shared fields only: keep this user's own (unread, pinned, role…).
    if (!known && !('unreadCount' in incoming)) return;
    this.convs.set(incoming.id, { ...known, ...incoming } as Conversation);
    this.changed({ kind: 'conversations' });
  }

  private replaceMessage(conversationId: string, id: string, change: (m: Message) => Message): void {
    this.replaceWhere(conversationId, (m) => m.id === id, change);
    const c = this.convs.get(conversationId);
    if (c?.lastMessage?.id === id) {
      this.convs.set(c.id, { ...c, lastMessage: change(c.lastMessage) });
      this.changed({ kind: 'conversations' });
    }
  }

  private replaceWhere(conversationId: string, match: (m: Message) => boolean, change: (m: Message) => Message): void {
    const window = this.windows.get(conversationId);
    if (!window?.messages.some(match)) return;
    window.messages = window.messages.map((m) => (match(m) ? change(m) : m));
    this.changed({ kind: 'messages', conversationId });
  }

  private dropMessage(conversationId: string, id: string): void {
    const window = this.windows.get(conversationId);
    if (!window) return;
    window.messages = window.messages.filter((m) => m.id !== id);
    this.changed({ kind: 'messages', conversationId });
  }

  private setTyping(conversationId: string, userId: string, isTyping: boolean): void {
    const typers = this.typers.get(conversationId) ?? new Map<string, ReturnType<typeof setTimeout>>();
    this.typers.set(conversationId, typers);
    clearTimeout(typers.get(userId));
    typers.delete(userId);
    // A `typing: false` can be lost with a connection: typing ends by itself after a few seconds.
    if (isTyping)
      typers.set(
        userId,
        setTimeout(() => this.setTyping(conversationId, userId, false), TYPING_EXPIRES_MS),
      );
    this.changed({ kind: 'typing', conversationId });
  }

  private marksChanged(conversationId: string): void {
    this.changed({ kind: 'pins', conversationId });
    this.changed({ kind: 'stars' });
  }

  private changed(change: StoreChange): void {
    this.version++;
    this.changes.emit('change', change);
  }
}
