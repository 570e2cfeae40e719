import path from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Server } from 'socket.io';
import { allowedOrigins, type Config } from './config.js';
import type { AppContext } from './context.js';
import { connectDatabase } from './db/connect.js';
import { pruneEvents } from './events/prune.js';
import { AmqpExporter } from './export/amqpExporter.js';
import { AccessTokens } from './features/auth/accessToken.js';
import { loadSigningKeys } from './features/auth/keys.js';
import { GoogleVerifier } from './features/auth/googleVerifier.js';
import { createOtpSender } from './features/auth/otpSender.js';
import { authRoutes } from './features/auth/routes.js';
import { conversationRoutes } from './features/conversations/routes.js';
import { seedDefaultGroups } from './features/groups/defaults.js';
import { groupRoutes } from './features/groups/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { keyRoutes } from './features/keys/routes.js';
import { installRequestLimits } from './features/limits/requestLimits.js';
import { mediaDirs } from './features/media/dirs.js';
import { LocalStorage } from './features/media/localStorage.js';
import { S3Storage, s3Options } from './features/media/s3Storage.js';
import { sweepOrphanMedia } from './features/media/orphans.js';
import { mediaRoutes } from './features/media/routes.js';
import { messageRoutes } from './features/messages/routes.js';
import { userRoutes } from './features/users/routes.js';
import { clientErrorHandler, frameworkErrors, installErrorHandlers } from './lib/httpErrors.js';
import { installBodyDeadline, serverTimeouts } from './lib/httpTimeouts.js';
import { MemoryStore, RateLimiter } from './lib/rateLimit.js';
import { RedisStore } from './lib/rateLimitRedis.js';
import { GroupCommit } from './features/messages/groupCommit.js';
import { Emitter } from './realtime/emitter.js';
import { LocalPresence, type Presence } from './realtime/presence.js';
import { linkRedis } from './realtime/redis.js';
import { RedisPresence } from './realtime/redisPresence.js';
import { announceOffline, announceOnline, createSocketServer, installSocketHandlers } from './realtime/server.js';
import { version } from './version.js';

/** Response headers browsers may read: resumable uploads (tus) and media downloads. */
const mediaExposedHeaders = [
  'Location',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Metadata',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
  'Media-Id',
  'Content-Range',
  'Content-Disposition',
  'ETag',
];

export interface ParleyApp {
  http: FastifyInstance;
  io: Server;
  ctx: AppContext;
  /** Readiness turns 503, sockets are closed, in-flight work finishes, then the database closes. */
  close(): Promise<void>;
}

