import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database, Db } from './db/connect.js';
import type { AccessTokens } from './features/auth/accessToken.js';
import type { GoogleVerifier } from './features/auth/googleVerifier.js';
import type { OtpSender } from './features/auth/otpSender.js';
import type { RateLimiter } from './lib/rateLimit.js';
import type { Storage } from './features/media/storage.js';
import type { SendQueue } from './features/messages/sendQueue.js';
import type { Emitter } from './realtime/emitter.js';
import type { Presence } from './realtime/presence.js';
import type { RedisLinks } from './realtime/redis.js';

/** What commands, routes and socket handlers share: built once in app.ts. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  tokens: AccessTokens;
  emitter: Emitter;
  /** Where sends queue to be committed together. */
  sends: SendQueue;
  presence: Presence;
  /** Set when REDIS_URL is configured. */
  redis?: RedisLinks;
  /** Where media bytes live (a local directory by default). */
  storage: Storage;
  log: FastifyBaseLogger;
  limits: RateLimiter;
  /** null: phone sign-in is off (production without SMS_WEBHOOK_URL). */
  otpSender: OtpSender | null;
  /** null: Google sign-in is off (no GOOGLE_CLIENT_ID). */
  google: GoogleVerifier | null;
}
