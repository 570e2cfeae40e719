import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, fail, problem } from './errors.js';

const fastifyCodes: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => fail('request.malformed_json', 'the body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => fail('request.malformed_json', 'the JSON body is empty'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => fail('request.too_large', 'the body is larger than the limit'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => fail('request.unsupported_media_type', 'unsupported Content-Type'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => fail('request.bad', 'Content-Length does not match the body'),
};

/** Turns anything thrown while serving a request into an AppError; unknown errors become `internal`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
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
  const fe = err as Partial<FastifyError>;
  if (fe.code && fastifyCodes[fe.code]) return fastifyCodes[fe.code]!();
  if (fe instanceof SyntaxError || (fe.statusCode === 400 && /JSON/i.test(fe.message ?? ''))) {
    return fail('request.malformed_json', 'the body is not valid JSON');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return fail('request.bad', fe.message);
  return fail('internal', 'internal server error');
}

/** One handler for every route: problem+json with a stable code, internals never leaked. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    if (appErr.code === 'rate_limited' && !reply.getHeader('retry-after')) {
      reply.header('retry-after', String((appErr as { retryAfter?: number }).retryAfter ?? 1));
    }
    void reply.status(appErr.status).type('application/problem+json').send(problem(appErr, req.url));
  });
  app.setNotFoundHandler((req, reply) => {
    void reply
      .status(404)
      .type('application/problem+json')
      .send(problem(fail('route.not_found', `no route for ${req.method} ${req.url.split('?')[0]}`), req.url));
  });
}
