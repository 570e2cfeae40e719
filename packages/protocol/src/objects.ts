import { z } from 'zod';

/** The objects the API carries, over REST and the socket alike. Each is a named schema (OpenAPI/AsyncAPI component). */

const audience = z.enum(['everyone', 'contacts', 'nobody']);

/** Who sees what of you; 'contacts' are the people you share a conversation with (no block either way). */
export const privacySettingsSchema = z
  .object({
    lastSeen: audience.meta({ description: 'Who sees your `lastActive` (GET /users/:id, search, presence:query, user:offline).' }),
    online: audience.meta({ description: 'Who sees `isOnline: true` and hears `user:online` / `user:offline` about you.' }),
    readReceipts: z.boolean().meta({
      description:
        "Off: nobody hears `message:status` 'read' about you, you hear none about others, and your messages' `status` stops at 'delivered'.",
    }),
    groupAdds: z.enum(['everyone', 'contacts']).meta({
      description: 'Who may add you to a group directly; anyone else gets group.add_forbidden and may send an invitation.',
    }),
  })
  .meta({ id: 'PrivacySettings' });

export const userSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    username: z.string(),
    initials: z.string(),
    avatarColor: z.string(),
    avatarUrl: z.string().nullable(),
    bio: z.string().nullable(),
    isOnline: z.boolean(),
    lastActive: z.string().nullable(),
    createdAt: z.string(),
    email: z.string().nullable().optional().meta({ description: 'Your own profile only.' }),
    phoneNumber: z.string().nullable().optional().meta({ description: 'Your own profile only.' }),
    phoneVerified: z
      .boolean()
      .optional()
      .meta({ description: 'Your own profile only: whether `phoneNumber` was proven by a code (only then does it sign in or match).' }),
    emailVerified: z
      .boolean()
      .optional()
      .meta({ description: 'Your own profile only: whether `email` was proven by following a mailed link (POST /auth/email/verify).' }),
    storageUsed: z
      .number()
      .int()
      .optional()
      .meta({
        description:
          'Your own profile only: bytes counted against your storage quota: your stored media (with thumbnails) and the full ' +
          '`Upload-Length` of your unfinished tus uploads. Avatars do not count.',
      }),
    storageQuota: z
      .number()
      .int()
      .nullable()
      .optional()
      .meta({ description: 'Your own profile only: your storage quota in bytes (MEDIA_QUOTA_BYTES_PER_USER); null: no quota.' }),
    role: z
      .enum(['user', 'admin'])
      .optional()
      .meta({ description: "Your own profile only: 'admin' may use the /admin routes (docs/operations.md, Moderation)." }),
    privacy: privacySettingsSchema
      .optional()
      .meta({ description: 'Your own profile only: your privacy settings (GET /users/me/privacy).' }),
  })
  .meta({ id: 'User' });

export const mediaSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['image', 'video', 'audio', 'file']),
    mimeType: z.string(),
    size: z.number(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    name: z.string().nullable().meta({ description: "The uploader's file name (made safe), or null." }),
    url: z.string(),
    thumbnailUrl: z.string().nullable(),
  })
  .meta({ id: 'Media' });

export const systemInfoSchema = z
  .object({
    action: z.enum([
      'group_created',
      'member_added',
      'member_removed',
      'member_joined',
      'member_left',
      'group_renamed',
      'retention_changed',
      'message_pinned',
      'call_missed',
      'disappearing_changed',
    ]),
    actorId: z.uuid(),
    userId: z.uuid().optional(),
    name: z.string().optional(),
    days: z.number().int().nullable().optional().meta({
      description: "`retention_changed`: the group's new `messageRetentionDays`; null: the server's default again.",
    }),
    messageId: z.uuid().optional().meta({ description: '`message_pinned`: the message that was pinned.' }),
    seconds: z.number().int().nullable().optional().meta({
      description: '`disappearing_changed`: the new `disappearAfterSeconds`; null: disappearing messages off.',
    }),
  })
  .meta({ description: "For `type: 'system'`: what happened, so clients can render it in their own language." });

export const callMediaSchema = z.enum(['audio', 'video']);
export const callEndReasonSchema = z.enum(['hangup', 'declined', 'cancelled', 'missed', 'disconnected']).meta({
  description:
    'hangup: either ended an answered call; declined: the callee refused it; cancelled: the caller gave up while it rang; ' +
    'missed: nobody answered within CALL_RING_TIMEOUT_SECONDS; disconnected: a device in the call lost its connection.',
});

/** A call in a direct chat (signalling only: the media flows between the devices, WebRTC). */
export const callSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    callerId: z.uuid(),
    calleeId: z.uuid(),
    media: callMediaSchema,
    status: z.enum(['ringing', 'active', 'ended']),
    endReason: callEndReasonSchema.nullable(),
    createdAt: z.string(),
    ringUntil: z.string().meta({ description: 'When an unanswered call becomes missed: a device that learns of it later does not ring.' }),
    answeredAt: z.string().nullable(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'Call' });

