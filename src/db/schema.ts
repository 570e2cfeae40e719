import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export interface SystemInfo {
  action:
    | 'group_created'
    | 'member_added'
    | 'member_removed'
    | 'member_joined'
    | 'member_left'
    | 'group_renamed'
    | 'retention_changed'
    | 'message_pinned'
    | 'call_missed'
    | 'disappearing_changed';
  actorId: string;
  userId?: string;
  name?: string;
  /** `retention_changed`: the group's new message retention in days; null: the server's default again. */
  days?: number | null;
  /** `message_pinned`: the message that was pinned. */
  messageId?: string;
  /** `disappearing_changed`: the new timer in seconds; null: off. */
  seconds?: number | null;
}

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
    /** Set when the phone number was proven by OTP; only a verified number signs in or is found by contact sync. */
    phoneVerifiedAt: ts('phone_verified_at'),
    passwordHash: text('password_hash'),
    /** Set when the owner followed a verification link mailed to `email`; cleared when the email changes. */
    emailVerifiedAt: ts('email_verified_at'),
    /** What a push shows (every device): the sender and text ('full'), the sender only ('name'), neither ('none'). */
    pushPreviews: text('push_previews', { enum: ['full', 'name', 'none'] })
      .notNull()
      .default('full'),
    /** Privacy (src/features/users/privacy.ts): who sees the last-seen time and whether they are online; 'contacts': people who share a conversation. */
    privacyLastSeen: text('privacy_last_seen', { enum: ['everyone', 'contacts', 'nobody'] })
      .notNull()
      .default('contacts'),
    privacyOnline: text('privacy_online', { enum: ['everyone', 'contacts', 'nobody'] })
      .notNull()
      .default('contacts'),
    /** Off: nobody hears when they read, and they do not hear when others read (delivered still goes both ways). */
    privacyReadReceipts: boolean('privacy_read_receipts').notNull().default(true),
    /** Who may add them to a group directly; others send an invitation. */
    privacyGroupAdds: text('privacy_group_adds', { enum: ['everyone', 'contacts'] })
      .notNull()
      .default('everyone'),
    lastActive: ts('last_active'),
    /** Set when the account was deleted: the row stays as an anonymous tombstone (DELETE /users/me). */
    deletedAt: ts('deleted_at'),
    /** 'admin': may use the /admin routes (ADMIN_EMAILS, or `npm run admin -- promote EMAIL`). */
    role: text('role', { enum: ['user', 'admin'] })
      .notNull()
      .default('user'),
    /** Set while suspended (src/features/admin/suspension.ts): every sign-in is refused until lifted or `suspended_until` passes. */
    suspendedAt: ts('suspended_at'),
    /** The end of a timed suspension; null with `suspended_at`: until lifted. */
    suspendedUntil: ts('suspended_until'),
    suspensionReason: text('suspension_reason'),
    /** The admin who suspended them; null from the CLI. */
    suspendedBy: uuid('suspended_by'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_username_key').on(t.username),
    // Only a number proven by OTP belongs to one account; anyone may type any number into a profile
    // (unverified), so a taken number is never revealed to someone who has not proved they hold it.
    uniqueIndex('users_phone_key')
      .on(t.phoneNumber)
      .where(sql`${t.phoneVerifiedAt} is not null`),
    index('users_phone_idx').on(t.phoneNumber),
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
    /** Groups: 'joined' shows a member only the messages after they (last) joined; 'shared' the whole history. */
    historyVisibility: text('history_visibility', { enum: ['joined', 'shared'] })
      .notNull()
      .default('joined'),
    /** Groups: who may mention everyone (`mentions.all`): 'admins' (owners and admins) or 'members' (anyone). */
    mentionAll: text('mention_all', { enum: ['admins', 'members'] })
      .notNull()
      .default('admins'),
    /** Groups: who may pin messages: 'admins' (owners and admins) or 'members' (anyone); direct chats: both. */
    pinPermission: text('pin_permission', { enum: ['admins', 'members'] })
      .notNull()
      .default('admins'),
    /** Groups: who may post: 'admins' makes a broadcast group (BROADCAST_MAX_MEMBERS members; members react and read). */
    postPermission: text('post_permission', { enum: ['admins', 'members'] })
      .notNull()
      .default('members'),
    lastSeq: integer('last_seq').notNull().default(0),
    /** Groups: days a message is kept before the retention purge deletes it; null: MESSAGE_RETENTION_DAYS. */
    messageRetentionDays: integer('message_retention_days'),
    /** Every message with a seq at or below this was purged by retention (src/features/retention/). */
    purgedThroughSeq: integer('purged_through_seq').notNull().default(0),
    /** Disappearing messages: a message sent while set expires this many seconds after it was sent; null: off. */
    disappearAfterSeconds: integer('disappear_after_seconds'),
    createdBy: uuid('created_by'),
    /** Set on the default groups, so seeding them again on restart finds them. */
    seedKey: text('seed_key'),
    createdAt: createdAt(),
    /** Last activity: creation or the newest message. */
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_direct_key').on(t.directKey),
    uniqueIndex('conversations_seed_key').on(t.seedKey),
    index('conversations_public_idx').on(t.visibility, t.type),
  ],
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
    role: text('role', { enum: ['owner', 'admin', 'member'] })
      .notNull()
      .default('member'),
    joinedAt: createdAt(),
    /** The conversation's last seq when they (last) joined: with history 'joined' they read only later messages. */
    joinedSeq: integer('joined_seq').notNull().default(0),
    lastReadSeq: integer('last_read_seq').notNull().default(0),
    lastReadAt: ts('last_read_at'),
    lastDeliveredSeq: integer('last_delivered_seq').notNull().default(0),
    lastDeliveredAt: ts('last_delivered_at'),
    isMuted: boolean('is_muted').notNull().default(false),
    isArchived: boolean('is_archived').notNull().default(false),
    isPinned: boolean('is_pinned').notNull().default(false),
    /** Which messages notify them: 'all', only those that mention them ('mentions'), or 'none'. */
    notifications: text('notifications', { enum: ['all', 'mentions', 'none'] })
      .notNull()
      .default('all'),
    /** Muted until then (a timed mute); null when not. `is_muted` is the mute without an end. */
    mutedUntil: ts('muted_until'),
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
    /** The conversation's last seq when the period began (see members.joinedSeq). */
    fromSeq: integer('from_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conversationId, t.fromEvent] })],
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
    type: text('type', { enum: ['text', 'image', 'video', 'audio', 'file', 'system', 'poll'] }).notNull(),
    text: text('text'),
    replyToId: uuid('reply_to_id'),
    encrypted: boolean('encrypted').notNull().default(false),
    /** What a `system` message records (member added, group renamed…), for clients to render in their language. */
    system: jsonb('system').$type<SystemInfo>(),
    /** The members it mentions by id (`mentions.userIds`), and whether it mentions everyone (`mentions.all`). */
    mentionUserIds: uuid('mention_user_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    mentionsAll: boolean('mentions_all').notNull().default(false),
    /** Forwarded from another message (POST /messages/:id/forward): its text and media, not written by the sender. */
    forwarded: boolean('forwarded').notNull().default(false),
    /** A reply in the thread of this top-level message of the same conversation (src/features/threads). */
    threadRootId: uuid('thread_root_id'),
    editedAt: ts('edited_at'),
    deletedAt: ts('deleted_at'),
    /** Disappearing messages: when the sweep deletes it (read paths hide it from then on); null: never. */
    expiresAt: ts('expires_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq').on(t.conversationId, t.seq),
    uniqueIndex('messages_client_id').on(t.conversationId, t.senderId, t.clientMessageId),
    // Deleting a message for everyone finds the replies whose stored snippet quotes it.
    index('messages_reply_to_idx')
      .on(t.replyToId)
      .where(sql`reply_to_id is not null`),
    // unreadMentionCount reads the few mentioning messages after a watermark.
    index('messages_mentions_idx')
      .on(t.conversationId, t.seq)
      .where(sql`mentions_all or cardinality(mention_user_ids) > 0`),
    // The retention purge reads the oldest messages first.
    index('messages_created_idx').on(t.createdAt),
    // The disappearing sweep reads the messages due first.
    index('messages_expires_idx')
      .on(t.expiresAt)
      .where(sql`expires_at is not null`),
    // A thread's replies, paged by seq.
    index('messages_thread_idx')
      .on(t.threadRootId, t.seq)
      .where(sql`thread_root_id is not null`),
  ],
);

