import { describe, expect, it } from 'vitest';
import { textOn } from './contrast';

describe('textOn', () => {
  it('puts black on the light avatar colours and white on the dark ones', () => {
    expect(textOn('hsl(65, 65%, 45%)')).toBe('#000000'); // yellow-green: white would be about 2:1
    expect(textOn('hsl(137, 65%, 45%)')).toBe('#000000');
    expect(textOn('hsl(240, 65%, 45%)')).toBe('#ffffff');
    expect(textOn('#008069')).toBe('#ffffff');
  });
  it('keeps white for a colour it cannot read', () => expect(textOn('rebeccapurple')).toBe('#ffffff'));
});
