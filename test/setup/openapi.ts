import fs from 'node:fs';
import { afterEach, expect } from 'vitest';
import { mismatches } from '../helpers/contract.js';
import { ResponseChecker } from '../helpers/openapi.js';

/**
 * Every response a test receives from a Parley server is checked against that server's OpenAPI
 * document (GET /api/v1/openapi.json), so the document cannot drift from what the server does:
 * one hook, `fetch` itself. Acks and server events are checked against the protocol module
 * (test/helpers/contract.ts, from the test server's sockets). A test with a mismatch fails at
 * its end, listing each.
 * PARLEY_OPENAPI_REPORT=<file>: append the mismatches there instead of failing (for surveys).
 */
// Files share a process (and this module may run once per file): wrap the real fetch once.
const holder = globalThis as typeof globalThis & { parleyRealFetch?: typeof fetch };
const realFetch = (holder.parleyRealFetch ??= globalThis.fetch);
const checkers = new Map<string, Promise<ResponseChecker | null>>();
const report = process.env.PARLEY_OPENAPI_REPORT;

function checkerFor(origin: string): Promise<ResponseChecker | null> {
  let checker = checkers.get(origin);
  if (!checker) {
    checker = realFetch(`${origin}/api/v1/openapi.json`)
      .then(async (res) => (res.ok ? new ResponseChecker((await res.json()) as never) : null))
      .catch(() => null);
    checkers.set(origin, checker);
  }
  return checker;
}

// The documents themselves are not operations of the API they describe.
const checked = (pathname: string) =>
  pathname.startsWith('/api/v1/') && !['/api/v1/openapi.json', '/api/v1/asyncapi.json'].includes(pathname);

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const res = await realFetch(input, init);
  const url = new URL(res.url || (input instanceof Request ? input.url : String(input)));
  if (!['127.0.0.1', 'localhost'].includes(url.hostname) || !checked(url.pathname)) return res;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  // A CORS preflight is answered by @fastify/cors for every path: no operation of the API.
  if (method === 'OPTIONS' && new Headers(init?.headers).has('access-control-request-method')) return res;
  const checker = await checkerFor(url.origin);
  if (!checker) return res;
  const type = res.headers.get('content-type');
  // A binary body is checked for its status and content type only: no need to read it here.
  const body = res.status === 204 || method === 'HEAD' ? '' : /json|text/.test(type ?? '') ? await res.clone().text() : 'binary';
  mismatches.push(...checker.check(method, url.pathname, res.status, type, body));
  return res;
};

afterEach((context) => {
  const found = mismatches.splice(0);
  if (found.length === 0) return;
  if (report) fs.appendFileSync(report, found.map((m) => `${context.task.file?.name ?? ''}\t${m}\n`).join(''));
  else expect(found, 'responses that do not match the OpenAPI document').toEqual([]);
});