export const reactionSchema = z.object({ emoji: z.string(), userId: z.uuid() }).meta({ id: 'Reaction' });

export const mentionsSchema = z
  .object({
    userIds: z.array(z.uuid()).meta({ description: 'The members mentioned by id.' }),
    all: z.boolean().meta({ description: 'Whether everyone in the conversation is mentioned (`@all`).' }),
  })
  .meta({ id: 'Mentions', description: 'Who a message mentions; empty (`{userIds: [], all: false}`) when no one.' });

/** Most participants a thread summary lists (the first to take part). */
export const MAX_THREAD_PARTICIPANTS = 10;

export const threadSummarySchema = z
  .object({
    replyCount: z.number().int().meta({ description: 'Replies not deleted for everyone.' }),
    lastReplyId: z.uuid().nullable(),
    lastReplyAt: z.string().nullable(),
    participantIds: z.array(z.uuid()).meta({ description: `Who replied, first come first, at most ${MAX_THREAD_PARTICIPANTS}.` }),
  })
  .meta({ id: 'ThreadSummary', description: 'The thread under a top-level message.' });
export const linkPreviewSchema = z
  .object({
    url: z.string().meta({ description: 'The URL of the text it previews (the first http(s) one).' }),
    title: z.string().nullable(),
    description: z.string().nullable(),
    siteName: z.string().nullable(),
    image: z
      .object({
        mediaId: z.uuid(),
        url: z.string().meta({ description: "Parley's media URL for it (GET, with the bearer token): recipients never contact the site." }),
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
      })
      .nullable(),
  })
  .meta({
    id: 'LinkPreview',
    description: "What the sender's server found at the message's first link, fetched once after it was sent (not for encrypted messages).",
  });
export const pollSchema = z
  .object({
    question: z.string(),
    options: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        votes: z.number().int().meta({ description: 'How many voters chose it.' }),
        voterIds: z
          .array(z.uuid())
          .optional()
          .meta({ description: 'Who chose it; absent in an anonymous poll (no one learns who voted).' }),
      }),
    ),
    multipleChoice: z.boolean(),
    anonymous: z.boolean(),
    closesAt: z.string().nullable().meta({ description: 'When it closes by itself; null: only when closed.' }),
    closedAt: z.string().nullable().meta({ description: 'When it was closed by its author or an admin.' }),
    closed: z.boolean().meta({ description: 'No more votes: closed, or closesAt has passed.' }),
    voterCount: z.number().int().meta({ description: 'How many members voted.' }),
  })
  .meta({ id: 'Poll', description: 'A poll message (type "poll"): its options with live counts.' });

export const messageSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    seq: z.number().int().meta({ description: 'Position in the conversation: no gaps, no reordering.' }),
    senderId: z.uuid(),
    clientMessageId: z.string().nullable(),
    type: z.enum(['text', 'image', 'video', 'audio', 'file', 'system', 'poll']),
    text: z.string().nullable(),
    media: z.array(mediaSchema),
    poll: pollSchema.optional().meta({ description: 'Poll messages only (gone once deleted for everyone).' }),
    replyTo: z.object({ id: z.uuid(), seq: z.number(), senderId: z.uuid(), text: z.string().nullable() }).nullable(),
    reactions: z.array(reactionSchema),
    status: z.enum(['sent', 'delivered', 'read']),
    encrypted: z.boolean(),
    system: systemInfoSchema.nullable(),
    mentions: mentionsSchema,
    forwarded: z.boolean().meta({ description: 'Forwarded from another message (its text and media), not written by the sender.' }),
    threadRootId: z.uuid().nullable().meta({ description: 'A reply in the thread of this message; null for a top-level message.' }),
    thread: threadSummarySchema.nullable().meta({ description: 'On a top-level message that has been replied to in a thread.' }),
    linkPreview: linkPreviewSchema
      .nullable()
      .meta({ description: 'null until (and unless) the preview was fetched; it arrives as `message:updated`.' }),
    editedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
    expiresAt: z.string().nullable().meta({
      description: 'Disappearing messages: when it disappears for everyone (sent while the timer was on); null: never.',
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'Message' });

export const pinSchema = z
  .object({
    message: messageSchema,
    pinnedBy: z.uuid().meta({ description: 'Who pinned it.' }),
    pinnedAt: z.string(),
  })
  .meta({ id: 'Pin', description: 'A pinned message of a conversation.' });

export const starSchema = z
  .object({ message: messageSchema, starredAt: z.string() })
  .meta({ id: 'Star', description: 'A message you starred (private to you).' });

export const forwardResultSchema = z
  .union([
    z.object({ conversationId: z.uuid(), message: messageSchema }),
    z.object({
      conversationId: z.uuid(),
      error: z.object({ code: z.string(), message: z.string() }).meta({
        description:
          'Why this target was refused, with the code its own send would have had: `conversation.not_found`, `user.blocked`, ' +
          '`message.media_invalid`, `rate_limited`.',
      }),
    }),
  ])
  .meta({ id: 'ForwardResult', description: 'One target of a forward: the new message, or the error of that target alone.' });

