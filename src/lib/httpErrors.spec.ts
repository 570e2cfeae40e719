import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fc from 'fast-check';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, errorStatus, fail } from './errors.js';
import { installErrorHandlers, toAppError, type Unrouted } from './httpErrors.js';
import { RateLimited } from './rateLimit.js';

/** The error Fastify throws when a zod route schema refuses part of a request (as fastify/lib/validation.js builds it). */
function schemaError(schema: z.ZodType, data: unknown, where: 'body' | 'querystring' | 'params' | 'headers' | undefined) {
  const result = validatorCompiler({ schema, method: 'POST', url: '/', httpPart: where })(data) as { error?: unknown[] };
  if (!result.error) throw new Error('the schema accepted the data');
  return Object.assign(new Error('validation'), {
    statusCode: 400,
    code: 'FST_ERR_VALIDATION',
    validation: result.error,
    validationContext: where,
  });
}

const expectCode = (err: AppError, code: keyof typeof errorStatus) => {
  expect(err).toBeInstanceOf(AppError);
  expect(err.code).toBe(code);
  expect(err.status).toBe(errorStatus[code]);
};

describe('toAppError: anything thrown while serving a request becomes an AppError', () => {
  it('passes an AppError through as it is', () => {
    const err = fail('group.full', 'this group is full');
    expect(toAppError(err)).toBe(err);
    const limited = new RateLimited(7);
    expect(toAppError(limited)).toBe(limited);
  });

  it('maps a zod schema error to validation.failed with one dotted path per bad field, prefixed by the part of the request', () => {
    const body = z.object({ name: z.string(), tags: z.array(z.string()), nested: z.object({ n: z.number() }) });
    const err = toAppError(schemaError(body, { name: 1, tags: ['ok', 2], nested: { n: 'x' } }, 'body'));
    expectCode(err, 'validation.failed');
    expect(err.message).toBe('the request is invalid');
    expect(err.errors?.map((e) => e.path).sort()).toEqual(['body.name', 'body.nested.n', 'body.tags.1']);
    for (const e of err.errors!) expect(e.message).toEqual(expect.any(String));
  });

  it('names the root "(root)" only when there is neither a field nor a part of the request', () => {
    expect(toAppError(schemaError(z.string(), 5, undefined)).errors).toEqual([{ path: '(root)', message: expect.any(String) }]);
    expect(toAppError(schemaError(z.string(), 5, 'querystring')).errors?.[0]?.path).toBe('querystring');
  });

  it('maps each Fastify body and URL error code to its own stable code', () => {
    const cases: [string, keyof typeof errorStatus][] = [
      ['FST_ERR_CTP_INVALID_JSON_BODY', 'request.malformed_json'],
      ['FST_ERR_CTP_EMPTY_JSON_BODY', 'request.malformed_json'],
      ['FST_ERR_CTP_BODY_TOO_LARGE', 'request.too_large'],
      ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'request.unsupported_media_type'],
      ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 'request.bad'],
      ['FST_ERR_BAD_URL', 'request.bad_url'],
      ['FST_ERR_MAX_PARAM_LENGTH', 'request.url_too_long'],
    ];
    for (const [fastifyCode, code] of cases) {
      expectCode(toAppError(Object.assign(new Error('whatever Fastify says'), { code: fastifyCode, statusCode: 400 })), code);
    }
  });

  it('reads a JSON parse failure as malformed_json, whether a SyntaxError or a 400 that says JSON', () => {
    expectCode(toAppError(new SyntaxError('Unexpected token } in JSON at position 3')), 'request.malformed_json');
    expectCode(
      toAppError(Object.assign(new Error('Body is not valid JSON but content-type is set to application/json'), { statusCode: 400 })),
      'request.malformed_json',
    );
  });

  it("keeps another 4xx as request.bad with the framework's message", () => {
    const err = toAppError(Object.assign(new Error('querystring/limit must be <= 100'), { statusCode: 400 }));
    expectCode(err, 'request.bad');
    expect(err.message).toBe('querystring/limit must be <= 100');
    expectCode(toAppError(Object.assign(new Error('gone'), { statusCode: 499 })), 'request.bad');
  });

  it('maps a database that is away to service.unavailable (503), not internal', () => {
    expectCode(
      toAppError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
      'service.unavailable',
    );
    expectCode(
      toAppError(new Error('wrapped', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })),
      'service.unavailable',
    );
  });

  it('turns everything else into internal, without leaking its message', () => {
    for (const thrown of [
      new Error('relation "secret_table" does not exist'),
      Object.assign(new Error('boom'), { statusCode: 500 }),
      'a string',
      42,
    ]) {
      const err = toAppError(thrown);
      expectCode(err, 'internal');
      expect(err.message).toBe('internal server error');
    }
  });

  it('never throws: whatever is thrown (null, undefined, a code that names an Object method) maps to a code in the table', () => {
    for (const thrown of [null, undefined, { code: 'constructor' }, { code: 'toString', statusCode: 400 }]) {
      expect(Object.keys(errorStatus)).toContain(toAppError(thrown).code);
    }
    fc.assert(
      fc.property(fc.anything(), (thrown) => {
        const err = toAppError(thrown);
        return err instanceof AppError && err.status === errorStatus[err.code];
      }),
    );
  });
});

