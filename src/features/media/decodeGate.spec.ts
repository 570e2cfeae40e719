import { describe, expect, it } from 'vitest';
import { DecodeGate } from './decodeGate.js';

/** A job that records when it runs and finishes when `release` is called. */
function job(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    release: () => release(),
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('DecodeGate: the bound on image decodes in flight', () => {
  it('runs at most `slots` jobs at once, the rest in arrival order', async () => {
    const gate = new DecodeGate(2, 100);
    const log: string[] = [];
    const [a, b, c] = [job(log, 'a'), job(log, 'b'), job(log, 'c')];
    const all = [gate.run(10, a.run), gate.run(10, b.run), gate.run(10, c.run)];
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.release();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    a.release();
    c.release();
    await Promise.all(all);
  });

  it('counts weight: two heavy jobs that together exceed the budget run one after the other; one over the budget runs alone', async () => {
    const gate = new DecodeGate(4, 100);
    const log: string[] = [];
    const [a, b, c] = [job(log, 'a'), job(log, 'b'), job(log, 'c')];
    // 16-bit samples: each weighs what two 8-bit images of the limit do.
    const all = [gate.run(60, a.run), gate.run(60, b.run), gate.run(1000, c.run)];
    await tick();
    expect(log).toEqual(['start a']);
    a.release();
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.release();
    await tick();
    expect(log.at(-1)).toBe('start c');
    c.release();
    await Promise.all(all);
  });

  it('frees its slot when a job fails', async () => {
    const gate = new DecodeGate(1, 10);
    await expect(gate.run(10, async () => Promise.reject(new Error('undecodable')))).rejects.toThrow('undecodable');
    expect(await gate.run(10, async () => 'next')).toBe('next');
  });
});
