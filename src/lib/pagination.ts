import type { z } from 'zod';
import { fail } from './errors.js';

/** Opaque page cursors: base64url JSON, validated on the way back in. */
export const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw fail('validation.failed', 'invalid cursor', [{ path: 'querystring.cursor', message: 'not a cursor this server issued' }]);
}

/** A LIKE pattern matching `text` anywhere, with its own % and _ taken literally. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
