import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { problems } from '../../lib/apiDocs.js';
import { authenticate, secured } from '../auth/authenticate.js';
import { rateLimit } from '../limits/rateLimits.js';
import { createReport } from './reports.js';
import { createReportBody, reportResponse } from './schemas.js';

/** POST /reports: any member tells the admins about a message or a user. */
export const reportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/reports',
    {
      onRequest: authenticate(ctx),
      preHandler: rateLimit(ctx, 'reports'),
      schema: {
        operationId: 'createReport',
        summary: 'Report a message or a user',
        description:
          'A `messageId` you can see (else 404 `message.not_found`) or a `userId`; with neither, 400 `report.target_required`. ' +
          'The reported content (text, media ids, sender, conversation; the user’s name and username) is kept with the report, ' +
          'so it stays after the message is deleted. Reports are rate-limited per user.',
        tags: ['reports'],
        ...secured,
        body: createReportBody,
        response: { 201: reportResponse, ...problems('report.target_required', 'message.not_found', 'user.not_found') },
      },
    },
    async (req, reply) => reply.status(201).send({ report: await createReport(ctx, req.auth.userId, req.body) }),
  );
};
