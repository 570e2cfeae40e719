import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email'),
    username: text('username').notNull(),
    name: text('name').notNull(),
    initials: text('initials').notNull(),
    avatarColor: text('avatar_color').notNull(),
    avatarUrl: text('avatar_url'),
    bio: text('bio'),
    phoneNumber: text('phone_number'),
    passwordHash: text('password_hash'),
    lastActive: ts('last_active'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_username_key').on(t.username),
    uniqueIndex('users_phone_key').on(t.phoneNumber),
  ],
);

/** One row per signed-in device; its refresh tokens form one rotation family. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: text('device_id').notNull(),
    deviceName: text('device_name'),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.deviceId)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    type: text('type', { enum: ['direct', 'group'] }).notNull(),
    /** "<smaller user id>:<larger user id>" for direct chats: one conversation per pair, even under races. */
    directKey: text('direct_key'),
    name: text('name'),
    icon: text('icon'),
    iconBg: text('icon_bg'),
    about: text('about'),
    visibility: text('visibility', { enum: ['public', 'private'] }),
    lastSeq: integer('last_seq').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    /** Last activity: creation or the newest message. */
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conversations_direct_key').on(t.directKey)],
);

export const members = pgTable(
  'members',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'admin', 'member'] }).notNull().default('member'),
    joinedAt: createdAt(),
    lastReadSeq: integer('last_read_seq').notNull().default(0),
    lastReadAt: ts('last_read_at'),
    lastDeliveredSeq: integer('last_delivered_seq').notNull().default(0),
    lastDeliveredAt: ts('last_delivered_at'),
    isMuted: boolean('is_muted').notNull().default(false),
    isArchived: boolean('is_archived').notNull().default(false),
    isPinned: boolean('is_pinned').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index('members_user_idx').on(t.userId)],
);

/**
 * The stretches of the event log during which a user could see a conversation's events.
 * Sync reads through these, so a user never receives what happened outside their membership.
 */
export const memberPeriods = pgTable(
  'member_periods',
  {
    conversationId: uuid('conversation_id').notNull(),
    userId: uuid('user_id').notNull(),
    fromEvent: bigint('from_event', { mode: 'number' }).notNull(),
    toEvent: bigint('to_event', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.conversationId, t.fromEvent] }),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    senderId: uuid('sender_id').notNull(),
    clientMessageId: text('client_message_id'),
    type: text('type', { enum: ['text', 'image', 'video', 'audio', 'file', 'system'] }).notNull(),
    text: text('text'),
    replyToId: uuid('reply_to_id'),
    encrypted: boolean('encrypted').notNull().default(false),
    editedAt: ts('edited_at'),
    deletedAt: ts('deleted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq').on(t.conversationId, t.seq),
    uniqueIndex('messages_client_id').on(t.conversationId, t.senderId, t.clientMessageId),
  ],
);

/**
 * The event log: every persistent change a client must see, appended in the transaction
 * that made it. `id` is dense and in commit order (allocated from `event_head` under its
 * row lock), so reading `id > cursor` never skips an event that commits later.
 * An event with `user_id` is for that user alone; otherwise it is for the conversation's members.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    conversationId: uuid('conversation_id'),
    userId: uuid('user_id'),
    messageId: uuid('message_id'),
    payload: jsonb('payload').notNull(),
    /** Socket id that caused it, so that socket is not sent its own change. */
    origin: text('origin'),
    createdAt: createdAt(),
  },
  (t) => [
    index('events_conversation_idx').on(t.conversationId, t.id),
    index('events_user_idx').on(t.userId, t.id),
    index('events_message_idx').on(t.messageId),
  ],
);

export const eventHead = pgTable('event_head', {
  id: integer('id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  /** Events with an id at or below this were pruned; older cursors must reload. */
  prunedThrough: bigint('pruned_through', { mode: 'number' }).notNull().default(0),
});


/** One reaction per user per message. */
export const reactions = pgTable(
  'reactions',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    emoji: text('emoji').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] })],
);

/** "Delete for me": the message stays for everyone else. */
export const hiddenMessages = pgTable(
  'hidden_messages',
  {
    userId: uuid('user_id').notNull(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.messageId] }), index('hidden_messages_message_idx').on(t.messageId)],
);

export const schema = {
  users,
  sessions,
  refreshTokens,
  conversations,
  members,
  memberPeriods,
  messages,
  events,
  eventHead,
  reactions,
  hiddenMessages,
};
