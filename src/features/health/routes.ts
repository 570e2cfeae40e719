import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../lib/errors.js';
import { version } from '../../version.js';

const tags = ['health'];

/** What readiness asks; each check throws when its service is unreachable. */
export interface ReadinessChecks {
  isDraining(): boolean;
  database(): Promise<unknown>;
  /** Set when REDIS_URL is configured. */
  redis?: () => Promise<unknown>;
}

export const healthRoutes: FastifyPluginAsyncZod<{ readiness: ReadinessChecks }> = async (app, { readiness }) => {
  app.get(
    '/health',
    {
      schema: {
        operationId: 'checkLiveness',
        summary: 'Liveness: the process is up',
        description: 'Answers 200 while the process serves requests, whatever its dependencies; public. For liveness probes.',
        tags,
        response: {
          200: z.object({
            status: z.literal('ok'),
            timestamp: z.string().meta({ description: 'The server clock, ISO 8601.', example: '2025-01-31T12:00:00.000Z' }),
            version: z.string().meta({ example: version }),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, timestamp: new Date().toISOString(), version }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        operationId: 'checkReadiness',
        summary: 'Readiness: the database (and Redis) answer',
        description:
          'Answers 200 when this node can serve: its database and, when configured, Redis answer. 503 `service.unavailable` ' +
          'when one does not, or while the node drains for shutdown. Public; for readiness probes and load balancers.',
        tags,
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.literal('connected'),
            redis: z.literal('connected').optional().meta({ description: 'Only when the server uses Redis (REDIS_URL).' }),
          }),
        },
      },
    },
    async () => {
      if (readiness.isDraining()) throw fail('service.unavailable', 'shutting down');
      try {
        await readiness.database();
      } catch {
        throw fail('service.unavailable', 'database unreachable');
      }
      if (!readiness.redis) return { status: 'ok' as const, database: 'connected' as const };
      try {
        await readiness.redis();
      } catch {
        throw fail('service.unavailable', 'redis unreachable');
      }
      return { status: 'ok' as const, database: 'connected' as const, redis: 'connected' as const };
    },
  );
};