/** Wires database, auth, realtime and routes. `main.ts` and the tests both start Parley through this. */
export async function buildApp(config: Config): Promise<ParleyApp> {
  const http = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // GET /media/* accepts ?token=<accessToken>: keep it out of the logs.
      serializers: {
        req: (req) => ({
          method: req.method,
          url: req.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]'),
          host: req.host,
          remoteAddress: req.ip,
        }),
      },
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Plugins (swagger-ui reads its files) may start slowly on a loaded machine: 10 s, the default, failed starts under load.
    pluginTimeout: 60_000,
    // Slow clients are cut off (headers, bodies, uploads: src/lib/httpTimeouts.ts).
    ...serverTimeouts(config),
    // Errors before a route: problem+json like every other (src/lib/httpErrors.ts).
    clientErrorHandler,
    frameworkErrors,
    // Only these proxies' X-Forwarded-For is believed: per-IP rate limits must see the real client.
    trustProxy: config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();
  http.setValidatorCompiler(validatorCompiler);
  // JSON only: Fastify's built-in text/plain parser would hand a string to routes that expect an object (400, not 415).
  http.removeContentTypeParser('text/plain');
  // Response schemas document the API (OpenAPI); plain JSON.stringify serialises it fast.
  http.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandlers(http);
  installBodyDeadline(http, config);

  const database = await connectDatabase({
    url: config.DATABASE_URL,
    pglitePath: config.PGLITE_PATH ?? path.join(config.dataDir, 'pglite'),
    poolSize: config.DATABASE_POOL_SIZE,
    timeouts: {
      statementSeconds: config.DATABASE_STATEMENT_TIMEOUT_SECONDS,
      lockSeconds: config.DATABASE_LOCK_TIMEOUT_SECONDS,
      idleInTransactionSeconds: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS,
      connectSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
    },
    log: http.log,
  });
  await seedDefaultGroups(database.db);
  const keys = await loadSigningKeys(config.JWT_PRIVATE_KEY, database.db);
  const corsOrigins = allowedOrigins(config);
  const io = createSocketServer(http.server, { corsOrigins, maxPayloadBytes: Math.max(2 * 1_048_576, config.BODY_LIMIT_BYTES * 2) });
  const emitter = new Emitter(database.db, io, http.log);
  const redis = config.REDIS_URL ? await linkRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX, io, emitter, http.log) : undefined;
  const presence: Presence = redis
    ? new RedisPresence(redis.client, {
        prefix: config.REDIS_KEY_PREFIX,
        heartbeatMs: config.PRESENCE_HEARTBEAT_MS,
        ttlMs: config.PRESENCE_TTL_MS,
        onOnline: (userId) => announceOnline(ctx, io, userId),
        onOffline: (userId) => announceOffline(ctx, io, userId),
        log: http.log,
      })
    : new LocalPresence();
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    tokens: new AccessTokens(keys, config.JWT_ISSUER, config.ACCESS_TOKEN_TTL_SECONDS),
    emitter,
    // PGlite has one connection: one batch at a time is all it can take.
    sends: new GroupCommit(database.db, emitter, {
      maxBatch: config.SEND_BATCH_MAX,
      lanes: database.kind === 'pglite' ? 1 : Math.min(config.SEND_PARALLEL, config.DATABASE_POOL_SIZE),
    }),
    presence,
    redis,
    storage: config.S3_BUCKET ? new S3Storage(s3Options(config)) : new LocalStorage(mediaDirs(config).files),
    log: http.log,
    limits: new RateLimiter(
      config.REDIS_URL ? await RedisStore.connect(config.REDIS_URL, `${config.REDIS_KEY_PREFIX}rl:`) : new MemoryStore(),
      config.RATE_LIMITS === 'on',
      http.log,
    ),
    otpSender: createOtpSender(config, http.log),
    google: GoogleVerifier.from(config),
  };

  let draining = false;
  // The API and media serve no pages: nothing they send may run or load anything, or be framed.
  await http.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  // No credentials: auth is a bearer header, so no origin gets the user's cookies.
  await http.register(cors, {
    origin: corsOrigins,
    // The default is GET, HEAD, POST: browsers also need PATCH/PUT/DELETE (profiles, messages, tus).
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    // A plain OPTIONS (tus discovery) is answered, not refused with 400 as a malformed preflight.
    strictPreflight: false,
    exposedHeaders: ['Retry-After', ...mediaExposedHeaders],
  });
  await http.register(swagger, {
    openapi: {
      info: { title: 'Parley API', version, description: 'Real-time messaging backend. Socket.IO events are described in docs/api.md.' },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
  });
  // The docs page loads its own scripts, styles and spec from /docs (the plugin's policy, without
  // upgrade-insecure-requests, which would break it over plain http on a LAN). Swagger UI sets
  // inline styles (code highlighting): allowed there, scripts stay 'self' only.
  await http.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP:
      "default-src 'self'; base-uri 'self'; font-src 'self' data:; frame-ancestors 'none'; img-src 'self' data: validator.swagger.io; " +
      "object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'",
  });

  installRequestLimits(http, ctx);
  await http.register(
    async (api) => {
      await api.register(healthRoutes, { ctx, isDraining: () => draining });
      await api.register(authRoutes, { ctx });
      await api.register(userRoutes, { ctx });
      await api.register(keyRoutes, { ctx });
      await api.register(conversationRoutes, { ctx });
      await api.register(messageRoutes, { ctx });
      await api.register(mediaRoutes, { ctx });
      await api.register(groupRoutes, { ctx });
      api.get('/openapi.json', { schema: { hide: true } }, async () => http.swagger());
    },
    { prefix: '/api/v1' },
  );
  http.get('/.well-known/jwks.json', { schema: { tags: ['auth'] } }, async () => ctx.tokens.jwks());

  const sockets = installSocketHandlers(io, ctx);
  await emitter.start(database.kind === 'postgres' ? config.EMITTER_POLL_MS : null);
  await presence.start();
  // Event export (AMQP_URL): publishes the log from its own loop; a broker that is down only delays it.
  const exporter = config.AMQP_URL
    ? new AmqpExporter(database.db, { url: config.AMQP_URL, exchange: config.AMQP_EXCHANGE, log: http.log })
    : undefined;
  exporter?.start();
  await http.ready();

  const prune = setInterval(() => {
    pruneEvents(database.db, config.EVENT_RETENTION_DAYS).catch((err) => http.log.warn({ err }, 'event pruning failed'));
  }, config.EVENT_PRUNE_INTERVAL_MS);
  prune.unref();
  const sweep = setInterval(() => {
    sweepOrphanMedia(ctx).catch((err) => http.log.warn({ err }, 'media cleanup failed'));
  }, config.MEDIA_CLEANUP_INTERVAL_MS);
  sweep.unref();

  let closing: Promise<void> | undefined;
  return {
    http,
    io: io as unknown as Server,
    ctx,
    close: () =>
      (closing ??= (async () => {
        // Readiness turns 503 and the listener closes: the load balancer sends no one new.
        draining = true;
        clearInterval(prune);
        clearInterval(sweep);
        // server.close() drops idle keep-alive connections only once; one that finishes a
        // response (a streamed download) just after would hold the close open until its
        // keep-alive timeout. Keep dropping them until the server has closed.
        const dropIdle = setInterval(() => http.server.closeIdleConnections(), 50);
        const httpClosed = http.close();
        // In-flight commands finish and ack; then every socket is asked to reconnect elsewhere.
        await sockets.drain(config.SHUTDOWN_GRACE_MS / 2);
        // A request still arriving after the grace (a trickled body, a stalled upload) is cut off:
        // otherwise it would hold the close open until its own timeout.
        const cutOff = setTimeout(() => http.server.closeAllConnections(), config.SHUTDOWN_GRACE_MS / 2);
        await httpClosed;
        clearTimeout(cutOff);
        clearInterval(dropIdle);
        await new Promise<void>((resolve) => void io.close(() => resolve()));
        await emitter.drain();
        emitter.stop();
        await exporter?.stop();
        await presence.stop();
        await redis?.close();
        await ctx.limits.close();
        await database.close();
      })()),
  };
}
