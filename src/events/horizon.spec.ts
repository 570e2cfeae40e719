import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Horizon, HorizonBook, type Probe } from './horizon.js';

const probe = (issued: number, ...running: string[]): Probe => ({ issued, running });

describe('HorizonBook: what probes prove final', () => {
  it('starts at 0: nothing proven yet', () => {
    expect(new HorizonBook().horizon).toBe(0);
  });

  it('makes a probe that saw nothing running final at once', () => {
    const book = new HorizonBook();
    expect(book.observe(probe(5))).toBe(5);
    expect(book.observe(probe(9))).toBe(9);
  });

  it('holds a probe back until every xid it saw running is seen finished', () => {
    const book = new HorizonBook();
    expect(book.observe(probe(5, 'a', 'b'))).toBe(0);
    expect(book.observe(probe(7, 'b', 'c'))).toBe(0); // a finished, b still runs
    expect(book.observe(probe(8, 'c', 'd'))).toBe(5); // b finished: 5 is final; 7 still waits for c
    expect(book.observe(probe(8, 'd'))).toBe(7);
    expect(book.observe(probe(8))).toBe(8);
  });

  it('is not held back by a transaction that started after the probe (it cannot hold an id at or below it)', () => {
    const book = new HorizonBook();
    book.observe(probe(5, 'a'));
    // 'late' began after the first probe: only 'a' blocks 5.
    expect(book.observe(probe(6, 'late'))).toBe(5);
  });

  it('a frozen writer holds the horizon at what was final before it, however much is issued after', () => {
    const book = new HorizonBook();
    book.observe(probe(3));
    for (let v = 4; v < 200; v++) book.observe(probe(v, 'frozen', `w${v}`));
    expect(book.horizon).toBe(3);
    // It finished: what was issued before the last probes is final at once (not all of it: the book keeps 64 candidates).
    expect(book.observe(probe(200, 'w199'))).toBeGreaterThan(150);
    expect(book.observe(probe(200))).toBe(200);
  });

  it('never moves back', () => {
    const book = new HorizonBook();
    book.observe(probe(10));
    expect(book.observe(probe(4))).toBe(10);
  });

  it('keeps the last issued id seen', () => {
    const book = new HorizonBook();
    expect(book.issued).toBeUndefined();
    book.observe(probe(4, 'a'));
    expect(book.issued).toBe(4);
  });

  it('property: the horizon is never above an id whose writer has not finished, and reaches the top once all have', () => {
    // A simulated database: writers take an xid, then ids; each finishes (commits or rolls back) at some step.
    const scenario = fc.array(fc.record({ ids: fc.integer({ min: 1, max: 3 }), runsFor: fc.integer({ min: 0, max: 6 }) }), {
      minLength: 1,
      maxLength: 25,
    });
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 4 }), (writers, probeEvery) => {
        const book = new HorizonBook();
        let issued = 0;
        const open: { xid: string; maxId: number; endsAt: number }[] = [];
        const check = () => {
          const h = book.observe({ issued, running: open.map((w) => w.xid) });
          for (const w of open) expect(h).toBeLessThan(w.maxId);
        };
        writers.forEach((w, step) => {
          issued += w.ids;
          open.push({ xid: `x${step}`, maxId: issued, endsAt: step + w.runsFor });
          for (let i = open.length - 1; i >= 0; i--) if (open[i]!.endsAt <= step) open.splice(i, 1);
          if (step % probeEvery === 0) check();
        });
        open.length = 0;
        check();
        check();
        expect(book.horizon).toBe(issued);
      }),
    );
  });
});

describe('Horizon.advance: probes shared between callers', () => {
  function counting() {
    let started = 0;
    const gates: (() => void)[] = [];
    const horizon = new Horizon(async () => {
      const n = ++started;
      await new Promise<void>((resolve) => gates.push(resolve));
      return probe(n * 10);
    });
    return { horizon, started: () => started, open: () => gates.splice(0).forEach((g) => g()) };
  }

  it('runs one probe for callers while none is in flight, and one more for all who asked during it', async () => {
    const c = counting();
    const first = c.horizon.advance();
    const second = c.horizon.advance();
    const third = c.horizon.advance();
    expect(second).toBe(third);
    expect(c.started()).toBe(1);
    c.open();
    expect(await first).toBe(10);
    await new Promise((resolve) => setImmediate(resolve));
    expect(c.started()).toBe(2);
    c.open();
    // They asked while the first probe ran (it may have read before their commit): theirs started after.
    expect(await second).toBe(20);
    expect(c.horizon.known).toBe(20);
  });

  it('starts the next probe even when the one in flight failed', async () => {
    let calls = 0;
    const horizon = new Horizon(async () => {
      if (++calls === 1) throw new Error('connection lost');
      return probe(3);
    });
    const first = horizon.advance();
    const second = horizon.advance();
    await expect(first).rejects.toThrow('connection lost');
    expect(await second).toBe(3);
  });

  it('gives up on a probe that does not answer in time, drops its late answer, and probes again', async () => {
    let calls = 0;
    let answerLate: (p: Probe) => void = () => {};
    const horizon = new Horizon(
      () => {
        if (++calls === 1) return new Promise<Probe>((resolve) => (answerLate = resolve));
        return Promise.resolve(probe(4, 'x'));
      },
      false,
      10,
    );
    await expect(horizon.advance()).rejects.toThrow('horizon probe took over 10 ms');
    expect(await horizon.advance()).toBe(0);
    // The stuck one answers at last, saying nothing ran: applied now it would wrongly make 9 final.
    answerLate(probe(9));
    await new Promise((resolve) => setImmediate(resolve));
    expect(horizon.known).toBe(0);
  });

  it('takes a local commit as final without a probe only where transactions take turns', () => {
    const probeNever = async (): Promise<Probe> => {
      throw new Error('no probe expected');
    };
    const serial = new Horizon(probeNever, true);
    expect(serial.committed(7)).toBe(true);
    expect(serial.known).toBe(7);
    const concurrent = new Horizon(probeNever, false);
    expect(concurrent.committed(7)).toBe(false);
    expect(concurrent.known).toBe(0);
  });

  it("takes a concurrent commit as final when its transaction's own probe saw no other writer", () => {
    const horizon = new Horizon(async () => probe(0), false);
    // Its probe read the sequence at 9 (others took 8 and 9 and had finished): all of it is final.
    expect(horizon.committed(7, 9)).toBe(true);
    expect(horizon.known).toBe(9);
    // Another writer was running when it looked: nothing is proven, a probe is needed.
    expect(horizon.committed(12, undefined)).toBe(false);
    expect(horizon.known).toBe(9);
    // A proof that does not cover the commit itself is not taken either.
    expect(horizon.committed(14, 13)).toBe(false);
    expect(horizon.known).toBe(9);
  });

  it('settle probes until what was issued when it was called is final', async () => {
    const probes = [probe(5, 'a'), probe(6, 'a', 'b'), probe(6, 'b'), probe(6)];
    const horizon = new Horizon(async () => probes.shift() ?? probe(6));
    expect(await horizon.settle(0)).toBeGreaterThanOrEqual(5);
  });
});
