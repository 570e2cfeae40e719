import Fastify, { type RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { documentCommonProblems, documentsRateLimit, problems } from './apiDocs.js';

/** The response entries the onRoute hook leaves on a route's schema. */
function documented(route: Partial<RouteOptions>): Record<string, { description: string }> {
  const http = Fastify();
  documentCommonProblems(http);
  let schema: { response?: Record<string, { description: string }> } | undefined;
  http.addHook('onRoute', (r) => void (schema = r.schema as typeof schema));
  // onRoute runs as the route is added: no need to start (or compile serializers for) the instance.
  http.route({ method: 'POST', url: '/x', handler: async () => ({}), schema: { response: {} }, ...route });
  return schema!.response!;
}

describe('documentCommonProblems', () => {
  it('documents 429 rate_limited on a route whose preHandler spends a rate limit, alone or among others', () => {
    const limited = documentsRateLimit(async () => {});
    expect(documented({ preHandler: limited })['429']?.description).toBe('`rate_limited`');
    expect(documented({ preHandler: [async () => {}, limited] })['429']?.description).toBe('`rate_limited`');
  });

  it('documents no 429 on a route without one', () => {
    expect(documented({ preHandler: async () => {} })).not.toHaveProperty('429');
    expect(documented({})).not.toHaveProperty('429');
  });

  it('documents the body errors on a route whose method carries a body, with a body schema or not', () => {
    // Fastify parses a POST, PUT, PATCH or DELETE body whatever the schema says (POST /groups/:id/join with `{bad` is 400).
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = documented({ method });
      expect(response['400']?.description).toBe('`request.malformed_json`');
      expect(response['415']?.description).toBe('`request.unsupported_media_type`');
    }
    expect(documented({ method: 'GET' })).not.toHaveProperty('415');
  });

  it('documents what every route can answer, merged with a route’s own codes for the same status', () => {
    const response = documented({ schema: { response: { ...problems('auth.method_disabled') } } });
    expect(response['431']?.description).toBe('`request.header_too_large`');
    expect(response['503']?.description).toBe('`auth.method_disabled`, `service.unavailable`');
  });
});
