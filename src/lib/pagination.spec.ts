import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.js';
import { decodeCursor, encodeCursor, likePattern } from './pagination.js';

const key = z.object({ t: z.number(), id: z.string() });

function refused(cursor: string, schema: z.ZodType = key) {
  try {
    decodeCursor(cursor, schema);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation.failed');
    expect((err as AppError).errors).toEqual([{ path: 'querystring.cursor', message: 'not a cursor this server issued' }]);
    return true;
  }
  return false;
}

describe('opaque cursors', () => {
  it('decode to what was encoded, for any JSON value the schema accepts', () => {
    fc.assert(
      fc.property(
        fc.record({ t: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)), id: fc.string() }),
        (value) => {
          expect(decodeCursor(encodeCursor(value), key)).toEqual(value);
        },
      ),
    );
    // A `__proto__` key survives JSON.parse as an own property but not zod's object copy; no cursor of ours has one.
    const noProtoKey = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"'));
    fc.assert(
      fc.property(noProtoKey, (value) => {
        expect(decodeCursor(encodeCursor(value), z.json())).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('are URL-safe: base64url, no padding, nothing a query string must escape', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => /^[A-Za-z0-9_-]*$/.test(encodeCursor(value))));
  });

  it('no cursor, or an empty one, is the first page', () => {
    expect(decodeCursor(undefined, key)).toBeUndefined();
    expect(decodeCursor('', key)).toBeUndefined();
  });

  it('refuse, as validation.failed on querystring.cursor, what is not base64 JSON or not of the expected shape', () => {
    expect(refused('not a cursor')).toBe(true);
    expect(refused(Buffer.from('{"t":1').toString('base64url'))).toBe(true);
    expect(refused(encodeCursor({ t: '1', id: 'x' }))).toBe(true);
    expect(refused(encodeCursor(null))).toBe(true);
    expect(refused(encodeCursor('abc'), z.string().regex(/^[a-z]{4,}$/))).toBe(true);
    expect(refused(encodeCursor({ t: 1, id: 'x' }))).toBe(false);
  });

  it('never fail with anything but validation.failed, whatever the client sends', () => {
    fc.assert(
      fc.property(fc.string(), (cursor) => {
        try {
          key.parse(decodeCursor(cursor, key) ?? { t: 0, id: '' });
        } catch (err) {
          return err instanceof AppError && err.code === 'validation.failed';
        }
        return true;
      }),
    );
  });
});

describe('likePattern', () => {
  it("matches anywhere, and takes the text's own %, _ and backslash literally", () => {
    expect(likePattern('ann')).toBe('%ann%');
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(likePattern('')).toBe('%%');
  });

  it('leaves no unescaped wildcard from the text, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const inner = likePattern(text).slice(1, -1);
        // Read the pattern as LIKE does: a backslash takes the next character literally.
        let literal = '';
        for (let i = 0; i < inner.length; i++) {
          const c = inner[i]!;
          if (c === '\\') literal += inner[++i];
          else if (c === '%' || c === '_') return false;
          else literal += c;
        }
        return literal === text;
      }),
    );
  });
});
