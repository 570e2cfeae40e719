import { describe, expect, it } from 'vitest';
import { mentionedIds, mentionQuery, splitMentions } from './mentions';

const ada = { id: 'a', name: 'Ada Lovelace' } as Parameters<typeof mentionedIds>[1][number];

describe('mentions', () => {
  it('finds the @query before the caret, only at a word start', () => {
    expect(mentionQuery('hi @Ad', 6)).toEqual({ start: 3, query: 'Ad' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail@ex', 7)).toBeUndefined();
    expect(mentionQuery('hi @Ada there', 13)).toBeUndefined();
  });

  it('sends only the mentions the text still carries', () => {
    expect(mentionedIds('hi @Ada Lovelace!', [ada, ada])).toEqual(['a']);
    expect(mentionedIds('hi Ada', [ada])).toEqual([]);
  });

  it('splits out the mentioned names, longest first', () => {
    expect(splitMentions('hey @Ada Lovelace and @Ada', ['Ada', 'Ada Lovelace'])).toEqual([
      { text: 'hey ', mention: false },
      { text: '@Ada Lovelace', mention: true },
      { text: ' and ', mention: false },
      { text: '@Ada', mention: true },
    ]);
    expect(splitMentions('a+b', [])).toEqual([{ text: 'a+b', mention: false }]);
  });
});
