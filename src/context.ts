import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database, Db } from './db/connect.js';
import type { AccessTokens } from './features/auth/accessToken.js';
import type { Emitter } from './realtime/emitter.js';
import type { Presence } from './realtime/presence.js';

/** What commands, routes and socket handlers share: built once in app.ts. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  tokens: AccessTokens;
  emitter: Emitter;
  presence: Presence;
  log: FastifyBaseLogger;
}
