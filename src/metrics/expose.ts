import crypto from 'node:crypto';
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Stop } from '../boot/stops.js';
import type { Config } from '../config.js';
import { fail, problem, type AppError } from '../lib/errors.js';
import type { PromMetrics } from './metrics.js';

const PATH = '/metrics';

/**
 * Puts the metrics where METRICS_TOKEN and METRICS_PORT say: with METRICS_PORT, a small
 * listener of its own serves GET /metrics and nothing else (the main port has no /metrics);
 * otherwise GET /metrics on the main port, behind the bearer token. Either way, with
 * METRICS_TOKEN set a scrape must carry it. Counts every HTTP request of the main port by route
 * template and status. Call it before the routes are registered. Returns its stop steps.
 */
export async function exposeMetrics(
  app: FastifyInstance,
  metrics: PromMetrics | undefined,
  config: Pick<Config, 'METRICS_TOKEN' | 'METRICS_PORT' | 'HOST'>,
): Promise<Stop[]> {
  if (!metrics) return [];
  app.addHook('onResponse', (req, reply, done) => {
    // The template (`/api/v1/users/:id`), never the URL: one series per route, not per id.
    metrics.httpRequest(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  const allowed = (authorization: string | undefined) =>
    config.METRICS_TOKEN === undefined || bearerIs(authorization, config.METRICS_TOKEN);

  if (config.METRICS_PORT === undefined) {
    app.get(PATH, { schema: { hide: true } }, async (req, reply) => {
      if (!allowed(req.headers.authorization)) throw unauthorized();
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
    return [];
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return sendProblem(res, fail('route.not_found'), path);
    if (!allowed(req.headers.authorization)) return sendProblem(res, unauthorized(), path);
    metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => sendProblem(res, fail('internal'), path),
    );
  });
  // Scrapers are quick: a connection that trickles is dropped.
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.METRICS_PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return [
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  ];
}

const unauthorized = () => fail('auth.unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');

/** Compares in constant time (digests of equal length, whatever was sent). */
function bearerIs(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
  if (!m) return false;
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(m[1]!), digest(token));
}

function sendProblem(res: http.ServerResponse, err: AppError, instance: string | undefined): void {
  res.writeHead(err.status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify(problem(err, instance)));
}
