import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { documentsRateLimit } from '../../lib/apiDocs.js';
import type { AppContext } from '../../context.js';
import type { Limit } from '../../lib/rateLimit.js';

type Budget = (c: Config) => Limit;
/** Whose budget a request spends (an IP, a user id, a phone number); undefined spends none. */
type RequestKey = (req: FastifyRequest) => string | undefined;

const byIp: RequestKey = (req) => req.ip;
const byUser: RequestKey = (req) => req.auth?.userId;
const byServerKey: RequestKey = (req) => req.serverKey?.id;

/*
 * Every rate limit, by name, with its budget from config. The name is also the counter's: all
 * the uses of one name share one budget (every way to sign in spends `login`, every way in that
 * stores a file spends `uploads`). Past a budget: 429 rate_limited with Retry-After.
 *
 * Not here: the per-socket flood limit (RATE_LIMIT_SOCKET_EVENTS) is a counter on the connection
 * (realtime/server.ts); the OTP cooldown and attempt limits live with the codes (otp.ts) and stay
 * on when RATE_LIMITS=off.
 */

/**
 * Spent by the routes that list them in their options, `preHandler: rateLimit(ctx, 'login')`:
 * after validation (a malformed request costs nothing and is refused anyway) and after the
 * route's `onRequest` authentication, so per-user keys are known. A GET's automatic HEAD twin
 * runs the same handler and so spends the same budget.
 */
const routeLimits = {
  register: { budget: (c) => c.RATE_LIMIT_REGISTER_PER_IP, key: byIp },
  login: { budget: (c) => c.RATE_LIMIT_LOGIN_PER_IP, key: byIp },
  otp: { budget: (c) => c.RATE_LIMIT_OTP_PER_IP, key: byIp },
  'otp-phone': { budget: (c) => c.RATE_LIMIT_OTP_PER_PHONE, key: (req) => (req.body as { phoneNumber?: string }).phoneNumber },
  // Mails with links: verification per account, reset per email asked for (known or not, so a 429 tells nothing).
  'verify-mail': { budget: (c) => c.RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL, key: byUser },
  'reset-mail': { budget: (c) => c.RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL, key: (req) => (req.body as { email?: string }).email },
  'contact-sync': { budget: (c) => c.RATE_LIMIT_CONTACT_SYNC_PER_USER, key: byUser },
  'user-search': { budget: (c) => c.RATE_LIMIT_USER_SEARCH_PER_USER, key: byUser },
  uploads: { budget: (c) => c.RATE_LIMIT_UPLOADS_PER_USER, key: byUser },
  groups: { budget: (c) => c.RATE_LIMIT_GROUPS_PER_USER, key: byUser },
  'push-devices': { budget: (c) => c.RATE_LIMIT_PUSH_DEVICES_PER_USER, key: byUser },
  exports: { budget: (c) => c.RATE_LIMIT_EXPORTS_PER_USER, key: byUser },
  reports: { budget: (c) => c.RATE_LIMIT_REPORTS_PER_USER, key: byUser },
  'group-member-adds': { budget: (c) => c.RATE_LIMIT_GROUP_MEMBER_ADDS_PER_USER, key: byUser },
  'key-claims': { budget: (c) => c.RATE_LIMIT_KEY_CLAIMS_PER_USER, key: byUser },
  // Every claimer of one user together: many accounts must not drain one user's one-time prekeys.
  'key-claims-target': { budget: (c) => c.RATE_LIMIT_KEY_CLAIMS_PER_TARGET, key: (req) => (req.params as { id?: string }).id },
  // Every /server route, per server API key: the app's backend calls from few IPs on behalf of many users.
  'server-api': { budget: (c) => c.RATE_LIMIT_SERVER_PER_KEY, key: byServerKey },
} satisfies Record<string, { budget: Budget; key: RequestKey }>;

/** Spent inside a command, with the key it passes (`spend`), whichever way the command was reached; on no route. */
const commandLimits = {
  // sendMessage, per sender: POST /conversations/:id/messages and the socket's message:send alike
  messages: (c) => c.RATE_LIMIT_MESSAGES_PER_USER,
  // login, per account: every wrong password (a right one is refunded)
  'login-failures': (c) => c.RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT,
} satisfies Record<string, Budget>;

export type RouteLimit = keyof typeof routeLimits;
export type CommandLimit = keyof typeof commandLimits;

type Limits = Pick<AppContext, 'limits' | 'config'>;

/** A route's preHandler: spends each named budget in turn (an undefined key skips one); the route documents 429. */
export function rateLimit(ctx: Limits, ...names: [RouteLimit, ...RouteLimit[]]) {
  const rules = names.map((name) => ({ name, ...routeLimits[name] }));
  return documentsRateLimit(async (req: FastifyRequest): Promise<void> => {
    for (const { name, budget, key } of rules) {
      const k = key(req);
      if (k !== undefined) await ctx.limits.consume(name, budget(ctx.config), k);
    }
  });
}

/** Counts one hit of `key` against a command's budget. */
export function spend(ctx: Limits, name: CommandLimit, key: string): Promise<void> {
  return ctx.limits.consume(name, commandLimits[name](ctx.config), key);
}

/** Takes back one hit `spend` counted. */
export function refund(ctx: Pick<AppContext, 'limits'>, name: CommandLimit, key: string): Promise<void> {
  return ctx.limits.refund(name, key);
}
