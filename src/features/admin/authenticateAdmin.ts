import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { AppError, fail } from '../../lib/errors.js';
import { authenticate } from '../auth/authenticate.js';

/**
 * onRequest hook of every /admin route: a live session of an admin. Anyone else, signed in or not,
 * gets the router's own 404 route.not_found, so the routes do not exist for them (not even a 401 or
 * 403 telling them there is something here). Outages (503) stay what they are.
 */
export function authenticateAdmin(ctx: AppContext) {
  const signedIn = authenticate(ctx);
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const notFound = () => fail('route.not_found', `no route for ${req.method} ${req.url.split('?')[0]}`);
    try {
      await signedIn(req, reply);
    } catch (err) {
      if (err instanceof AppError && err.status === 401) throw notFound();
      throw err;
    }
    const [user] = await ctx.db.select({ role: users.role }).from(users).where(eq(users.id, req.auth.userId));
    if (user?.role !== 'admin') throw notFound();
  };
}
