import type { Conversation, Message } from '@parley/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from './store.js';
import type { StreamEvent } from './stream.js';

const ME = '00000000-0000-7000-8000-00000000000a';
const THEM = '00000000-0000-7000-8000-00000000000b';
const CHAT = '00000000-0000-7000-8000-0000000000c1';

const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: CHAT,
  type: 'direct',
  name: null,
  icon: null,
  iconBg: null,
  about: null,
  visibility: null,
  historyVisibility: null,
  mentionAll: null,
  pinPermission: null,
  postPermission: null,
  lastSeq: 0,
  messageRetentionDays: null,
  purgedThroughSeq: 0,
  disappearAfterSeconds: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  otherUser: null,
  lastMessage: null,
  unreadCount: 0,
  unreadMentionCount: 0,
  lastReadSeq: 0,
  isMuted: false,
  mutedUntil: null,
  notifications: 'all',
  isArchived: false,
  isPinned: false,
  role: null,
  ...over,
});

const message = (seq: number, senderId: string, over: Partial<Message> = {}): Message => ({
  id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
  conversationId: CHAT,
  seq,
  senderId,
  clientMessageId: null,
  type: 'text',
  text: `m${seq}`,
  media: [],
  replyTo: null,
  reactions: [],
  status: 'sent',
  encrypted: false,
  system: null,
  mentions: { userIds: [], all: false },
  forwarded: false,
  threadRootId: null,
  thread: null,
  linkPreview: null,
  editedAt: null,
  deletedAt: null,
  expiresAt: null,
  createdAt: `2026-12-01T10:00:0${seq}.000Z`,
  ...over,
});

let eventId = 0;
const event = (type: StreamEvent['type'], payload: Record<string, unknown>) =>
  ({ eventId: ++eventId, type, payload: { ...payload, eventId } }) as StreamEvent;

afterEach(() => vi.useRealTimers());

