import type { FastifyInstance, FastifySchemaCompiler, RouteOptions } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorStatus, type ErrorCode } from './errors.js';

/** RFC 9457 problem details, as every error response carries it (errors.ts `problem`). */
export const problemBody = z
  .object({
    type: z.string().meta({ example: 'https://parley.dev/problems/conversation.not_found' }),
    title: z.string().meta({ example: 'Not Found' }),
    status: z.number().int().meta({ example: 404 }),
    code: z.string().meta({ description: 'Stable error code (docs/api.md lists them all).', example: 'conversation.not_found' }),
    detail: z.string().meta({ example: 'conversation not found' }),
    instance: z.string().optional().meta({ description: 'The request path (never its query).' }),
    errors: z
      .array(z.object({ path: z.string().meta({ example: 'body.text' }), message: z.string() }))
      .optional()
      .meta({ description: 'validation.failed: each bad field.' }),
  })
  .meta({ id: 'Problem', description: 'An error: application/problem+json with a stable `code`.' });

interface ProblemResponse {
  description: string;
  content: Record<string, { schema: z.ZodType }>;
}
type ResponseSchemas = Record<number, ProblemResponse>;
/** The codes behind each problem response, so common and route-specific lists can be merged. */
const codesOf = new WeakMap<object, ErrorCode[]>();

/** The problem+json responses for the codes a route can give, grouped by status, each listing its codes. */
export function problems(...codes: ErrorCode[]): ResponseSchemas {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of codes) {
    const status = errorStatus[code];
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses: ResponseSchemas = {};
  for (const [status, set] of byStatus) {
    const list = [...set].sort();
    const schema = z.intersection(problemBody, z.looseObject({ code: z.enum(list as [ErrorCode, ...ErrorCode[]]) }));
    const response = { description: list.map((c) => `\`${c}\``).join(', '), content: { 'application/problem+json': { schema } } };
    codesOf.set(response, list);
    responses[status] = response;
  }
  return responses;
}

/** What any route can answer whatever it does (an outage, a node draining; headers past Node's limit, src/lib/httpErrors.ts). */
const everyRoute: ErrorCode[] = ['service.unavailable', 'request.header_too_large'];
/** What a route that reads input can answer before its handler runs (src/lib/httpErrors.ts). */
const withInput: ErrorCode[] = ['validation.failed', 'request.bad'];
/** A path parameter can be badly percent-encoded or longer than the router takes (src/lib/httpErrors.ts). */
const withPathParams: ErrorCode[] = ['request.bad_url', 'request.url_too_long'];
const withBody: ErrorCode[] = ['request.malformed_json', 'request.too_large', 'request.unsupported_media_type', 'request.timeout'];
/** A bearer-token route (src/features/auth/authenticate.ts). */
const withBearer: ErrorCode[] = ['auth.unauthorized', 'auth.token_invalid', 'auth.token_expired', 'auth.session_revoked'];

/** preHandlers that spend a rate limit (src/features/limits/rateLimits.ts): their routes can answer 429. */
const rateLimiters = new WeakSet<object>();
/** Marks a preHandler as spending a rate limit, so every route using it documents 429 `rate_limited`. */
export function documentsRateLimit<T extends object>(preHandler: T): T {
  rateLimiters.add(preHandler);
  return preHandler;
}
/** Fastify reads the body of these methods whether or not the route has a body schema (a bad one is refused all the same). */
const carriesBody = (route: RouteOptions) => [route.method].flat().some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m));
const spendsRateLimit = (route: RouteOptions) => [route.preHandler].flat().some((h) => typeof h === 'function' && rateLimiters.has(h));

interface DocumentedSchema {
  hide?: boolean;
  body?: unknown;
  querystring?: unknown;
  params?: unknown;
  security?: Record<string, unknown>[];
  response?: Record<string | number, unknown>;
}

/**
 * Every route documents the problems all routes of its kind can give (validation, auth,
 * outages, a rate limit its preHandler spends) so each route lists only its own; a route's
 * own entry for a status wins. Public routes say `security: []`. Installed before any route
 * is registered.
 */
export function documentCommonProblems(http: FastifyInstance): void {
  http.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as DocumentedSchema | undefined;
    if (!schema || schema.hide) return;
    const secured = schema.security?.some((s) => 'bearerAuth' in s) ?? false;
    if (!schema.security) schema.security = [];
    const codes = [
      ...everyRoute,
      ...(schema.body || schema.querystring || schema.params ? withInput : []),
      ...(route.url.includes(':') ? withPathParams : []),
      ...(schema.body || carriesBody(route) ? withBody : []),
      ...(secured ? withBearer : []),
      ...(spendsRateLimit(route) ? (['rate_limited'] as const) : []),
    ];
    schema.response = { ...merge(problems(...codes), schema.response ?? {}) };
  });
}