/** A stand-in for Fastify: keeps the handlers installErrorHandlers registers. */
function fakeApp(unrouted?: Unrouted) {
  const handlers: {
    error?: (err: unknown, req: FastifyRequest, reply: FastifyReply) => void;
    notFound?: (req: FastifyRequest, reply: FastifyReply) => void;
  } = {};
  const app = {
    setErrorHandler: (h: typeof handlers.error) => (handlers.error = h),
    setNotFoundHandler: (h: typeof handlers.notFound) => (handlers.notFound = h),
  } as unknown as FastifyInstance;
  installErrorHandlers(app, unrouted);
  return handlers;
}

/** A request and a reply that record what was answered. */
function exchange(url: string, method = 'GET') {
  const logged: { level: string; obj: unknown }[] = [];
  const req = {
    url,
    method,
    log: { warn: (obj: unknown) => logged.push({ level: 'warn', obj }), error: (obj: unknown) => logged.push({ level: 'error', obj }) },
  } as unknown as FastifyRequest;
  const sent: { status?: number; type?: string; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(s: number) {
      sent.status = s;
      return this;
    },
    type(t: string) {
      sent.type = t;
      return this;
    },
    header(k: string, v: string) {
      sent.headers[k.toLowerCase()] = v;
      return this;
    },
    getHeader: (k: string) => sent.headers[k.toLowerCase()],
    send(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  } as unknown as FastifyReply;
  return { req, reply, sent, logged };
}

describe('installErrorHandlers: the one place errors become problem+json', () => {
  it("answers with the error's status and problem body, its instance the path without the query string (which may carry ?token=)", () => {
    const { error } = fakeApp();
    const { req, reply, sent, logged } = exchange('/api/v1/media/abc?token=secret&x=1');
    error!(fail('media.not_found'), req, reply);
    expect(sent.status).toBe(404);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toMatchObject({ code: 'media.not_found', status: 404, instance: '/api/v1/media/abc' });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
    expect(logged).toEqual([]);
  });

  it('logs a 500 as an error and a database outage as one warning, and sends Retry-After for 503 and 429', () => {
    const { error } = fakeApp();
    const internal = exchange('/a');
    error!(new Error('bug'), internal.req, internal.reply);
    expect(internal.sent.status).toBe(500);
    expect(internal.logged.map((l) => l.level)).toEqual(['error']);
    expect(internal.sent.headers['retry-after']).toBeUndefined();

    const down = exchange('/b');
    error!(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }), down.req, down.reply);
    expect(down.sent.status).toBe(503);
    expect(down.logged.map((l) => l.level)).toEqual(['warn']);
    expect(down.sent.headers['retry-after']).toBe('1');

    const limited = exchange('/c');
    error!(new RateLimited(42), limited.req, limited.reply);
    expect(limited.sent.headers['retry-after']).toBe('42');
    expect(limited.logged).toEqual([]);
  });

  it('keeps a Retry-After the route already set', () => {
    const { error } = fakeApp();
    const { req, reply, sent } = exchange('/c');
    reply.header('Retry-After', '9');
    error!(new RateLimited(42), req, reply);
    expect(sent.headers['retry-after']).toBe('9');
  });

  it('answers an unknown route with route.not_found naming the method and path, never the query string', () => {
    const { notFound } = fakeApp();
    const { req, reply, sent } = exchange('/nowhere?token=secret', 'DELETE');
    notFound!(req, reply);
    expect(sent.status).toBe(404);
    expect(sent.body).toMatchObject({ code: 'route.not_found', detail: 'no route for DELETE /nowhere', instance: '/nowhere' });
  });

  it('asks `unrouted` (the web client) first: what it answers is not a 404, what it declines is', () => {
    const asked: string[] = [];
    const { notFound } = fakeApp((req) => {
      asked.push(req.url);
      return req.url === '/chat/1';
    });
    const page = exchange('/chat/1');
    notFound!(page.req, page.reply);
    expect(page.sent).toEqual({ headers: {} });
    const api = exchange('/api/v1/nope');
    notFound!(api.req, api.reply);
    expect(api.sent).toMatchObject({ status: 404, body: { code: 'route.not_found' } });
    expect(asked).toEqual(['/chat/1', '/api/v1/nope']);
  });
});
