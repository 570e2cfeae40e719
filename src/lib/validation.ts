import { z } from 'zod';
import { fail, type FieldError } from './errors.js';

export const issuesToFieldErrors = (issues: readonly { path: PropertyKey[]; message: string }[]): FieldError[] =>
  issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));

/** Parses untrusted input (a socket payload) or throws validation.failed listing each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw fail('validation.failed', 'invalid payload', issuesToFieldErrors(r.error.issues));
  return r.data;
}

/** Lowercased: ids are compared as text (direct-chat keys, self checks, maps), and the database writes them lowercase. */
export const uuid = z.uuid({ version: undefined, message: 'must be a UUID' }).toLowerCase();
export const idParams = z.object({ id: uuid });
export const limitParam = z.coerce.number().int().min(1).max(100).default(50);

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
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/** A name people see (user name, group name): plain text, no direction controls, not empty. */
export const displayName = (max: number) =>
  plainText(max)
    .refine(
      (s) => !BIDI_CONTROLS.test(s),
      'must not contain text-direction control characters (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069)',
    )
    .pipe(z.string().min(1, 'must not be empty'));

/** Removes direction controls from a name that came from elsewhere (a Google profile). */
export const stripBidiControls = (s: string) => s.replace(new RegExp(BIDI_CONTROLS.source, 'g'), '');
