import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { idParams } from '../../lib/validation.js';
import { secured } from '../auth/authenticate.js';
import { success } from '../auth/schemas.js';
import { backupArchive } from '../backup/archive.js';
import { audit } from './audit.js';
import { exportAuditLog, listAuditLog } from './auditLog.js';
import { authenticateAdmin } from './authenticateAdmin.js';
import { deleteMessageAsAdmin } from './deleteMessageAsAdmin.js';
import { listReports } from './reports.js';
import { resolveReport } from './resolveReport.js';
import {
  adminUserResponse,
  auditFilters,
  auditListQuery,
  auditPage,
  reportListQuery,
  reportPage,
  reportResponse,
  resolveReportBody,
  statsResponse,
  suspendBody,
} from './schemas.js';
import { adminStats } from './stats.js';
import { suspendUser, unsuspendUser } from './suspension.js';
import { adminUserDetails } from './userDetails.js';

const tags = ['admin'];
const adminsOnly = 'Admins only: for anyone else (signed in or not) this route does not exist (404 `route.not_found`).';
/** Every admin route's own problem: the 404 everyone else gets. */
const hidden = problems('route.not_found');

/** The /admin routes: reports, suspensions, message removal, the audit log and stats, for admins only. */
export const adminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', authenticateAdmin(ctx));
  await app.register(reportAdminRoutes, { ctx });
  await app.register(userAdminRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(backupRoutes, { ctx });
};

const backupRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/backup',
    {
      schema: {
        operationId: 'downloadBackup',
        summary: 'Download a backup (PGlite deployments)',
        description:
          'A zip of one consistent snapshot of the PGlite database, taken while the server serves, then every stored object ' +
          'it refers to (media, thumbnails, avatars), streamed; restore it with `npm run admin -- restore FILE --data-dir DIR` ' +
          '(docs/operations.md, Backup and restore). The snapshot is held in memory while it is sent. On PostgreSQL: 409 ' +
          `\`backup.use_pg_dump\`. ${adminsOnly}`,
        tags,
        ...secured,
        response: {
          200: {
            description: 'The backup.',
            headers: { 'Content-Disposition': { type: 'string', description: '`attachment; filename="parley-backup-<time>.zip"`.' } },
            content: { 'application/zip': { schema: z.file().meta({ description: 'A zip archive.' }) } },
          },
          ...problems('backup.use_pg_dump', 'route.not_found'),
        },
      },
    },
    async (req, reply) => {
      const archive = await backupArchive(ctx);
      await ctx.run((tx) => audit(tx, { actorId: req.auth.userId, action: 'backup.downloaded', targetType: 'server', targetId: null }));
      return sendBackup(reply, archive);
    },
  );
};

/** The backup as a download named for this moment. */
function sendBackup(reply: FastifyReply, archive: Readable): FastifyReply {
  const at = new Date().toISOString().replace(/[:.]/g, '-');
  return reply
    .type('application/zip')
    .header('Content-Disposition', `attachment; filename="parley-backup-${at}.zip"`)
    .header('Cache-Control', 'no-store')
    .send(archive);
}

const reportAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/reports',
    {
      schema: {
        operationId: 'listReports',
        summary: 'List reports',
        description: `Reports of one \`status\` (default \`open\`), newest first, paged with \`nextCursor\`. ${adminsOnly}`,
        tags,
        ...secured,
        querystring: reportListQuery,
        response: { 200: reportPage, ...hidden },
      },
    },
    async (req) => listReports(ctx, req.query),
  );

  app.post(
    '/admin/reports/:id/resolve',
    {
      schema: {
        operationId: 'resolveReport',
        summary: 'Resolve a report',
        description:
          '`dismiss`; `delete_message` deletes the reported message for everyone; `suspend_user` suspends the reported user ' +
          '(`note` is the reason, `until` optional), closing their sessions and sockets. The action and the resolution ' +
          'commit together. A resolved report is 409 `report.already_resolved`; an action the report has no target for is ' +
          `422 \`report.action_invalid\`. ${adminsOnly}`,
        tags,
        ...secured,
        params: idParams,
        body: resolveReportBody,
        response: {
          200: reportResponse,
          ...problems(
            'route.not_found',
            'report.not_found',
            'message.not_found',
            'user.not_found',
            'report.already_resolved',
            'report.action_invalid',
            'forbidden',
          ),
        },
      },
    },
    async (req) => ({ report: await resolveReport(ctx, req.auth.userId, req.params.id, req.body) }),
  );

  app.delete(
    '/admin/messages/:id',
    {
      schema: {
        operationId: 'deleteMessageAsAdmin',
        summary: 'Delete a message for everyone',
        description:
          'In any conversation, as its sender deleting it for everyone would: its members see the tombstone and hear ' +
          `\`message:deleted\`. A message already deleted stays as it is. ${adminsOnly}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('route.not_found', 'message.not_found') },
      },
    },
    async (req) => {
      await deleteMessageAsAdmin(ctx, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );
};

const userAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/users/:id',
    {
      schema: {
        operationId: 'getUserAsAdmin',
        summary: 'An account, as the admin screen shows it',
        description: `Profile (with email and phone), role, suspension, live sessions and the newest audit entries. ${adminsOnly}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: adminUserResponse, ...problems('route.not_found', 'user.not_found') },
      },
    },
    async (req) => adminUserDetails(ctx, req.params.id),
  );

  app.post(
    '/admin/users/:id/suspend',
    {
      schema: {
        operationId: 'suspendUser',
        summary: 'Suspend a user',
        description:
          'Every session of theirs ends (tokens refused, sockets closed on every node) and every sign-in (password, code, ' +
          'ID token, refresh, server-minted) is 403 `auth.suspended` until lifted or `until` passes. Their messages stay. ' +
          `Suspending again replaces the reason and end. You cannot suspend yourself (403 \`forbidden\`). ${adminsOnly}`,
        tags,
        ...secured,
        params: idParams,
        body: suspendBody,
        response: { 200: success, ...problems('route.not_found', 'user.not_found', 'forbidden') },
      },
    },
    async (req) => {
      await suspendUser(ctx, req.auth.userId, req.params.id, {
        reason: req.body.reason,
        until: req.body.until ? new Date(req.body.until) : undefined,
      });
      return { success: true as const };
    },
  );

  app.delete(
    '/admin/users/:id/suspend',
    {
      schema: {
        operationId: 'unsuspendUser',
        summary: 'Lift a suspension',
        description: `The user may sign in again (their old sessions stay ended). No suspension: nothing changes. ${adminsOnly}`,
        tags,
        ...secured,
        params: idParams,
        response: { 200: success, ...problems('route.not_found', 'user.not_found') },
      },
    },
    async (req) => {
      await unsuspendUser(ctx, req.auth.userId, req.params.id);
      return { success: true as const };
    },
  );

  app.get(
    '/admin/stats',
    {
      schema: {
        operationId: 'getAdminStats',
        summary: 'Counts for the admin screen',
        description:
          'Users, messages per day (the last 7 UTC days), connected sockets (on every node with Redis, `scope` says which) ' +
          `and the storage media take. ${adminsOnly}`,
        tags,
        ...secured,
        response: { 200: statsResponse, ...hidden },
      },
    },
    async () => adminStats(ctx),
  );
};

const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/audit-log',
    {
      schema: {
        operationId: 'listAuditLog',
        summary: 'The audit log',
        description:
          'Admin actions and security events (sign-ins and failures, sessions revoked, password resets and changes, role ' +
          'changes, suspensions, server keys, deleted accounts), newest first, paged; filter by `actorId`, `targetId`, ' +
          `\`action\`. Kept AUDIT_LOG_RETENTION_DAYS. ${adminsOnly}`,
        tags,
        ...secured,
        querystring: auditListQuery,
        response: { 200: auditPage, ...hidden },
      },
    },
    async (req) => listAuditLog(ctx.db, req.query),
  );

  app.get(
    '/admin/audit-log/export',
    {
      schema: {
        operationId: 'exportAuditLog',
        summary: 'Export the audit log as NDJSON',
        description: `Every entry matching the filters, oldest first, one JSON object (an AuditEntry) per line, streamed. ${adminsOnly}`,
        tags,
        ...secured,
        querystring: auditFilters,
        response: {
          200: {
            description: 'One AuditEntry per line.',
            headers: { 'Content-Disposition': { type: 'string', description: '`attachment; filename="parley-audit-<date>.ndjson"`.' } },
            content: { 'application/x-ndjson': { schema: z.string().meta({ description: 'Newline-delimited JSON.' }) } },
          },
          ...hidden,
        },
      },
    },
    async (req, reply) => sendNdjson(reply, exportAuditLog(ctx.db, req.query)),
  );
};

/** Streams the lines as an NDJSON download. */
function sendNdjson(reply: FastifyReply, lines: AsyncIterable<string>): FastifyReply {
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .type('application/x-ndjson')
    .header('content-disposition', `attachment; filename="parley-audit-${day}.ndjson"`)
    .send(Readable.from(lines));
}
