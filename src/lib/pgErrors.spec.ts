import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { databaseUnavailable, uniqueViolation } from './pgErrors.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseUnavailable: "retry shortly", not "the request was wrong"', () => {
  it('recognises shutdown, crash, too many connections and the session timeouts Parley sets', () => {
    for (const code of ['57P01', '57P02', '57P03', '53300', '57014', '55P03', '25P03'])
      expect(databaseUnavailable(withCode(code)), code).toBe(true);
  });

  it('recognises every connection exception of class 08 by its prefix', () => {
    for (const code of ['08000', '08003', '08006', '08001', '08P01']) expect(databaseUnavailable(withCode(code)), code).toBe(true);
    expect(databaseUnavailable(withCode('08'))).toBe(false);
    expect(databaseUnavailable(withCode('080000'))).toBe(false);
  });

  it("recognises the driver's socket errors and the messages node-postgres gives without a code", () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']) {
      expect(databaseUnavailable(withCode(code)), code).toBe(true);
    }
    for (const message of [
      'Connection terminated unexpectedly',
      'Client has encountered a connection error and is not queryable',
      'timeout exceeded when trying to connect',
      'Client was closed and is not queryable',
      'Connection ended unexpectedly',
    ]) {
      expect(databaseUnavailable(new Error(message)), message).toBe(true);
    }
  });

  it("is false for the request's own mistakes and for bugs", () => {
    for (const code of ['23505', '23503', '22P02', '42P01', '40001', '40P01', 'ENOENT'])
      expect(databaseUnavailable(withCode(code)), code).toBe(false);
    expect(databaseUnavailable(new Error('relation "x" does not exist'))).toBe(false);
    for (const v of [null, undefined, 0, '', '57P01', 'Connection terminated', [], {}]) expect(databaseUnavailable(v)).toBe(false);
  });

  it('looks through `cause` chains and AggregateError lists (drizzle wraps, pg-pool aggregates)', () => {
    const deep = new Error('query failed', { cause: new Error('wrapped', { cause: withCode('57P01') }) });
    expect(databaseUnavailable(deep)).toBe(true);
    expect(databaseUnavailable(new AggregateError([new Error('a'), withCode('ECONNREFUSED')]))).toBe(true);
    expect(databaseUnavailable(new AggregateError([new Error('a'), withCode('23505')]))).toBe(false);
  });

  it('ends on a cycle of causes', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(databaseUnavailable(a)).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (v) => typeof databaseUnavailable(v) === 'boolean'));
  });
});

describe('uniqueViolation: which unique index a statement hit', () => {
  it('names the constraint of a 23505, also when wrapped', () => {
    expect(uniqueViolation(Object.assign(withCode('23505'), { constraint: 'users_email_key' }))).toBe('users_email_key');
    expect(uniqueViolation(new Error('drizzle', { cause: Object.assign(withCode('23505'), { constraint: 'x' }) }))).toBe('x');
    expect(uniqueViolation(withCode('23505'))).toBe('');
  });

  it('is undefined for anything else', () => {
    expect(uniqueViolation(withCode('23503'))).toBeUndefined();
    expect(uniqueViolation(new Error('x'))).toBeUndefined();
    expect(uniqueViolation(undefined)).toBeUndefined();
  });
});
