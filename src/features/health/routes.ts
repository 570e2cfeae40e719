import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import { version } from '../../version.js';

const tags = ['health'];

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; isDraining: () => boolean }> = async (app, { ctx, isDraining }) => {
  app.get(
    '/health',
    { schema: { tags, response: { 200: z.object({ status: z.literal('ok'), timestamp: z.string(), version: z.string() }) } } },
    async () => ({ status: 'ok' as const, timestamp: new Date().toISOString(), version }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags,
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('connected'), redis: z.literal('connected').optional() }),
        },
      },
    },
    async () => {
      if (isDraining()) throw fail('service.unavailable', 'shutting down');
      try {
        await ctx.database.ping();
      } catch {
        throw fail('service.unavailable', 'database unreachable');
      }
      if (!ctx.redis) return { status: 'ok' as const, database: 'connected' as const };
      try {
        await ctx.redis.client.ping();
      } catch {
        throw fail('service.unavailable', 'redis unreachable');
      }
      return { status: 'ok' as const, database: 'connected' as const, redis: 'connected' as const };
    },
  );
};