/**
 * Event ids: handed out by `nextval` with no lock held to commit, so they commit in any order and
 * rolled-back ones leave holes. Readers read only up to the horizon (src/events/horizon.ts).
 * minValue 0: a fresh database's sequence is set to 0 as called, so its last value is always set.
 */
export const eventsIdSeq = pgSequence('events_id_seq', { minValue: 0, startWith: 1 });

/**
 * The event log: every persistent change a client must see, appended in the transaction
 * that made it. `id` comes from `events_id_seq`: increasing in allocation order, not commit
 * order; reading `after < id <= horizon` never skips an event that commits later.
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
    /** Members its live emit leaves out: those who may not read the message it is about (sync filters them itself). */
    hiddenFrom: uuid('hidden_from').array(),
    createdAt: createdAt(),
  },
  (t) => [
    index('events_conversation_idx').on(t.conversationId, t.id),
    // Most events are a conversation's (user_id null): only a user's own events need this index.
    index('events_user_idx')
      .on(t.userId, t.id)
      .where(sql`user_id is not null`),
    index('events_message_idx').on(t.messageId),
    // A conversation's copy in a stored event carries its lastMessage: deleting that message for everyone finds them here.
    index('events_last_message_idx')
      .on(sql`(payload #>> '{conversation,lastMessage,id}')`)
      .where(sql`type in ('conversation:created', 'conversation:updated')`),
  ],
);

