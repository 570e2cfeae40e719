import { describe, expect, it } from 'vitest';
import { StatementNames } from './statementCache.js';

describe('StatementNames', () => {
  it('names a text from its third run on, the same name each time, distinct texts distinct names', () => {
    const names = new StatementNames(10);
    expect(names.nameFor('select 1')).toBeUndefined();
    expect(names.nameFor('select 1')).toBeUndefined();
    const first = names.nameFor('select 1');
    expect(first).toMatch(/^parley_[\w-]+$/);
    expect(names.nameFor('select 1')).toBe(first);
    for (let i = 0; i < 3; i++) names.nameFor('select 2');
    expect(names.nameFor('select 2')).not.toBe(first);
  });

  it('names at most `max` texts; those named keep their name, new ones run unnamed', () => {
    const names = new StatementNames(2, 1);
    const a = names.nameFor('a');
    const b = names.nameFor('b');
    expect([a, b].every(Boolean)).toBe(true);
    expect(names.nameFor('c')).toBeUndefined();
    expect(names.nameFor('c')).toBeUndefined();
    expect(names.nameFor('a')).toBe(a);
  });

  it('texts that never repeat are never named, however many', () => {
    const names = new StatementNames(4);
    for (let i = 0; i < 10_000; i++) expect(names.nameFor(`insert ${i}`)).toBeUndefined();
    for (let i = 0; i < 3; i++) names.nameFor('select 1');
    expect(names.nameFor('select 1')).toBeDefined();
  });
});
