import { displayName, plainText, uuid } from '@parley/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { issuesToFieldErrors, parseInput, stripBidiControls } from './validation.js';

const BIDI = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const name = displayName(64);

describe('displayName: a name people see', () => {
  it('accepts names in any script, emoji and inner spaces, trimmed', () => {
    expect(name.parse('  Zoë Ōkubo ')).toBe('Zoë Ōkubo');
    for (const ok of ['محمد', 'שלום', '李小龍', 'Ana 🌸', "O'Brien-Smith", 'a']) expect(name.parse(ok)).toBe(ok);
  });

  it('refuses every text-direction control, wherever it is (an override shows "Eve\\u202Egnp.exe" as "Eveexe.png")', () => {
    for (const c of BIDI) {
      for (const s of [`Eve${c}gnp.exe`, `${c}Eve`, `Eve${c}`]) expect(name.safeParse(s).success, JSON.stringify(s)).toBe(false);
    }
  });

  it('allows the joiners emoji and some scripts need, which are not direction controls', () => {
    expect(name.parse('👩\u200d💻')).toBe('👩\u200d💻');
    expect(name.parse('क्\u200dष')).toBe('क्\u200dष');
  });

  it('refuses an empty or blank name, one too long, control characters and lone surrogates', () => {
    for (const bad of ['', '   ', 'x'.repeat(65), 'a\u0000b', 'a\u0007b', 'a\u007fb', 'a\ud800b', 'a\udc00']) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(name.parse('x'.repeat(64))).toHaveLength(64);
  });

  it('accepts exactly the plain-text names that have no direction control', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom(...BIDI));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
        (s) => {
          const accepted = name.safeParse(s).success;
          const expected = plainText(64).safeParse(s).success && s.trim().length > 0 && !BIDI.some((c) => s.includes(c));
          return accepted === expected;
        },
      ),
    );
  });
});

describe('stripBidiControls', () => {
  it('removes every direction control and nothing else, leaving a name displayName accepts', () => {
    expect(stripBidiControls('\u202bEve\u202e gnp\u2069.exe\u200f')).toBe('Eve gnp.exe');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }), fc.constantFrom(...BIDI))),
        (parts) => {
          const stripped = stripBidiControls(parts.join(''));
          return stripped === parts.filter((p) => !BIDI.includes(p)).join('') && !BIDI.some((c) => stripped.includes(c));
        },
      ),
    );
  });
});

describe('plainText', () => {
  it('keeps tab, newline and carriage return; refuses other C0 controls and DEL', () => {
    expect(plainText(10).parse('a\tb\nc')).toBe('a\tb\nc');
    expect(plainText(10).safeParse('a\u007fb').success).toBe(false);
    for (let code = 0; code < 0x20; code++) {
      if (code === 9 || code === 10 || code === 13) continue;
      expect(plainText(10).safeParse(`a${String.fromCharCode(code)}b`).success, `U+${code.toString(16)}`).toBe(false);
    }
  });
});

describe('parseInput', () => {
  it('returns the parsed value, or throws validation.failed with one dotted path per bad field', () => {
    const schema = name.array();
    expect(parseInput(schema, ['a'])).toEqual(['a']);
    try {
      parseInput(schema, ['ok', '\u202ex', 3]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('validation.failed');
      expect((err as AppError).errors?.map((e) => e.path)).toEqual(['1', '2']);
    }
    expect(issuesToFieldErrors([{ path: [], message: 'm' }])).toEqual([{ path: '(root)', message: 'm' }]);
  });

  it('reads ids lowercased (they are compared as text)', () => {
    expect(uuid.parse('0192F0E4-5B6A-7C8D-9E0F-A1B2C3D4E5F6')).toBe('0192f0e4-5b6a-7c8d-9e0f-a1b2c3d4e5f6');
    expect(uuid.safeParse('not-a-uuid').success).toBe(false);
  });
});
