import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { emojiIcon, iconBackground } from './icons.js';

const ok = (schema: z.ZodType, s: string) => schema.safeParse(s).success;

describe('emojiIcon: one emoji', () => {
  it('accepts a pictograph, with a presentation selector, a skin tone, or joined by ZWJ', () => {
    for (const e of ['🌸', '❤️', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '☕', '😀']) expect(ok(emojiIcon, e), e).toBe(true);
  });

  it('accepts flags (two regional indicators, or a black flag with tag letters) and keycaps', () => {
    for (const e of ['🇫🇷', '🇯🇵', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '#️⃣', '1️⃣', '*⃣']) expect(ok(emojiIcon, e), e).toBe(true);
  });

  it("follows Unicode's emoji properties: symbols with a text default (©, ↔) and emoji-presentation singles (🇫, 🏽) are emoji", () => {
    for (const e of ['©', '↔', '🇫', '🏽']) expect(ok(emojiIcon, e), e).toBe(true);
  });

  it('trims surrounding spaces', () => {
    expect(emojiIcon.parse('  🌸 ')).toBe('🌸');
  });

  it('refuses text, digits, two emoji, two flags, a lone joiner, direction controls and an empty string', () => {
    for (const bad of ['a', 'ab', '1', '#', '🌸🌸', '🇫🇷🇯🇵', '\u200d', '', ' ', '<script>', '🌸a', '\u202e🌸', '🌸\u200d']) {
      expect(ok(emojiIcon, bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('accepts nothing longer than 32 UTF-16 units, and never two graphemes', () => {
    const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3 }), (s) => {
        if (!ok(emojiIcon, s)) return true;
        const t = s.trim();
        return t.length <= 32 && [...graphemes.segment(t)].length === 1;
      }),
    );
  });
});

describe('iconBackground: a colour, a gradient of colours, or class names', () => {
  it('accepts hex, rgb(a) and hsl(a) colours, in any case', () => {
    for (const c of [
      '#fff',
      '#FFFF',
      '#1a2b3c',
      '#1a2b3c80',
      'rgb(10, 20, 30)',
      'rgba(10,20,30,0.5)',
      'rgb(10 20 30 / 50%)',
      'hsl(210deg, 50%, 40%)',
      'HSLA(210, 50%, 40%, 0.5)',
    ]) {
      expect(ok(iconBackground, c), c).toBe(true);
    }
  });

  it('accepts linear gradients of 2 to 10 colours, with a direction and stops', () => {
    for (const g of [
      'linear-gradient(#fff, #000)',
      'linear-gradient(45deg, #fff 0%, #000 100%)',
      'linear-gradient(to bottom right, rgb(1,2,3), hsl(4,5%,6%))',
    ]) {
      expect(ok(iconBackground, g), g).toBe(true);
    }
    expect(ok(iconBackground, `linear-gradient(${Array(10).fill('#fff').join(', ')})`)).toBe(true);
    expect(ok(iconBackground, `linear-gradient(${Array(11).fill('#fff').join(', ')})`)).toBe(false);
    expect(ok(iconBackground, 'linear-gradient(#fff)')).toBe(false);
  });

  it('accepts utility-class words, up to 12', () => {
    expect(ok(iconBackground, 'bg-gradient-to-br from-blue-400 to-blue-600')).toBe(true);
    expect(ok(iconBackground, 'md:bg-red-500/50')).toBe(true);
    expect(ok(iconBackground, Array(12).fill('a').join(' '))).toBe(true);
    expect(ok(iconBackground, Array(13).fill('a').join(' '))).toBe(false);
  });

  it('refuses whatever could carry something else: url(), quotes, semicolons, braces, angle brackets, other functions', () => {
    const bad = [
      'url(https://evil.example/x.png)',
      'linear-gradient(#fff, url(x))',
      '#fff; background: url(x)',
      '"red"',
      "'red'",
      'red}body{display:none',
      '<b>',
      'expression(alert(1))',
      'radial-gradient(#fff, #000)',
      'var(--x)',
      '#ggg',
      '#12345',
      '',
      'a  b',
      '-bg',
    ];
    for (const b of bad) expect(ok(iconBackground, b), b).toBe(false);
  });

  it('refuses anything over 200 characters', () => {
    expect(ok(iconBackground, 'a'.repeat(200))).toBe(true);
    expect(ok(iconBackground, 'a'.repeat(201))).toBe(false);
  });

  it('never lets ( ) through except in colour and gradient functions, nor ; " \' < > { } \\ at all', () => {
    const alphabet = fc.constantFrom(...'abc-#0123456789(),;"\'<>{}\\ %/.:'.split(''), 'rgb(', 'linear-gradient(', 'url(', 'deg');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        (s) => {
          if (!ok(iconBackground, s)) return true;
          const t = s.trim();
          if (/[;"'<>{}\\]/.test(t) || t.includes('url(')) return false;
          return !t.includes('(') || /^(?:rgba?|hsla?|linear-gradient)\(/i.test(t);
        },
      ),
    );
  });
});
