import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { networkError, problemToError } from './errors.js';
import type { paths } from './openapi.js';

/** Where the REST client gets its bearer token; the session implements it (one refresh at a time). */
export interface RestAuth {
  /** The current access token (refreshed first if it is about to expire), or undefined when signed out. */
  accessToken(): Promise<string | undefined>;
  /**
   * Called when a request made with `stale` got 401 `auth.token_expired`: returns a fresh token
   * (one refresh shared by all callers) or undefined.
   */
  refreshed(stale: string): Promise<string | undefined>;
}

/**
 * A typed client for every REST operation (openapi-fetch over the generated `paths`; paths are
 * relative to `/api/v1`): `rest.GET('/conversations')`, `rest.POST('/conversations/{id}/messages', …)`.
 * Results are `{ data, error, response }` with `error` typed as the operation's problem+json
 * (`error.code` a union of its codes); `unwrap` turns one into data or a thrown ParleyError.
 */
export type RestClient = Client<paths>;

export interface RestClientOptions {
  /** The server's origin (`https://chat.example.com`); a function is asked again on every request. */
  url: string | (() => string);
  auth?: RestAuth;
  fetch?: typeof fetch;
}

type Send = (request: Request) => Promise<Response>;

/** The API's base URL for a server origin. */
export const apiBase = (url: string): string => `${url.replace(/\/+$/, '')}/api/v1`;

export function createRestClient(opts: RestClientOptions): RestClient {
  const base = () => apiBase(typeof opts.url === 'function' ? opts.url() : opts.url);
  // Looked up on every request, not captured: a fetch installed later (a polyfill, a test's spy) is the one used.
  const send: Send = (request) => (opts.fetch ?? globalThis.fetch)(request);
  const client = createClient<paths>({ baseUrl: base(), fetch: send });
  if (typeof opts.url === 'function') client.use(rebased(base));
  if (opts.auth) client.use(bearer(opts.auth, send));
  client.use(networkFailures);
  return client;
}

/** The data of a result, or its problem thrown as a ParleyError. */
export function unwrap<D>(result: { data?: D; error?: unknown; response: Response }): D {
  const { response } = result;
  if (result.error !== undefined || !response.ok) throw problemToError(response.status, result.error, response.headers);
  return result.data as D;
}

/** Whether an answer is 401 `auth.token_expired` (read from a copy: the caller still gets the body). */
export async function isTokenExpired(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  try {
    return ((await response.clone().json()) as { code?: unknown }).code === 'auth.token_expired';
  } catch {
    return false;
  }
}

/**
 * Adds `Authorization: Bearer` when the auth has a token (a request that names its own keeps it).
 * On 401 `auth.token_expired` the request is sent once more with `auth.refreshed(stale)`: from a
 * copy taken before the first was sent, so a body can be sent again.
 */
function bearer(auth: RestAuth, send: Send): Middleware {
  const copies = new Map<string, { request: Request; token: string }>();
  return {
    async onRequest({ request, id }) {
      if (request.headers.has('authorization')) return undefined;
      const token = await auth.accessToken();
      if (!token) return undefined;
      request.headers.set('authorization', `Bearer ${token}`);
      copies.set(id, { request: request.clone(), token });
      return undefined;
    },
    async onResponse({ response, id }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (!copy || !(await isTokenExpired(response))) return undefined;
      const fresh = await auth.refreshed(copy.token);
      if (!fresh) return undefined;
      copy.request.headers.set('authorization', `Bearer ${fresh}`);
      try {
        return await send(copy.request);
      } catch (err) {
        throw err instanceof TypeError ? networkError(err) : err;
      }
    },
    onError({ id }) {
      copies.delete(id);
      return undefined;
    },
  };
}

/** fetch's TypeError (offline, DNS, CORS, reset) becomes ParleyError `network.failed`; an abort stays an AbortError. */
const networkFailures: Middleware = {
  onError: ({ error }) => (error instanceof TypeError ? networkError(error) : undefined),
};

/** With `url` a function: each request goes to the base it names now (the client was made with the first). */
function rebased(base: () => string): Middleware {
  return {
    async onRequest({ request, options }) {
      const now = base();
      if (now === options.baseUrl) return undefined;
      const from = new URL(request.url);
      const path = from.pathname.slice(new URL(options.baseUrl).pathname.length) + from.search;
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      return new Request(now + path, { method: request.method, headers: request.headers, body, signal: request.signal });
    },
  };
}