export const roleSchema = z.enum(['owner', 'admin', 'member']);

export const conversationSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(['direct', 'group']),
    name: z.string().nullable(),
    icon: z.string().nullable(),
    iconBg: z.string().nullable(),
    about: z.string().nullable(),
    visibility: z.enum(['public', 'private']).nullable().meta({ description: 'Groups; null for direct chats.' }),
    historyVisibility: z.enum(['joined', 'shared']).nullable().meta({
      description: "Groups: whether members read messages from before they joined ('shared') or not ('joined'); null for direct chats.",
    }),
    mentionAll: z.enum(['admins', 'members']).nullable().meta({
      description: "Groups: who may mention everyone (`mentions.all`): owners and admins ('admins') or any member; null for direct chats.",
    }),
    pinPermission: z.enum(['admins', 'members']).nullable().meta({
      description: "Groups: who may pin and unpin messages: owners and admins ('admins') or any member; null for direct chats (both may).",
    }),
    postPermission: z
      .enum(['admins', 'members'])
      .nullable()
      .meta({
        description:
          "Groups: who may post: owners and admins only ('admins': a broadcast group, up to BROADCAST_MAX_MEMBERS members, whose " +
          'members react and read) or every member; null for direct chats.',
      }),
    lastSeq: z.number().int(),
    messageRetentionDays: z
      .number()
      .int()
      .nullable()
      .meta({
        description:
          "Groups: days a message is kept before it is purged, the group's own setting; null: the server's default (MESSAGE_RETENTION_DAYS, " +
          'which may be none) and always for direct chats.',
      }),
    purgedThroughSeq: z.number().int().meta({
      description: 'Every message with a seq at or below this was purged by retention (0: none); history, search and sync start after it.',
    }),
    disappearAfterSeconds: z.number().int().nullable().meta({
      description:
        'Disappearing messages: messages sent from now on disappear this many seconds after they were sent (60..7776000); null: off.',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    otherUser: userSchema.nullable().meta({ description: 'Direct chats: the other person.' }),
    lastMessage: messageSchema.nullable(),
    unreadCount: z.number().int(),
    unreadMentionCount: z.number().int().meta({
      description: 'Messages after your read watermark that mention you (by id or `all`), not your own nor deleted ones.',
    }),
    lastReadSeq: z.number().int(),
    isMuted: z.boolean().meta({
      description: 'Muted now: muted without an end (`isMuted: true` in the settings) or until `mutedUntil`. Silences every notification.',
    }),
    mutedUntil: z.string().nullable().meta({ description: 'A timed mute: muted until then (ISO 8601); null when not (or it has passed).' }),
    notifications: z.enum(['all', 'mentions', 'none']).meta({
      description: "Which messages notify you: all, only those mentioning you ('mentions'), or none.",
    }),
    isArchived: z.boolean(),
    isPinned: z.boolean(),
    role: roleSchema.nullable().meta({ description: "Groups: the caller's role; null for direct chats." }),
  })
  .meta({ id: 'Conversation' });

/** What anyone who can see a group (members, or anyone for a public group) may know of it. */
export const groupSummarySchema = conversationSchema
  .pick({
    id: true,
    name: true,
    icon: true,
    iconBg: true,
    about: true,
    visibility: true,
    historyVisibility: true,
    mentionAll: true,
    pinPermission: true,
    postPermission: true,
    lastSeq: true,
    messageRetentionDays: true,
    purgedThroughSeq: true,
    disappearAfterSeconds: true,
    createdAt: true,
    updatedAt: true,
  })
  .extend({ type: z.literal('group'), memberCount: z.number().int() })
  .meta({ id: 'GroupSummary' });

export const memberSchema = z.object({ user: userSchema, role: roleSchema, joinedAt: z.string() }).meta({ id: 'Member' });

export const invitationSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    group: groupSummarySchema,
    inviter: userSchema,
    status: z.enum(['pending', 'accepted', 'declined', 'revoked']),
    createdAt: z.string(),
  })
  .meta({ id: 'Invitation' });

export type User = z.infer<typeof userSchema>;
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;
export type Media = z.infer<typeof mediaSchema>;
export type Message = z.infer<typeof messageSchema>;
export type LinkPreview = z.infer<typeof linkPreviewSchema>;
export type Pin = z.infer<typeof pinSchema>;
export type Star = z.infer<typeof starSchema>;
export type ForwardResult = z.infer<typeof forwardResultSchema>;
export type Reaction = z.infer<typeof reactionSchema>;
export type Poll = z.infer<typeof pollSchema>;
export type Call = z.infer<typeof callSchema>;
export type Mentions = z.infer<typeof mentionsSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type Member = z.infer<typeof memberSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
