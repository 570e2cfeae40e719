import { describe, expect, it } from 'vitest';
import { UploadLines } from './tusLines.js';

describe('UploadLines: the requests of one node that write to an upload, in turn', () => {
  it('gives the first in line its turn at once, and the next one once it leaves', async () => {
    const lines = new UploadLines();
    const first = lines.join('u');
    const second = lines.join('u');
    expect(await first.turn(1000)).toBe(true);
    const waiting = second.turn(1000);
    first.leave();
    expect(await waiting).toBe(true);
    second.leave();
    expect(lines.busy('u')).toBe(false);
  });

  it('gives up after the bound (false) while the one ahead stays, and leaving twice is harmless', async () => {
    const lines = new UploadLines();
    const first = lines.join('u');
    const second = lines.join('u');
    const started = Date.now();
    expect(await second.turn(50)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    second.leave();
    second.leave();
    expect(lines.busy('u')).toBe(true);
    // One who gave up is no longer ahead of anyone.
    const third = lines.join('u');
    first.leave();
    expect(await third.turn(50)).toBe(true);
    third.leave();
    expect(lines.busy('u')).toBe(false);
  });

  it('keeps uploads apart, and idle waits for those in line when asked (not for later ones)', async () => {
    const lines = new UploadLines();
    const a = lines.join('a');
    expect(await lines.join('b').turn(10)).toBe(true);
    expect(await lines.idle('c', 10)).toBe(true);
    const idle = lines.idle('a', 1000);
    const later = lines.join('a');
    setTimeout(() => a.leave(), 20);
    expect(await idle).toBe(true);
    expect(lines.busy('a')).toBe(true);
    expect(await lines.idle('a', 20)).toBe(false);
    later.leave();
    expect(lines.busy('a')).toBe(false);
  });
});