export const eventHead = pgTable('event_head', {
  id: integer('id').primaryKey(),
  /** Events with an id at or below this were pruned; older cursors must reload. */
  prunedThrough: bigint('pruned_through', { mode: 'number' }).notNull().default(0),
});

/**
 * How far each exporter of the event log has got (`amqp`: src/export/amqpExporter.ts). One node
 * at a time holds the row's lease (`owner` until `locked_until`) and alone moves `last_id`.
 */
export const eventExports = pgTable('event_exports', {
  name: text('name').primaryKey(),
  /** Every event with an id at or below this has been published and confirmed. */
  lastId: bigint('last_id', { mode: 'number' }).notNull().default(0),
  owner: text('owner'),
  lockedUntil: ts('locked_until'),
});

/** A background job that runs on one node at a time (`retention`: src/features/retention/): who holds it, until when. */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  owner: text('owner'),
  lockedUntil: ts('locked_until'),
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

/**
 * A thread's summary on its root (src/features/threads/summary.ts), rewritten in the transaction of every
 * reply and every reply deleted for everyone; it goes with the root.
 */
export const threadSummaries = pgTable('thread_summaries', {
  rootId: uuid('root_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  replyCount: integer('reply_count').notNull(),
  lastReplyId: uuid('last_reply_id'),
  lastReplyAt: ts('last_reply_at'),
  /** The repliers (and the root's sender), first come first, at most MAX_THREAD_PARTICIPANTS. */
  participantIds: uuid('participant_ids').array().notNull(),
});

/** The last reply of a thread each member has read (POST /messages/:id/thread/read); it goes with the root. */
export const threadReads = pgTable(
  'thread_reads',
  {
    rootId: uuid('root_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    lastReadSeq: integer('last_read_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootId, t.userId] })],
);

/** A poll message's question and options (src/features/polls); it goes with the message. */
export const polls = pgTable('polls', {
  messageId: uuid('message_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  question: text('question').notNull(),
  /** The options in order, each with its id (unique within the poll). */
  options: jsonb('options').$type<{ id: string; text: string }[]>().notNull(),
  multipleChoice: boolean('multiple_choice').notNull(),
  /** Who voted is never shown to anyone (the rows still say, so a vote can be replaced). */
  anonymous: boolean('anonymous').notNull(),
  closesAt: ts('closes_at'),
  closedAt: ts('closed_at'),
});

/** One vote (a set of option ids) per user per poll; replaced whole, gone when retracted. */
export const pollVotes = pgTable(
  'poll_votes',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => polls.messageId, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    optionIds: text('option_ids').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] }), index('poll_votes_user').on(t.userId)],
);

