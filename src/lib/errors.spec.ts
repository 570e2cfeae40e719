import { describe, expect, it } from 'vitest';
import { AppError, ackError, errorStatus, fail, problem, type ErrorCode } from './errors.js';
import { RateLimited } from './rateLimit.js';

const codes = Object.keys(errorStatus) as ErrorCode[];

describe('the error table', () => {
  it('gives every code a status a client can act on: 4xx for its mistakes, 5xx only for ours', () => {
    for (const code of codes) {
      const status = errorStatus[code];
      expect(status >= 400 && status < 600, code).toBe(true);
    }
    expect(codes.filter((c) => errorStatus[c] >= 500).sort()).toEqual([
      'auth.method_disabled',
      'internal',
      'otp.send_failed',
      'service.unavailable',
      'turn.not_configured',
    ]);
  });

  it('names codes as lowercase words, optionally under a dotted area', () => {
    for (const code of codes) expect(code, code).toMatch(/^[a-z]+(?:[._][a-z]+)*$/);
  });
});

describe('fail / AppError', () => {
  it("carries the code, the table's status, a message and the field errors", () => {
    const err = fail('validation.failed', 'bad', [{ path: 'body.text', message: 'too long' }]);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toBeInstanceOf(Error);
    expect([err.code, err.status, err.message]).toEqual(['validation.failed', 400, 'bad']);
    expect(err.errors).toEqual([{ path: 'body.text', message: 'too long' }]);
  });

  it('defaults the message to the words of the code after its area', () => {
    expect(fail('media.too_many_uploads').message).toBe('too many uploads');
    expect(fail('forbidden').message).toBe('forbidden');
    expect(fail('rate_limited').message).toBe('rate limited');
  });
});

describe('problem(): the RFC 9457 body', () => {
  it('has type, title, status, code and detail; instance and errors only when there are some', () => {
    expect(problem(fail('message.not_found', 'no such message'))).toEqual({
      type: 'https://parley.dev/problems/message.not_found',
      title: 'Not Found',
      status: 404,
      code: 'message.not_found',
      detail: 'no such message',
    });
    const body = problem(fail('validation.failed', 'bad', [{ path: 'x', message: 'y' }]), '/api/v1/messages');
    expect(body.instance).toBe('/api/v1/messages');
    expect(body.errors).toEqual([{ path: 'x', message: 'y' }]);
    expect('instance' in problem(fail('internal'), '')).toBe(false);
  });

  it('has a title for every status in the table', () => {
    for (const code of codes) expect(problem(fail(code)).title, code).not.toBe('Error');
  });
});

describe('ackError: the socket ack for an error', () => {
  it('carries the code and message, and retryAfter only when rate limited', () => {
    expect(ackError(fail('group.full'))).toEqual({ ok: false, error: { code: 'group.full', message: 'full' } });
    expect(ackError(new RateLimited(3))).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'too many requests, try again later', retryAfter: 3 },
    });
  });
});
