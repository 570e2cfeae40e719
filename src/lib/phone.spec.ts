import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { E164_RE, countryCallingCode, normalizePhone, phoneNumber } from './phone.js';

describe('normalizePhone: a number as people write it, in E.164', () => {
  it('drops the formatting people and address books add', () => {
    for (const written of [
      '+1 (415) 555-0123',
      '+1.415.555.0123',
      '+1 415/555 0123',
      '+1\u00a0415\u2009555\u20110123',
      '\u202a+1 415 555 0123\u202c',
      '+1-415-555-0123\u200e',
      '\ufeff+14155550123',
    ]) {
      expect(normalizePhone(written), JSON.stringify(written)).toBe('+14155550123');
    }
  });

  it('reads the 00 international prefix as +', () => {
    expect(normalizePhone('0014155550123')).toBe('+14155550123');
    expect(normalizePhone('00 44 20 7946 0958')).toBe('+442079460958');
  });

  it('reads full-width digits and plus as digits and plus', () => {
    expect(normalizePhone('＋１４１５５５５０１２３')).toBe('+14155550123');
  });

  it('needs a default country code for a national number, dropping its one trunk 0', () => {
    expect(normalizePhone('020 7946 0958')).toBeNull();
    expect(normalizePhone('020 7946 0958', '44')).toBe('+442079460958');
    expect(normalizePhone('020 7946 0958', '+44')).toBe('+442079460958');
    expect(normalizePhone('4155550123', '1')).toBe('+14155550123');
    // A leading + or 00 wins over the default.
    expect(normalizePhone('+33 1 23 45 67 89', '44')).toBe('+33123456789');
    expect(normalizePhone('0020 7946 0958', '44')).toBe('+2079460958');
  });

  it('refuses a bad default country code', () => {
    for (const cc of ['0', '044', '1234', 'uk', '']) expect(normalizePhone('020 7946 0958', cc), cc).toBeNull();
  });

  it('refuses letters, extensions, a country code starting with 0, and numbers too short or too long', () => {
    for (const bad of [
      '+1 415 CALL NOW',
      '+1 415 555 0123 ext 5',
      '+1 415 555 0123#5',
      '+0 415 555 0123',
      '+123456',
      '+1234567890123456',
      '+',
      '',
      '1-800-FLOWERS',
      '++14155550123',
      '+1 415 555 0123 +1',
    ]) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
    expect(normalizePhone('+1234567')).toBe('+1234567');
    expect(normalizePhone('+123456789012345')).toBe('+123456789012345');
  });

  it('refuses input longer than 64 characters before reading it', () => {
    expect(normalizePhone(`+1 415 555 0123${' '.repeat(50)}`)).toBeNull();
  });

  it('returns E.164 or null for anything, and the same number again when given its own output', () => {
    const written = fc.stringMatching(/^[+0-9 ()\-.]{0,30}$/);
    fc.assert(
      fc.property(
        fc.oneof(written, fc.string()),
        fc.option(fc.constantFrom('1', '44', '+49', '0', 'x'), { nil: undefined }),
        (input, cc) => {
          const out = normalizePhone(input, cc);
          if (out === null) return true;
          return E164_RE.test(out) && normalizePhone(out) === out && normalizePhone(out, '44') === out;
        },
      ),
    );
  });
});

describe('phoneNumber: the request field', () => {
  it('normalises what it accepts and refuses what is not international', () => {
    expect(phoneNumber.parse(' +44 20 7946 0958')).toBe('+442079460958');
    expect(phoneNumber.safeParse('020 7946 0958').success).toBe(false);
    expect(phoneNumber.safeParse('x'.repeat(65)).success).toBe(false);
  });

  it('accepts a country calling code with or without +', () => {
    for (const ok of ['1', '44', '+44', '999']) expect(countryCallingCode.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0', '+0', '1000', '4 4', '']) expect(countryCallingCode.safeParse(bad).success, bad).toBe(false);
  });
});
