import { BIDI_CONTROLS, uuid } from '@parley/protocol';
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

export const idParams = z.object({ id: uuid });
export const limitParam = z.coerce.number().int().min(1).max(100).default(50);

/** Removes direction controls from a name that came from elsewhere (a Google profile). */
export const stripBidiControls = (s: string) => s.replace(new RegExp(BIDI_CONTROLS.source, 'g'), '');