/** A route's own problem list for a status adds to the common one for that status. */
function merge(common: ResponseSchemas, own: Record<string | number, unknown>): Record<string | number, unknown> {
  const merged: Record<string | number, unknown> = { ...common };
  for (const [status, response] of Object.entries(own)) {
    const shared = common[Number(status)];
    const ownCodes = typeof response === 'object' && response ? codesOf.get(response) : undefined;
    merged[status] = shared && ownCodes ? problems(...codesOf.get(shared)!, ...ownCodes)[Number(status)] : response;
  }
  return merged;
}

/**
 * zod → JSON Schema for the document: as the type provider's own, but without the safe-integer
 * bounds zod puts on every `.int()` (±9007199254740991 read as examples of every integer).
 */
const zodToJsonConfig = {
  override(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) {
    const json = ctx.jsonSchema;
    if (Array.isArray(json.anyOf)) json.anyOf = json.anyOf.filter((branch: object) => Object.keys(branch).length > 0);
    if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
    if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
  },
};
const zodTransform = createJsonSchemaTransform({ zodToJsonConfig });

/** A response header as the document shows it (@fastify/swagger: the schema, and its description). */
export interface HeaderDoc {
  description: string;
  type: 'string' | 'integer';
}

/**
 * A response with headers, or without a body (no `content`: 204, 304): the zod transform keeps
 * only a response's description and content, so `openApiTransform` puts the rest back.
 */
export interface ResponseDoc {
  description: string;
  headers?: Record<string, HeaderDoc>;
  content?: Record<string, { schema: z.ZodType }>;
}

/** A JSON response with its own description (a bare zod schema is documented as 'Default Response'). */
export const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });

const isResponseDoc = (r: unknown): r is ResponseDoc => typeof r === 'object' && r !== null && !(r instanceof z.ZodType);

/**
 * zod → OpenAPI for one route, with response headers and bodiless responses (`ResponseDoc`). An
 * explicit HEAD route (tus) keeps its operationId: @fastify/swagger suffixes `-head` for GETs' twins.
 */
export const openApiTransform: typeof zodTransform = (document) => {
  const own = (document.schema as DocumentedSchema | undefined)?.response;
  if (!own) return zodTransform(document);
  const response = Object.fromEntries(
    Object.entries(own).map(([s, r]) => [s, isResponseDoc(r) && !r.content ? z.null().meta({ description: r.description }) : r]),
  );
  const result = zodTransform({ ...document, schema: { ...document.schema, response } });
  const out = result.schema as { operationId?: string; response?: Record<string, object> };
  for (const [status, r] of Object.entries(own)) {
    if (isResponseDoc(r) && r.headers && out.response?.[status]) Object.assign(out.response[status], { headers: r.headers });
  }
  if (document.route.method === 'HEAD' && out.operationId) out.operationId = out.operationId.replace(/-head$/, '');
  return result;
};

/**
 * The validator compiler of a route whose handler streams its body (multipart, tus chunks) and
 * reads its headers itself: params and query are validated with zod as on every route, while
 * the body and headers schemas only document them.
 */
export const paramsAndQueryValidator = <S>(route: Parameters<FastifySchemaCompiler<S>>[0]): ReturnType<FastifySchemaCompiler<S>> =>
  route.httpPart === 'body' || route.httpPart === 'headers' ? () => true : validatorCompiler(route as never);

const transformObject = createJsonSchemaTransformObject({ zodToJsonConfig });

/** The document with only the components it uses: every named schema is registered twice (input, output), most used once. */
export const openApiTransformObject: typeof transformObject = (document) =>
  dropUnusedSchemas(transformObject(document) as Components) as ReturnType<typeof transformObject>;

interface Components {
  components?: { schemas?: Record<string, unknown> };
}

function dropUnusedSchemas(doc: Components): Components {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const refs = (value: unknown) => [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  const used = new Set(refs({ ...doc, components: { ...doc.components, schemas: {} } }));
  for (let grew = true; grew;) {
    grew = false;
    for (const ref of [...used].flatMap((name) => refs(schemas[name]))) {
      if (used.has(ref)) continue;
      used.add(ref);
      grew = true;
    }
  }
  return { ...doc, components: { ...doc.components, schemas: Object.fromEntries(Object.entries(schemas).filter(([n]) => used.has(n))) } };
}