/** A conversation's pinned messages (src/features/messages/pins.ts); they go with the message. */
export const pins = pgTable(
  'pins',
  {
    messageId: uuid('message_id')
      .primaryKey()
      .references(() => messages.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').notNull(),
    pinnedBy: uuid('pinned_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('pins_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** A user's starred messages, private to them (src/features/messages/stars.ts); they go with the message. */
export const stars = pgTable(
  'stars',
  {
    userId: uuid('user_id').notNull(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.messageId] }), index('stars_user_idx').on(t.userId, t.createdAt)],
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

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    inviterId: uuid('inviter_id').notNull(),
    inviteeId: uuid('invitee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'revoked'] })
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
    respondedAt: ts('responded_at'),
  },
  (t) => [
    index('invitations_invitee_idx').on(t.inviteeId, t.status),
    index('invitations_conversation_idx').on(t.conversationId, t.inviteeId),
  ],
);

/** `blocker_id` blocked `blocked_id`. */
export const blocks = pgTable(
  'blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index('blocks_blocked_idx').on(t.blockedId)],
);

/** An upload. `attached_at` is set when a message first references it; uploads never attached are swept after MEDIA_ORPHAN_HOURS. */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['image', 'video', 'audio', 'file'] }).notNull(),
    /** The type of the stored bytes, sniffed (images: of the display variant). */
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    width: integer('width'),
    height: integer('height'),
    /** The uploader's file name, made safe, with the extension of the stored type. */
    name: text('name'),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    thumbnailSize: bigint('thumbnail_size', { mode: 'number' }),
    attachedAt: ts('attached_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('media_owner_idx').on(t.ownerId),
    index('media_unattached_idx')
      .on(t.createdAt)
      .where(sql`attached_at is null`),
  ],
);

/** Which media a message carries, in order. One upload may be attached to several messages (forwarding). */
export const messageMedia = pgTable(
  'message_media',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    mediaId: uuid('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.position] }), index('message_media_media_idx').on(t.mediaId)],
);

/** A resumable (tus 1.0) upload in progress; its bytes are in MEDIA_DIR/tus on the node that received them. */
export const tusUploads = pgTable(
  'tus_uploads',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    length: bigint('length', { mode: 'number' }).notNull(),
    offset: bigint('offset', { mode: 'number' }).notNull().default(0),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull(),
    /** Storage keys of the bytes received so far, in order (one object per PATCH); they add up to `offset`. */
    parts: jsonb('parts').$type<string[]>().notNull().default([]),
    /** The Media it became, once complete. */
    mediaId: uuid('media_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // The per-user upload quota counts a user's unfinished uploads on every creation.
  (t) => [
    index('tus_uploads_updated_idx').on(t.updatedAt),
    index('tus_uploads_pending_owner_idx')
      .on(t.ownerId)
      .where(sql`media_id is null`),
  ],
);

/** One pending sign-in code per phone number: hashed, expiring, its wrong tries counted. */
export const otpCodes = pgTable('otp_codes', {
  phoneNumber: text('phone_number').primaryKey(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: ts('expires_at').notNull(),
  /** When the code was sent: the next one may be requested OTP_COOLDOWN_SECONDS later. */
  sentAt: ts('sent_at').notNull().defaultNow(),
});

/** An account at another identity provider ('google', by its `sub`) that signs in as a Parley user. */
export const authIdentities = pgTable(
  'auth_identities',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('auth_identities_user_idx').on(t.userId)],
);

/** A user's published end-to-end encryption keys: the identity key and the current signed prekey (base64). */
export const userKeys = pgTable('user_keys', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  identityKey: text('identity_key').notNull(),
  signedPreKeyId: integer('signed_pre_key_id').notNull(),
  signedPreKey: text('signed_pre_key').notNull(),
  signedPreKeySignature: text('signed_pre_key_signature').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** One-time prekeys: claiming one deletes its row, so each is handed out once. */
export const oneTimePreKeys = pgTable(
  'one_time_pre_keys',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keyId: integer('key_id').notNull(),
    publicKey: text('public_key').notNull(),
  },
  (t) => [uniqueIndex('one_time_pre_keys_user_key').on(t.userId, t.keyId), index('one_time_pre_keys_claim_idx').on(t.userId, t.id)],
);

/** The generated access-token signing key, when JWT_PRIVATE_KEY is not configured: shared by every node. */
export const signingKeys = pgTable('signing_keys', {
  id: text('id').primaryKey(),
  privateKeyPem: text('private_key_pem').notNull(),
  createdAt: createdAt(),
});

/**
 * A device that gets push notifications while its user has no socket connected. It belongs to
 * the session that registered it: revoking the session deletes it (src/features/push/devices.ts).
 */
export const pushDevices = pgTable(
  'push_devices',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: ['webpush', 'fcm', 'apns', 'apns-voip'] }).notNull(),
    /** The Web Push endpoint URL, or the FCM / APNs token: one device per address. */
    address: text('address').notNull(),
    /** Web Push: the subscription's keys (base64url), for RFC 8291 encryption. */
    p256dh: text('p256dh'),
    auth: text('auth'),
    /** The newest event this device was sent a push for: a worker that restarts mid-batch skips what it sent. */
    lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('push_devices_address_key').on(t.platform, t.address),
    index('push_devices_user_idx').on(t.userId),
    index('push_devices_session_idx').on(t.sessionId),
  ],
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
  eventsIdSeq,
  eventHead,
  eventExports,
  reactions,
  hiddenMessages,
  invitations,
  blocks,
  media,
  messageMedia,
  tusUploads,
  otpCodes,
  authIdentities,
  userKeys,
  oneTimePreKeys,
  signingKeys,
  pushDevices,
};

