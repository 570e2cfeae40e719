import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import type { AccessClaims } from './accessToken.js';
import { assertSessionActive } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AccessClaims;
  }
}

export function bearerToken(header: string | undefined): string {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m) throw fail('auth.unauthorized', 'missing bearer token');
  return m[1]!;
}

/** onRequest hook: a valid access token of a live session, else 401 before the body is read. */
export function authenticate(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const claims = await ctx.tokens.verify(bearerToken(req.headers.authorization));
    await assertSessionActive(ctx, claims.sessionId, claims.userId);
    req.auth = claims;
  };
}

/** OpenAPI: marks a route as needing the bearer token. */
export const secured = { security: [{ bearerAuth: [] }] };