describe('Store', () => {
  it("counts someone else's messages as unread and your own as reading everything", () => {
    const store = new Store(() => ME);
    store.putConversations([conversation()]);
    store.apply(event('message:new', { message: message(1, THEM) }));
    store.apply(event('message:new', { message: message(2, THEM) }));
    expect(store.conversation(CHAT)).toMatchObject({ unreadCount: 2, lastSeq: 2, lastMessage: { seq: 2 } });
    store.apply(event('message:new', { message: message(3, ME) }));
    expect(store.conversation(CHAT)).toMatchObject({ unreadCount: 0, lastReadSeq: 3 });
    // A repeat (the same seq again) changes nothing.
    store.apply(event('message:new', { message: message(3, ME) }));
    expect(store.conversation(CHAT)?.lastSeq).toBe(3);
  });

  it('counts the messages mentioning you (by id or all) until you read them', () => {
    const store = new Store(() => ME);
    store.putConversations([conversation({ type: 'group' })]);
    store.apply(event('message:new', { message: message(1, THEM, { mentions: { userIds: [ME], all: false } }) }));
    store.apply(event('message:new', { message: message(2, THEM, { mentions: { userIds: [THEM], all: false } }) }));
    store.apply(event('message:new', { message: message(3, THEM, { mentions: { userIds: [], all: true } }) }));
    expect(store.conversation(CHAT)).toMatchObject({ unreadCount: 3, unreadMentionCount: 2 });
    store.apply(event('message:status', { conversationId: CHAT, userId: ME, status: 'read', upToSeq: 2, at: 'x' }));
    expect(store.conversation(CHAT)).toMatchObject({ unreadCount: 1, unreadMentionCount: 1 });
    store.apply(event('message:status', { conversationId: CHAT, userId: ME, status: 'read', upToSeq: 3, at: 'x' }));
    expect(store.conversation(CHAT)).toMatchObject({ unreadCount: 0, unreadMentionCount: 0 });
  });

  it("your read watermark clears unread; the other person's marks your messages read in a direct chat", () => {
    const store = new Store(() => ME);
    store.putConversations([conversation({ lastSeq: 3, unreadCount: 2, lastReadSeq: 1 })]);
    store.putMessages(CHAT, [message(1, ME), message(2, THEM), message(3, THEM)], false);
    store.apply(event('message:status', { conversationId: CHAT, userId: ME, status: 'read', upToSeq: 3, at: 'x' }));
    expect(store.conversation(CHAT)).toMatchObject({ unreadCount: 0, lastReadSeq: 3 });
    store.apply(event('message:status', { conversationId: CHAT, userId: THEM, status: 'delivered', upToSeq: 1, at: 'x' }));
    expect(store.messages(CHAT).messages[0]?.status).toBe('delivered');
    store.apply(event('message:status', { conversationId: CHAT, userId: THEM, status: 'read', upToSeq: 1, at: 'x' }));
    store.apply(event('message:status', { conversationId: CHAT, userId: THEM, status: 'delivered', upToSeq: 1, at: 'x' }));
    expect(store.messages(CHAT).messages[0]?.status).toBe('read'); // never goes back
  });

  it("the other person's watermark moves your last message's ticks in the list too, window open or not", () => {
    const store = new Store(() => ME);
    store.putConversations([conversation()]);
    store.apply(event('message:new', { message: message(1, ME) }));
    store.apply(event('message:status', { conversationId: CHAT, userId: THEM, status: 'delivered', upToSeq: 1, at: 'x' }));
    expect(store.conversation(CHAT)?.lastMessage?.status).toBe('delivered');
    store.apply(event('message:status', { conversationId: CHAT, userId: THEM, status: 'read', upToSeq: 1, at: 'x' }));
    store.apply(event('message:status', { conversationId: CHAT, userId: THEM, status: 'delivered', upToSeq: 1, at: 'x' }));
    expect(store.conversation(CHAT)?.lastMessage?.status).toBe('read'); // never goes back
    // A watermark below the last message leaves it alone.
    store.apply(event('message:new', { message: message(2, ME) }));
    store.apply(event('message:status', { conversationId: CHAT, userId: THEM, status: 'read', upToSeq: 1, at: 'x' }));
    expect(store.conversation(CHAT)?.lastMessage).toMatchObject({ seq: 2, status: 'sent' });
  });

  it("a group edit keeps the user's own fields; leaving removes the conversation", () => {
    const store = new Store(() => ME);
    store.putConversations([conversation({ type: 'group', name: 'Old', unreadCount: 4, isPinned: true, role: 'admin' })]);
    store.apply(event('conversation:updated', { conversation: { id: CHAT, type: 'group', name: 'New', memberCount: 3 } }));
    expect(store.conversation(CHAT)).toMatchObject({ name: 'New', unreadCount: 4, isPinned: true, role: 'admin' });
    store.apply(event('group:member-left', { conversationId: CHAT, userId: ME }));
    expect(store.conversation(CHAT)).toBeUndefined();
  });

  it('edits, reactions and deletes change the window; a delete for yourself removes the message', () => {
    const store = new Store(() => ME);
    store.putMessages(CHAT, [message(1, THEM), message(2, THEM)], false);
    store.apply(event('message:updated', { message: message(1, THEM, { text: 'edited' }) }));
    store.apply(
      event('reaction:updated', { conversationId: CHAT, messageId: message(2, THEM).id, reactions: [{ emoji: '👍', userId: ME }] }),
    );
    expect(store.messages(CHAT).messages.map((m) => [m.text, m.reactions.length])).toEqual([
      ['edited', 0],
      ['m2', 1],
    ]);
    store.apply(event('message:deleted', { conversationId: CHAT, messageId: message(1, THEM).id, for: 'everyone' }));
    expect(store.messages(CHAT).messages[0]).toMatchObject({ text: null, deletedAt: expect.any(String) });
    store.apply(event('message:deleted', { conversationId: CHAT, messageId: message(2, THEM).id, for: 'self' }));
    expect(store.messages(CHAT).messages.map((m) => m.seq)).toEqual([1]);
  });

  it('poll:updated replaces the poll (live counts); myVote comes from the voters, or from an answer when anonymous', () => {
    const store = new Store(() => ME);
    const poll = (votes: number[], anonymous = false) => ({
      question: 'Lunch?',
      options: votes.map((v, i) => ({ id: String(i + 1), text: `o${i}`, votes: v, ...(anonymous ? {} : { voterIds: v ? [ME] : [] }) })),
      multipleChoice: false,
      anonymous,
      closesAt: null,
      closedAt: null,
      closed: false,
      voterCount: votes.reduce((a, b) => a + b, 0),
    });
    const open = message(1, THEM, { type: 'poll', text: 'Lunch?', poll: poll([0, 0]) });
    const secret = message(2, THEM, { type: 'poll', text: 'Lunch?', poll: poll([0, 0], true) });
    store.putMessages(CHAT, [open, secret], false);
    store.apply(event('poll:updated', { conversationId: CHAT, messageId: open.id, poll: poll([0, 1]) }));
    const shown = store.messages(CHAT).messages[0]!;
    expect(shown.poll?.options.map((o) => o.votes)).toEqual([0, 1]);
    expect(store.myVote(shown)).toEqual(['2']);
    expect(store.myVote(secret)).toBeUndefined();
    store.voteKnown(secret.id, ['1']);
    expect(store.myVote(secret)).toEqual(['1']);
    store.apply(event('message:deleted', { conversationId: CHAT, messageId: open.id, for: 'everyone' }));
    expect(store.messages(CHAT).messages[0]!.poll).toBeUndefined();
  });

  it('drops a disappearing message that expired (no tombstone), keeping the others', () => {
    const store = new Store(() => ME);
    store.putConversations([conversation({ lastSeq: 2, disappearAfterSeconds: 60 })]);
    store.putMessages(CHAT, [message(1, THEM, { expiresAt: 'x' }), message(2, THEM)], false);
    store.apply(event('message:deleted', { conversationId: CHAT, messageId: message(1, THEM).id, for: 'everyone', expired: true }));
    expect(store.messages(CHAT).messages.map((m) => m.seq)).toEqual([2]);
  });

  it("drops the messages a conversation's purgedThroughSeq says the server's retention deleted", () => {
    const store = new Store(() => ME);
    store.putConversations([conversation({ lastSeq: 4 })]);
    store.putMessages(CHAT, [message(1, THEM), message(2, THEM), message(3, THEM), message(4, THEM)], false);
    store.putConversations([conversation({ lastSeq: 4, purgedThroughSeq: 2 })]);
    expect(store.messages(CHAT)).toEqual({ messages: [message(3, THEM), message(4, THEM)], hasMore: false });
    store.putConversations([conversation({ lastSeq: 4, purgedThroughSeq: 4 })]);
    expect(store.messages(CHAT).messages).toEqual([]);
  });

  it('older pages merge by seq; typing ends by itself; subscribers hear each change', () => {
    vi.useFakeTimers();
    const store = new Store(() => ME);
    const heard: string[] = [];
    store.subscribe((c) => heard.push(c.kind));
    store.putMessages(CHAT, [message(3, THEM), message(4, THEM)], true);
    store.putMessages(CHAT, [message(1, THEM), message(2, THEM), message(3, THEM)], false);
    expect(store.messages(CHAT)).toMatchObject({ hasMore: false });
    // The newest page again (its hasMore is about what lies before it, already loaded): still false.
    store.putMessages(CHAT, [message(3, THEM), message(4, THEM)], true);
    expect(store.messages(CHAT)).toMatchObject({ hasMore: false });
    expect(store.messages(CHAT).messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    store.applyEphemeral('typing', { conversationId: CHAT, userId: THEM, isTyping: true });
    expect(store.typing(CHAT)).toEqual([THEM]);
    vi.advanceTimersByTime(6_001);
    expect(store.typing(CHAT)).toEqual([]);
    expect(heard).toEqual(['messages', 'messages', 'messages', 'typing', 'typing']);
  });
});
