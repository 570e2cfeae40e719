import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, fail, problem } from './errors.js';
import { databaseUnavailable } from './pgErrors.js';

const fastifyCodes: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => fail('request.malformed_json', 'the body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => fail('request.malformed_json', 'the JSON body is empty'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => fail('request.too_large', 'the body is larger than the limit'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => fail('request.unsupported_media_type', 'unsupported Content-Type'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => fail('request.bad', 'Content-Length does not match the body'),
  FST_ERR_BAD_URL: () => fail('request.bad_url', 'the URL is not validly percent-encoded'),
  FST_ERR_MAX_PARAM_LENGTH: () => fail('request.url_too_long', 'a path segment of the URL is longer than allowed'),
};

/** Turns anything thrown while serving a request into an AppError; unknown errors become `internal`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // The database restarting, failing over or cutting a session off: retryable, not a bug.
  if (databaseUnavailable(err)) return fail('service.unavailable', 'the database is unavailable: retry shortly');
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext;
    return fail(
      'validation.failed',
      'the request is invalid',
      err.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.') || '(root)',
        message: v.message ?? 'invalid',
      })),
    );
  }
  // `throw null` is legal JavaScript; and only the table's own keys are codes (not `constructor`).
  const fe = (err ?? {}) as Partial<FastifyError>;
  if (typeof fe.code === 'string' && Object.hasOwn(fastifyCodes, fe.code)) return fastifyCodes[fe.code]!();
  if (fe instanceof SyntaxError || (fe.statusCode === 400 && /JSON/i.test(fe.message ?? ''))) {
    return fail('request.malformed_json', 'the body is not valid JSON');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return fail('request.bad', fe.message);
  return fail('internal', 'internal server error');
}

/** The path a problem is about: never its query string, which may carry `?token=`. */
const instanceOf = (url: string) => url.split('?')[0];

function sendProblem(req: FastifyRequest, reply: FastifyReply, err: unknown): void {
  const appErr = toAppError(err);
  // A database outage fails every request for a while: one warning each, not an error report.
  if (appErr.code === 'service.unavailable') req.log.warn({ err: (err as Error).message }, 'request failed: database unavailable');
  else if (appErr.status >= 500) req.log.error({ err }, 'request failed');
  if ((appErr.code === 'rate_limited' || appErr.code === 'service.unavailable') && !reply.getHeader('retry-after')) {
    reply.header('retry-after', String((appErr as { retryAfter?: number }).retryAfter ?? 1));
  }
  void reply
    .status(appErr.status)
    .type('application/problem+json')
    .send(problem(appErr, instanceOf(req.url)));
}

/** Answers a request no route took, or returns false to leave it a 404 (the web client's pages: src/boot/webClient.ts). */
export type Unrouted = (req: FastifyRequest, reply: FastifyReply) => boolean;

/** One handler for every route: problem+json with a stable code, internals never leaked. */
export function installErrorHandlers(app: FastifyInstance, unrouted?: Unrouted): void {
  app.setErrorHandler((err, req, reply) => sendProblem(req, reply, err));
  app.setNotFoundHandler((req, reply) => {
    if (unrouted?.(req, reply)) return;
    void reply
      .status(404)
      .type('application/problem+json')
      .send(problem(fail('route.not_found', `no route for ${req.method} ${instanceOf(req.url)}`), instanceOf(req.url)));
  });
}

/** Fastify's `frameworkErrors`: a URL the router cannot take (bad percent-encoding, an overlong parameter). */
export const frameworkErrors = (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => sendProblem(req, reply, err);

/**
 * A problem+json response written straight to the socket, for errors before (or instead of) a
 * request; then the connection closes, whatever the client still sends.
 */
export function writeRawProblem(socket: Socket, err: AppError): void {
  const body = JSON.stringify(problem(err));
  socket.end(
    `HTTP/1.1 ${err.status} ${http.STATUS_CODES[err.status] ?? 'Error'}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

const clientErrors: Record<string, () => AppError> = {
  HPE_HEADER_OVERFLOW: () => fail('request.header_too_large', 'the request headers are larger than the limit'),
  ERR_HTTP_REQUEST_TIMEOUT: () => fail('request.timeout', 'the request did not arrive in time'),
};

/**
 * Fastify's `clientErrorHandler`: errors Node's HTTP parser meets before Fastify sees a request
 * (oversized headers, a request or headers timeout, bytes that are not HTTP) answered as
 * problem+json, then the connection is closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  // A response already under way on this connection cannot be replaced by another one.
  const started = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !started) {
    writeRawProblem(socket, clientErrors[err.code ?? '']?.() ?? fail('request.bad', 'the request is not valid HTTP'));
  } else {
    socket.destroy();
  }
}
