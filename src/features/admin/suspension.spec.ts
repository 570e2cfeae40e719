import { describe, expect, it } from 'vitest';
import { isSuspended } from './suspension.js';

describe('isSuspended', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('is false when never suspended (an old `until` alone means nothing)', () => {
    expect(isSuspended({ suspendedAt: null, suspendedUntil: null }, now)).toBe(false);
    expect(isSuspended({ suspendedAt: null, suspendedUntil: at('2027-01-01T00:00:00Z') }, now)).toBe(false);
  });

  it('holds without an end, and until the end has passed', () => {
    const since = at('2026-11-01T00:00:00Z');
    expect(isSuspended({ suspendedAt: since, suspendedUntil: null }, now)).toBe(true);
    expect(isSuspended({ suspendedAt: since, suspendedUntil: at('2026-12-01T12:00:01Z') }, now)).toBe(true);
    expect(isSuspended({ suspendedAt: since, suspendedUntil: at('2026-12-01T12:00:00Z') }, now)).toBe(false);
    expect(isSuspended({ suspendedAt: since, suspendedUntil: at('2026-11-30T00:00:00Z') }, now)).toBe(false);
  });
});
