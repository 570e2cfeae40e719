import { z } from 'zod';

/** Lowercased: ids are compared as text (direct-chat keys, self checks, maps), and the database writes them lowercase. */
export const uuid = z.uuid({ version: undefined, message: 'must be a UUID' }).toLowerCase();

/** No control characters other than tab/newline, no lone UTF-16 surrogates (PostgreSQL's jsonb rejects them); trimmed. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters')
    .refine((s) => !/\p{Cs}/u.test(s), 'must be valid Unicode (no lone surrogates)');

/**
 * Text-direction controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069)
 * and marks (U+200E, U+200F, U+061C). In a name they make it read as something else (an
 * override shows "Eve\u202Egnp.exe" as "Eveexe.png") or spill into the text around it.
 */
export const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/** A name people see (user name, group name): plain text, no direction controls, not empty. */
export const displayName = (max: number) =>
  plainText(max)
    .refine(
      (s) => !BIDI_CONTROLS.test(s),
      'must not contain text-direction control characters (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069)',
    )
    .pipe(z.string().min(1, 'must not be empty'));

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Exactly one emoji (one grapheme that is pictographic or a flag): a reaction. */
export const emoji = z
  .string()
  .min(1)
  .max(32)
  .refine(
    (s) => [...graphemes.segment(s)].length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s),
    'must be a single emoji',
  );

/** The sender's own id for a message, so a retried send is recognised and never stored twice. */
export const clientMessageId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/, 'letters, digits and _ . : - only');

/** A position in a conversation (message `seq`). */
export const seq = z.number().int().min(0).max(2_147_483_647);
