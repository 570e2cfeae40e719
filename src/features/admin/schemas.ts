import { plainText, userSchema, uuid } from '@parley/protocol';
import { z } from 'zod';
import { limitParam } from '../../lib/validation.js';
import { auditActions } from './audit.js';

export const reportReasons = ['spam', 'abuse', 'illegal', 'other'] as const;
export const reportActions = ['dismiss', 'delete_message', 'suspend_user'] as const;

const note = plainText(1000).pipe(z.string().min(1));
const iso = z.string().meta({ description: 'ISO 8601.' });
const cursor = z.string().max(300).optional().meta({ description: 'The `nextCursor` of the previous page.' });
/** A time in the future, ISO 8601 with an offset (`2026-12-31T00:00:00Z`). */
const until = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601; the suspension ends by itself then.', example: '2026-12-31T00:00:00Z' });

export const createReportBody = z
  .object({
    messageId: uuid.optional().meta({ description: 'A message you can see.' }),
    userId: uuid.optional().meta({ description: 'A user; with `messageId`, it must be its sender.' }),
    reason: z.enum(reportReasons),
    note: note.optional(),
  })
  .strict();

export const reportSchema = z
  .object({
    id: z.uuid(),
    reporterId: z.uuid(),
    messageId: z.uuid().nullable(),
    userId: z.uuid().nullable().meta({ description: 'The reported user: the one named, or the sender of the message.' }),
    reason: z.enum(reportReasons),
    note: z.string().nullable(),
    status: z.enum(['open', 'resolved']),
    snapshot: z
      .object({
        message: z
          .object({
            id: z.uuid(),
            conversationId: z.uuid(),
            senderId: z.uuid(),
            text: z.string().nullable(),
            mediaIds: z.array(z.uuid()),
            createdAt: iso,
          })
          .nullable(),
        user: z.object({ id: z.uuid(), name: z.string(), username: z.string() }).nullable(),
      })
      .meta({ description: 'What was reported, as it was when reported: it stays when the message is deleted.' }),
    createdAt: iso,
    resolvedAt: iso.nullable(),
    resolvedBy: z.uuid().nullable(),
    action: z.enum(reportActions).nullable(),
    resolutionNote: z.string().nullable(),
  })
  .meta({ id: 'Report' });

export const reportResponse = z.object({ report: reportSchema });

export const reportListQuery = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  limit: limitParam,
  cursor,
});

export const reportPage = z.object({ reports: z.array(reportSchema), nextCursor: z.string().nullable(), hasMore: z.boolean() });

export const resolveReportBody = z
  .object({
    action: z.enum(reportActions),
    note: note.optional().meta({ description: 'Kept with the report; with `suspend_user`, the suspension’s reason.' }),
    until: until.optional().meta({ description: '`suspend_user` only: when the suspension ends (default: until lifted).' }),
  })
  .strict();

export const suspendBody = z.object({ until: until.optional(), reason: note }).strict();

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    actorId: z.uuid().nullable().meta({ description: 'Who did it; null for the system (ADMIN_EMAILS, the CLI, a failed sign-in).' }),
    action: z.enum(auditActions),
    targetType: z.enum(['user', 'session', 'message', 'report', 'server_key']),
    targetId: z.string().nullable(),
    at: iso,
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export const auditFilters = z.object({
  actorId: uuid.optional(),
  targetId: plainText(100).optional(),
  action: z.enum(auditActions).optional(),
});

export const auditListQuery = auditFilters.extend({ limit: limitParam, cursor });

export const auditPage = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable(), hasMore: z.boolean() });

export const suspensionSchema = z
  .object({ since: iso, until: iso.nullable(), reason: z.string().nullable(), by: z.uuid().nullable() })
  .meta({ id: 'Suspension' });

export const adminUserResponse = z.object({
  user: userSchema,
  role: z.enum(['user', 'admin']),
  suspension: suspensionSchema.nullable().meta({ description: 'Null when not suspended (or a timed suspension has ended).' }),
  sessions: z.array(z.object({ id: z.uuid(), deviceId: z.string(), deviceName: z.string().nullable(), createdAt: iso, lastUsedAt: iso })),
  auditEntries: z.array(auditEntrySchema).meta({ description: 'The newest 20 entries by, about or for this user.' }),
});

export const statsResponse = z.object({
  users: z.object({
    total: z.number().int().meta({ description: 'Accounts, deleted ones left out.' }),
    admins: z.number().int(),
    suspended: z.number().int(),
    deleted: z.number().int(),
  }),
  messagesPerDay: z
    .array(z.object({ day: z.string().meta({ example: '2026-12-01' }), count: z.number().int() }))
    .meta({ description: 'The last 7 UTC days, oldest first, today last (system messages left out).' }),
  sockets: z.object({
    connected: z.number().int(),
    scope: z.enum(['cluster', 'node']).meta({ description: "'cluster': every node (through Redis); 'node': this node only." }),
  }),
  storage: z.object({
    mediaCount: z.number().int(),
    bytes: z.number().int().meta({ description: 'Stored media and thumbnails, in bytes.' }),
  }),
});
