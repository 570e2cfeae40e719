import { expect } from 'vitest';
import type { ApiResponse } from './server.js';

/** The response is an RFC 9457 problem with this status and stable code. */
export function expectProblem(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }, JSON.stringify(res.body)).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
}
