import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components?: unknown };

interface Route {
  template: string;
  pattern: RegExp;
  /** Fewer parameters first: `/media/tus` before `/media/{id}`. */
  params: number;
}

/**
 * Checks real responses against the server's own OpenAPI document: the status must be
 * documented for the operation, the content type among the documented ones, and a JSON body
 * must match its schema. Returns what is wrong, or nothing.
 */
export class ResponseChecker {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Document) {
    const options = { strict: false, allErrors: true, validateFormats: true };
    this.ajv = doc.openapi.startsWith('3.1') ? new Ajv2020(options) : new Ajv(options);
    (addFormats as unknown as (a: Ajv) => void)(this.ajv);
    this.ajv.addSchema({ ...(doc as object), $id: 'openapi' });
    this.routes = Object.keys(doc.paths)
      .map((template) => {
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
        return { template, pattern: new RegExp(`^${source}$`), params: (template.match(/\{/g) ?? []).length };
      })
      .sort((a, b) => a.params - b.params);
  }

  check(method: string, pathname: string, status: number, contentType: string | null, body: string): string[] {
    const lower = method.toLowerCase();
    const matching = this.routes.filter((r) => r.pattern.test(pathname));
    // The router picks a route per method: GET /users/me/keys is GET /users/{id}/keys when /users/me/keys has only PUT.
    const route = matching.find((r) => lower in this.doc.paths[r.template]!) ?? matching[0];
    const where = `${method} ${pathname} → ${status}`;
    // No operation serves it: the only right answer is the router's 404 route.not_found (problem+json).
    const unrouted = () => (status === 404 && /"code":"route\.not_found"/.test(body) ? [] : [`${where}: no operation serves this`]);
    if (!route) return unrouted();
    // Fastify answers HEAD for every GET (without the body); only an explicit HEAD (tus) is documented as one.
    const operation = this.doc.paths[route.template]![lower] ?? (lower === 'head' ? this.doc.paths[route.template]!.get : undefined);
    if (!operation) return unrouted();
    const responses = operation.responses ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) return [`${where}: status not documented for ${method} ${route.template} (has ${Object.keys(responses).join(', ')})`];
    const content = responses[key]!.content;
    if (!content || body === '' || method === 'HEAD') return [];
    const type = (contentType ?? '').split(';')[0]!.trim();
    const mediaType =
      type in content ? type : Object.keys(content).find((t) => t === '*/*' || (t.endsWith('/*') && type.startsWith(t.slice(0, -1))));
    if (!mediaType) return [`${where}: content type ${type || '(none)'} not documented (has ${Object.keys(content).join(', ')})`];
    // One JSON document (application/json, application/problem+json), not NDJSON's lines of them.
    if (!/^application\/([\w.-]+\+)?json$/.test(mediaType) || content[mediaType]!.schema === undefined) return [];
    const validate = this.validator(route.template, lower, key, mediaType);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return [`${where}: body is not JSON`];
    }
    if (validate(parsed)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }

  private validator(template: string, method: string, status: string, mediaType: string): ValidateFunction {
    const pointer = ['paths', template, method, 'responses', status, 'content', mediaType, 'schema']
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const id = `openapi#/${pointer}`;
    let validate = this.compiled.get(id);
    if (!validate) this.compiled.set(id, (validate = this.ajv.compile({ $ref: id })));
    return validate;
  }
}
