import { expect } from 'vitest';
import type { ApiResponse } from './server.js';

/**
 * The response is an RFC 9457 problem with this status and stable code. A validation.failed
 * problem lists its field `errors`; `fields` are paths (or patterns of paths) that must be among them.
 */
export function expectProblem(res: ApiResponse, status: number, code: string, fields: (string | RegExp)[] = []): void {
  expect({ status: res.status, code: res.body?.code }, JSON.stringify(res.body)).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  expect(typeof res.body.detail).toBe('string');
  if (code !== 'validation.failed') return;
  expect(Array.isArray(res.body.errors)).toBe(true);
  const paths: string[] = res.body.errors.map((e: { path: string; message: string }) => {
    expect(typeof e.message).toBe('string');
    return e.path;
  });
  for (const f of fields)
    expect(
      paths.some((p) => (typeof f === 'string' ? p === f : f.test(p))),
      `${String(f)} in ${paths.join(',')}`,
    ).toBe(true);
}
