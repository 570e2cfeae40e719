import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildContext } from './boot/context.js';
import { startJobs, type JobDeps } from './boot/jobs.js';
import { registerHttp } from './boot/routes.js';
import { serveWebClient } from './boot/webClient.js';
import { runInReverse, type Stop } from './boot/stops.js';
import { allowedOrigins, type Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/connect.js';
import { fail } from './lib/errors.js';
import { clientErrorHandler, frameworkErrors, installErrorHandlers } from './lib/httpErrors.js';
import { installBodyDeadline, serverTimeouts } from './lib/httpTimeouts.js';
import { exposeMetrics } from './metrics/expose.js';
import type { ParleyServer } from './realtime/types.js';
import { createSocketServer, installSocketHandlers } from './realtime/server.js';

export interface ParleyApp {
  http: FastifyInstance;
  io: ParleyServer;
  ctx: AppContext;
  databaseKind: Database['kind'];
  /** Readiness turns 503, sockets are closed, in-flight work finishes, then the database closes. */
  close(): Promise<void>;
}

/**
 * Starts Parley in three parts: the context (database, emitter, presence: src/boot/context.ts),
 * background jobs (src/boot/jobs.ts), HTTP and sockets (src/boot/routes.ts, src/realtime/server.ts).
 * Each returns its stop steps; `close` runs them in reverse.
 * `main.ts` and the tests both start Parley through this.
 */
export async function buildApp(config: Config, deps: JobDeps = {}): Promise<ParleyApp> {
  const http = createHttpServer(config);
  const io = createSocketServer(http.server, {
    corsOrigins: allowedOrigins(config),
    maxPayloadBytes: Math.max(2 * 1_048_576, config.BODY_LIMIT_BYTES * 2),
  });
  const built = await buildContext(config, io, http.log);
  const { ctx, database, redis } = built;
  // Before the routes: the request counter sees every one. Stopped after the listeners, so draining can be watched.
  const stops: Stop[] = [...built.stops, ...(await exposeMetrics(http, built.metrics, config)), ...startJobs(config, ctx, deps)];

  let draining = false;
  refuseWhileDraining(http, () => draining);
  await registerHttp(http, ctx, {
    isDraining: () => draining,
    database: () => database.ping(),
    redis: redis && (() => redis.client.ping()),
  });
  const sockets = installSocketHandlers(io, ctx, built.live);
  await built.start();
  // Last started, first stopped: new socket events are refused from the first moment of close.
  stops.push(() => closeListeners(config, http, io, sockets));
  await http.ready();

  let closing: Promise<void> | undefined;
  return {
    http,
    io: io,
    ctx,
    databaseKind: database.kind,
    close: () =>
      (closing ??= (async () => {
        // Readiness turns 503 at once: the load balancer sends no one new while the rest stops.
        draining = true;
        await runInReverse(stops);
      })()),
  };
}

function createHttpServer(config: Config) {
  const http = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // LOG_FORMAT: human-readable lines on a terminal (auto; never in tests), JSON lines for everything else.
      ...(config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && process.stdout.isTTY && config.NODE_ENV !== 'test')
        ? { transport: { target: 'pino-pretty' } }
        : {}),
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
    // Fastify's own 503 while closing is plain JSON; refuseWhileDraining answers problem+json instead.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  http.setValidatorCompiler(validatorCompiler);
  // JSON only: Fastify's built-in text/plain parser would hand a string to routes that expect an object (400, not 415).
  http.removeContentTypeParser('text/plain');
  // Response schemas document the API (OpenAPI); plain JSON.stringify serialises it fast.
  http.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // The web client's pages and files are what no route answers: the API's own paths keep their 404s (and 414s).
  installErrorHandlers(http, config.WEB_CLIENT === 'on' ? serveWebClient : undefined);
  installBodyDeadline(http, config);
  return http;
}

/** A request arriving once close has begun (a kept-alive connection) → 503 `service.unavailable`, and the connection closes. */
function refuseWhileDraining(http: FastifyInstance, isDraining: () => boolean) {
  http.addHook('onRequest', async (_req, reply) => {
    if (!isDraining()) return;
    void reply.header('connection', 'close');
    throw fail('service.unavailable', 'this node is shutting down: retry (another node will answer)');
  });
}

/** The listener closes; in-flight commands finish and ack; every socket is asked to reconnect elsewhere. */
async function closeListeners(config: Config, http: FastifyInstance, io: ParleyServer, sockets: { drain(ms: number): Promise<void> }) {
  // server.close() drops idle keep-alive connections only once; one that finishes a
  // response (a streamed download) just after would hold the close open until its
  // keep-alive timeout. Keep dropping them until the server has closed.
  const dropIdle = setInterval(() => http.server.closeIdleConnections(), 50);
  const httpClosed = http.close();
  await sockets.drain(config.SHUTDOWN_GRACE_MS / 2);
  // A request still arriving after the grace (a trickled body, a stalled upload) is cut off:
  // otherwise it would hold the close open until its own timeout.
  const cutOff = setTimeout(() => http.server.closeAllConnections(), config.SHUTDOWN_GRACE_MS / 2);
  await httpClosed;
  clearTimeout(cutOff);
  clearInterval(dropIdle);
  await new Promise<void>((resolve) => void io.close(() => resolve()));
}