/** A server API key of the app's backend (`npm run server-key -- create NAME`): only its SHA-256 is kept. */
export const serverKeys = pgTable(
  'server_keys',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: createdAt(),
    /** Kept to the minute (each node writes it at most once a minute per key): for `npm run server-key -- list`. */
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('server_keys_hash_key').on(t.keyHash)],
);

/** Single-use links mailed to a user (verify the email, reset the password): only the SHA-256 of the token is kept. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify_email', 'reset_password'] }).notNull(),
    /** The address the link was sent to: verifying it verifies this address only, not one changed since. */
    email: text('email').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);

/** Mail waiting to be delivered, written in the transaction that decided to send it; the sender loop delivers it. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When a sender may (next) take it: pushed ahead while one is sending it (a lease), and by the backoff after a failure. */
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null`),
    // Pruning sent mail past MAIL_OUTBOX_RETENTION_DAYS.
    index('mail_outbox_sent_idx')
      .on(t.sentAt)
      .where(sql`${t.sentAt} is not null`),
  ],
);

/**
 * A URL the app's backend asked to be sent events (POST /server/webhooks). Its position in the log
 * is the `event_exports` row `webhook:<id>`; the secret is kept as issued (the server signs with it).
 */
export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey(),
  url: text('url').notNull(),
  /** Stored event types it is sent, or `['*']` for all. */
  events: text('events').array().notNull(),
  /** `whsec_` + base64 of the signing key (Standard Webhooks). */
  secret: text('secret').notNull(),
  createdByKeyId: uuid('created_by_key_id').references(() => serverKeys.id, { onDelete: 'set null' }),
  createdByKeyName: text('created_by_key_name').notNull(),
  createdAt: createdAt(),
  /** Since when every attempt failed (cleared by a delivery that succeeds). */
  failingSince: ts('failing_since'),
  lastError: text('last_error'),
  /** Set when it failed for WEBHOOK_DISABLE_AFTER_MINUTES or was turned off: nothing is sent until it is enabled again. */
  disabledAt: ts('disabled_at'),
  disabledReason: text('disabled_reason'),
});

/**
 * A member's report of a message or a user, for the admins. `snapshot` keeps what was reported (the
 * message's text and media ids, its sender, the user's name) so it survives the message's deletion.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    reporterId: uuid('reporter_id').notNull(),
    messageId: uuid('message_id'),
    /** The reported user: the one named, or the sender of the reported message. */
    userId: uuid('user_id'),
    reason: text('reason', { enum: ['spam', 'abuse', 'illegal', 'other'] }).notNull(),
    note: text('note'),
    snapshot: jsonb('snapshot').$type<ReportSnapshot>().notNull(),
    status: text('status', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    resolvedAt: ts('resolved_at'),
    resolvedBy: uuid('resolved_by'),
    action: text('action', { enum: ['dismiss', 'delete_message', 'suspend_user'] }),
    resolutionNote: text('resolution_note'),
    createdAt: createdAt(),
  },
  (t) => [index('reports_status_idx').on(t.status, t.createdAt, t.id)],
);

export interface ReportSnapshot {
  message: { id: string; conversationId: string; senderId: string; text: string | null; mediaIds: string[]; createdAt: string } | null;
  user: { id: string; name: string; username: string } | null;
}

/**
 * Admin actions and security events (sign-ins, revocations, role changes, suspensions…), each
 * written in the transaction of the change it records (src/features/admin/audit.ts). Pruned after
 * AUDIT_LOG_RETENTION_DAYS.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    /** Who did it: a user (an admin, or the user themselves); null for the system (ADMIN_EMAILS, the CLI, a failed sign-in). */
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    at: ts('at').notNull().defaultNow(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_target_idx').on(t.targetId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);

/**
 * Call signalling (src/features/calls): one row per call in a direct chat, so a call's outcome
 * survives a restart and every node agrees on it (ringing until `ring_until`, then missed; busy is
 * another live row of either person). The sockets let ICE reach the one device in the call.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    callerId: uuid('caller_id').notNull(),
    calleeId: uuid('callee_id').notNull(),
    media: text('media').$type<'audio' | 'video'>().notNull(),
    /** ringing → active → ended; ringing → ended (declined, cancelled, missed). */
    status: text('status').$type<'ringing' | 'active' | 'ended'>().notNull(),
    endReason: text('end_reason').$type<'hangup' | 'declined' | 'cancelled' | 'missed' | 'disconnected'>(),
    callerSocket: text('caller_socket').notNull(),
    calleeSocket: text('callee_socket'),
    createdAt: createdAt(),
    ringUntil: ts('ring_until').notNull(),
    answeredAt: ts('answered_at'),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('calls_live_caller_idx')
      .on(t.callerId)
      .where(sql`status <> 'ended'`),
    index('calls_live_callee_idx')
      .on(t.calleeId)
      .where(sql`status <> 'ended'`),
    index('calls_ringing_idx')
      .on(t.ringUntil)
      .where(sql`status = 'ringing'`),
  ],
);

/** PostgreSQL's full-text document type (drizzle has none built in). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The full-text index of message text (`GET /messages/search`), written by the search indexer
 * (src/features/messages/searchIndexer.ts) from the event log, not by the send: a row per message
 * with text that is neither deleted nor encrypted; it goes with its message by the cascade.
 */
export const messageSearch = pgTable(
  'message_search',
  {
    messageId: uuid('message_id')
      .primaryKey()
      .references(() => messages.id, { onDelete: 'cascade' }),
    tsv: tsvector('tsv').notNull(),
  },
  // Batches go through GIN's pending list, merged in bulk; kept small (256 kB) so that one merge stays a few ms (0036).
  (t) => [index('message_search_tsv_idx').using('gin', t.tsv).with({ fastupdate: true, gin_pending_list_limit: 256 })],
);

/**
 * A message's link preview (src/features/linkPreviews): what the sender's server found at the first
 * http(s) URL of its text, fetched once. `found` false: nothing usable there (not shown, not fetched again
 * for the same URL). The image is a media item Parley serves, so recipients never contact the site.
 */
export const linkPreviews = pgTable('link_previews', {
  messageId: uuid('message_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  found: boolean('found').notNull(),
  title: text('title'),
  description: text('description'),
  siteName: text('site_name'),
  imageMediaId: uuid('image_media_id').references(() => media.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});
