import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { ParleyServer } from '../realtime/types.js';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { connectDatabase, type Database } from '../db/connect.js';
import { logHorizon } from '../events/horizon.js';
import { runCommand } from '../events/runCommand.js';
import { AccessTokens } from '../features/auth/accessToken.js';
import { issuersFrom } from '../features/auth/idTokenVerifier.js';
import { loadSigningKeys } from '../features/auth/keys.js';
import { createOtpSender } from '../features/auth/otpSender.js';
import { SessionUse } from '../features/auth/sessionUse.js';
import { createMailer } from '../features/accounts/mailer.js';
import { MailOutbox } from '../features/accounts/outbox.js';
import { WebhookWorkers } from '../features/webhooks/runners.js';
import { seedDefaultGroups } from '../features/groups/defaults.js';
import { mediaDirs } from '../features/media/dirs.js';
import { LocalStorage } from '../features/media/localStorage.js';
import { S3Storage, s3Options } from '../features/media/s3Storage.js';
import { GroupCommit } from '../features/messages/groupCommit.js';
import { MemoryStore, RateLimiter } from '../lib/rateLimit.js';
import { RedisStore } from '../lib/rateLimitRedis.js';
import { metricsEnabled, noMetrics, PromMetrics } from '../metrics/metrics.js';
import { Emitter } from '../realtime/emitter.js';
import { PresenceAnnouncer } from '../realtime/presence/announce.js';
import { LocalPresence, type Presence } from '../realtime/presence/presence.js';
import { RedisPresence } from '../realtime/presence/redisPresence.js';
import { linkRedis, type RedisLinks } from '../realtime/redis.js';
import type { LiveState } from '../realtime/server.js';
import { socketSessions } from '../realtime/sessions.js';
import { applyAdminEmails } from '../features/admin/roles.js';
import type { Stop } from './stops.js';

export interface Built {
  ctx: AppContext;
  database: Database;
  redis: RedisLinks | undefined;
  emitter: Emitter;
  live: LiveState;
  /** Set when METRICS_TOKEN or METRICS_PORT is (src/metrics/expose.ts serves it). */
  metrics: PromMetrics | undefined;
  /** Emitter and presence are built here but started once the socket handlers are in place. */
  start(): Promise<void>;
  stops: Stop[];
}

/** Database, keys, emitter, Redis links, presence and the context every feature uses. */
export async function buildContext(config: Config, io: ParleyServer, log: FastifyBaseLogger): Promise<Built> {
  const stops: Stop[] = [];
  const database = await openDatabase(config, log);
  stops.push(() => database.close());
  await seedDefaultGroups(database.db);
  // Accounts that verified an email ADMIN_EMAILS names since the last start (or before it was set) become admins.
  await database.db.transaction((tx) => applyAdminEmails(tx, config));
  const keys = await loadSigningKeys(config.JWT_PRIVATE_KEY, database.db);
  const limits = new RateLimiter(
    config.REDIS_URL ? await RedisStore.connect(config.REDIS_URL, `${config.REDIS_KEY_PREFIX}rl:`) : new MemoryStore(),
    config.RATE_LIMITS === 'on',
    log,
  );
  stops.push(() => limits.close());
  const metrics = metricsEnabled(config) ? new PromMetrics() : undefined;
  // PGlite runs one transaction at a time.
  const horizon = logHorizon(database.db, database.kind === 'pglite');
  const emitter = new Emitter(database.db, horizon, io, log, metrics);
  const redis = config.REDIS_URL ? await linkRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX, io, emitter, log) : undefined;
  metrics?.watch({ sockets: () => io.of('/').sockets.size, database: () => database.ping(), redis: redis && (() => redis.client.ping()) });
  if (redis) stops.push(() => redis.close());
  const announcer = new PresenceAnnouncer(database.db, io, config.PRESENCE_GROUP_MAX_MEMBERS);
  const presence = createPresence(config, redis, announcer, log);
  stops.push(() => presence.stop());
  stops.push(async () => {
    await emitter.drain();
    emitter.stop();
  });
  // PostgreSQL: a commit that saw no other writer running needs no probe to be emitted.
  const run: AppContext['run'] = (command) => runCommand(database.db, emitter, command, !horizon.serial);
  const ctx: AppContext = {
    config,
    db: database.db,
    horizon,
    run,
    // PGlite has one connection: one batch at a time is all it can take.
    sends: new GroupCommit(run, {
      maxBatch: config.SEND_BATCH_MAX,
      lanes: database.kind === 'pglite' ? 1 : Math.min(config.SEND_PARALLEL, config.DATABASE_POOL_SIZE),
      metrics,
    }),
    sessions: socketSessions(io, redis !== undefined),
    sessionUse: new SessionUse(database.db),
    presence,
    tokens: new AccessTokens(keys, config.JWT_ISSUER, config.ACCESS_TOKEN_TTL_SECONDS),
    storage: config.S3_BUCKET ? new S3Storage(s3Options(config)) : new LocalStorage(mediaDirs(config).files),
    log,
    limits,
    otpSender: createOtpSender(config, log),
    issuers: issuersFrom(config),
    metrics: metrics ?? noMetrics,
    mail: new MailOutbox(database.db, createMailer(config, log), config.MAIL_POLL_MS, log),
    webhooks: new WebhookWorkers(database.db, horizon, config, log),
    databaseSnapshot: database.snapshot ? () => database.snapshot!() : null,
  };
  stops.push(() => ctx.sessionUse.flush());
  const start = async () => {
    await emitter.start(database.kind === 'postgres' ? config.EMITTER_POLL_MS : null);
    await presence.start();
  };
  return { ctx, database, redis, emitter, live: { presence, announcer, roomMoves: () => emitter.roomMoves }, metrics, start, stops };
}

function openDatabase(config: Config, log: FastifyBaseLogger): Promise<Database> {
  return connectDatabase({
    url: config.DATABASE_URL,
    pglitePath: config.PGLITE_PATH ?? path.join(config.dataDir, 'pglite'),
    poolSize: config.DATABASE_POOL_SIZE,
    statementCache: config.DATABASE_STATEMENT_CACHE,
    timeouts: {
      statementSeconds: config.DATABASE_STATEMENT_TIMEOUT_SECONDS,
      lockSeconds: config.DATABASE_LOCK_TIMEOUT_SECONDS,
      idleInTransactionSeconds: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS,
      connectSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
    },
    log,
  });
}

/** In memory on one node; with Redis, across nodes (announcing who a crashed node took down). */
function createPresence(config: Config, redis: RedisLinks | undefined, announcer: PresenceAnnouncer, log: FastifyBaseLogger): Presence {
  if (!redis) return new LocalPresence();
  return new RedisPresence(redis.client, {
    prefix: config.REDIS_KEY_PREFIX,
    heartbeatMs: config.PRESENCE_HEARTBEAT_MS,
    ttlMs: config.PRESENCE_TTL_MS,
    onOnline: (userId) => announcer.online(userId),
    onOffline: (userId) => announcer.offline(userId),
    log,
  });
}
