import { z } from 'zod';

/** E.164: "+", a country code that does not start with 0, 7 to 15 digits in all. */
export const E164_RE = /^\+[1-9]\d{6,14}$/;

// Spaces of every kind, dashes, dots, slashes, brackets, and the invisible direction marks
// address books put around numbers.
const SEPARATORS = /[\s\p{Zs}\-‐‑‒–—―.·/()[\]\u200b-\u200f\u202a-\u202e\u2060\ufeff]/gu;

/**
 * A phone number as people write it, in E.164, or null when it cannot be one.
 * "+1 (415) 555-0123" and "0014155550123" → "+14155550123". A national number ("020 7946 0958")
 * needs `defaultCountryCode` ("44"): its one leading trunk 0 is dropped and the code prepended.
 * Full-width digits are read as digits; letters, extensions and anything else make it null.
 */
export function normalizePhone(input: string, defaultCountryCode?: string): string | null {
  if (input.length > 64) return null;
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (defaultCountryCode !== undefined && /^\d+$/.test(compact)) {
    const cc = defaultCountryCode.replace(/^\+/, '');
    if (!/^[1-9]\d{0,2}$/.test(cc)) return null;
    digits = cc + compact.replace(/^0/, '');
  } else return null;
  if (!/^\d+$/.test(digits)) return null;
  const e164 = `+${digits}`;
  return E164_RE.test(e164) ? e164 : null;
}

/** A request field holding one phone number, normalised to E.164 (formatting allowed, "+" or "00" required). */
export const phoneNumber = z
  .string()
  .max(64)
  .refine((s) => normalizePhone(s) !== null, 'must be an international phone number like +14155550123')
  .transform((s) => normalizePhone(s)!);

/** A country calling code such as "44" or "+44", for numbers written without one. */
export const countryCallingCode = z.string().regex(/^\+?[1-9]\d{0,2}$/, 'must be a country calling code like 44 or +44');
