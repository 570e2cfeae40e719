import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { firstIdAt } from './stats.js';

describe('firstIdAt', () => {
  it('is at or below every UUID v7 made at or after that time, and above those made before', () => {
    const t = Date.now();
    const now = uuidv7();
    expect(firstIdAt(t) <= now).toBe(true);
    expect(firstIdAt(t + 60_000) > now).toBe(true);
    expect(firstIdAt(t)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7000-8000-000000000000$/);
  });
});
