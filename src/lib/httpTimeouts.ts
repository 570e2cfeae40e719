import type { IncomingMessage, ServerOptions } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { fail } from './errors.js';
import { writeRawProblem } from './httpErrors.js';

/**
 * Routes whose bodies are uploads (up to MEDIA_MAX_BYTES or a tus chunk of any size): they get
 * HTTP_UPLOAD_TIMEOUT_SECONDS instead of HTTP_REQUEST_TIMEOUT_SECONDS. A tus PATCH cut off keeps
 * the bytes it delivered, and the client resumes from HEAD.
 */
const uploadRoutes = new Set([
  'POST /api/v1/media/upload',
  'POST /api/v1/users/me/avatar',
  'POST /api/v1/media/tus',
  'PATCH /api/v1/media/tus/:id',
  // X-HTTP-Method-Override: PATCH (tus-js-client's overridePatchMethod) carries a chunk too.
  'POST /api/v1/media/tus/:id',
]);

/**
 * Node's own bounds, for every connection: the headers within HTTP_HEADERS_TIMEOUT_SECONDS and
 * the whole request (uploads included) within HTTP_UPLOAD_TIMEOUT_SECONDS. Past them Node
 * reports ERR_HTTP_REQUEST_TIMEOUT to `clientErrorHandler` (408 problem+json, then closed).
 */
export function serverTimeouts(config: Config): { requestTimeout: number; http: ServerOptions } {
  const headersMs = config.HTTP_HEADERS_TIMEOUT_SECONDS * 1000;
  return {
    requestTimeout: config.HTTP_UPLOAD_TIMEOUT_SECONDS * 1000,
    // Node checks the deadlines every connectionsCheckingInterval (30 s by default): often
    // enough that a deadline is kept to within half the headers timeout.
    http: { headersTimeout: headersMs, connectionsCheckingInterval: Math.min(30_000, Math.max(100, headersMs / 2)) },
  };
}

const hasBody = (raw: IncomingMessage) =>
  raw.headers['content-length'] !== undefined ? raw.headers['content-length'] !== '0' : raw.headers['transfer-encoding'] !== undefined;

/**
 * The tighter bound for every other body: it must arrive within HTTP_REQUEST_TIMEOUT_SECONDS of
 * its headers, else 408 request.timeout and the connection is closed. And a response sent before
 * its request's body arrived (a 401 for an upload, say) closes the connection: Node would
 * otherwise keep reading, and discarding, a trickled body until the upload timeout.
 */
export function installBodyDeadline(app: FastifyInstance, config: Config): void {
  const ms = config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000;
  app.addHook('onRequest', (req, reply, done) => {
    const raw = req.raw;
    if (!hasBody(raw) || raw.complete || uploadRoutes.has(`${req.method} ${req.routeOptions.url}`)) return done();
    const timer = setTimeout(() => {
      if (raw.complete) return;
      if (reply.raw.headersSent) raw.socket.destroy();
      else
        writeRawProblem(
          raw.socket,
          fail('request.timeout', `the request body did not arrive within ${config.HTTP_REQUEST_TIMEOUT_SECONDS} s`),
        );
    }, ms);
    const clear = () => clearTimeout(timer);
    raw.once('end', clear);
    raw.once('close', clear);
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (hasBody(req.raw) && !req.raw.complete) reply.header('connection', 'close');
    done(null, payload);
  });
}
