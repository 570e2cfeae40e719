import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import type { Limit } from '../../lib/rateLimit.js';

interface Rule {
  /** Counter name: routes with the same name share a budget. */
  name: string;
  limit: (c: Config) => Limit;
  /** Whose budget it is; undefined skips the rule. */
  key: (req: FastifyRequest) => string | undefined;
}

const perIp = (name: string, limit: Rule['limit']): Rule => ({ name, limit, key: (req) => req.ip });
const perUser = (name: string, limit: Rule['limit']): Rule => ({ name, limit, key: (req) => req.auth?.userId });

/**
 * Which request counts against which limit. Checked after validation (a malformed request
 * costs nothing and is refused anyway) and after authentication, so per-user keys are known.
 * The per-account login failures are counted in `login` (a right password is refunded); the
 * OTP cooldown and attempt limits live with the codes and stay on when RATE_LIMITS=off.
 */
const rules: Record<string, Rule[]> = {
  'POST /api/v1/auth/register': [perIp('register', (c) => c.RATE_LIMIT_REGISTER_PER_IP)],
  'POST /api/v1/auth/login': [perIp('login', (c) => c.RATE_LIMIT_LOGIN_PER_IP)],
  'POST /api/v1/auth/google': [perIp('login', (c) => c.RATE_LIMIT_LOGIN_PER_IP)],
  'POST /api/v1/auth/google/link': [perIp('login', (c) => c.RATE_LIMIT_LOGIN_PER_IP)],
  'POST /api/v1/auth/verify-otp': [perIp('login', (c) => c.RATE_LIMIT_LOGIN_PER_IP)],
  'POST /api/v1/users/me/phone/verify': [perIp('login', (c) => c.RATE_LIMIT_LOGIN_PER_IP)],
  'POST /api/v1/auth/request-otp': [
    perIp('otp', (c) => c.RATE_LIMIT_OTP_PER_IP),
    { name: 'otp-phone', limit: (c) => c.RATE_LIMIT_OTP_PER_PHONE, key: (req) => (req.body as { phoneNumber?: string }).phoneNumber },
  ],
  // POST /conversations/:id/messages: sendMessage counts it, the same budget as a socket's message:send.
  'POST /api/v1/users/contacts/sync': [perUser('contact-sync', (c) => c.RATE_LIMIT_CONTACT_SYNC_PER_USER)],
  // Every way in that stores a file (and may decode an image) shares one budget.
  'POST /api/v1/media/upload': [perUser('uploads', (c) => c.RATE_LIMIT_UPLOADS_PER_USER)],
  'POST /api/v1/media/tus': [perUser('uploads', (c) => c.RATE_LIMIT_UPLOADS_PER_USER)],
  'POST /api/v1/users/me/avatar': [perUser('uploads', (c) => c.RATE_LIMIT_UPLOADS_PER_USER)],
  'GET /api/v1/users': [perUser('user-search', (c) => c.RATE_LIMIT_USER_SEARCH_PER_USER)],
  'POST /api/v1/groups': [perUser('groups', (c) => c.RATE_LIMIT_GROUPS_PER_USER)],
  'POST /api/v1/groups/:id/members': [perUser('group-member-adds', (c) => c.RATE_LIMIT_GROUP_MEMBER_ADDS_PER_USER)],
  'GET /api/v1/users/:id/keys': [
    perUser('key-claims', (c) => c.RATE_LIMIT_KEY_CLAIMS_PER_USER),
    // Every claimer together: many accounts must not drain one user's one-time prekeys.
    { name: 'key-claims-target', limit: (c) => c.RATE_LIMIT_KEY_CLAIMS_PER_TARGET, key: (req) => (req.params as { id?: string }).id },
  ],
};

/** One preHandler hook for every limited route: 429 rate_limited with Retry-After past a limit. */
export function installRequestLimits(app: FastifyInstance, ctx: AppContext): void {
  if (!ctx.limits.enabled) return;
  app.addHook('preHandler', async (req) => {
    const list = rules[`${req.method} ${req.routeOptions.url}`];
    if (!list) return;
    for (const rule of list) {
      const key = rule.key(req);
      if (key !== undefined) await ctx.limits.consume(rule.name, rule.limit(ctx.config), key);
    }
  });
}
