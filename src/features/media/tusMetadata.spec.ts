import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { encodeMetadata, parseMetadata } from './tusMetadata.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The field errors of the validation.failed a header is refused with. */
function refusal(header: string) {
  try {
    parseMetadata(header);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation.failed');
    return (err as AppError).errors;
  }
  throw new Error(`accepted ${JSON.stringify(header)}`);
}

/** A key as tus allows one (printable ASCII, no space or comma), not one that Object.prototype already has. */
const key = fc.stringMatching(/^[\x21-\x2b\x2d-\x7e]{1,12}$/).filter((k) => !(k in {}));

describe('parseMetadata: the Upload-Metadata header', () => {
  it('reads comma-separated "key base64" pairs, decoding each value as UTF-8', () => {
    expect(parseMetadata(`filename ${b64('café.png')},filetype ${b64('image/png')}`)).toEqual({
      filename: 'café.png',
      filetype: 'image/png',
    });
  });

  it('takes a key without a value as the empty string, and spaces around pairs', () => {
    expect(parseMetadata(` is_confidential , name ${b64('n')} `)).toEqual({ is_confidential: '', name: 'n' });
  });

  it('reads no header, an empty one or only spaces as no metadata', () => {
    expect(parseMetadata(undefined)).toEqual({});
    expect(parseMetadata('')).toEqual({});
    expect(parseMetadata('   ')).toEqual({});
  });

  it('refuses a value that decodes to NUL (jsonb has no place for it), naming the key', () => {
    expect(refusal(`name ${b64('a\u0000b')}`)).toEqual([{ path: 'headers.upload-metadata.name', message: 'must not contain NUL' }]);
  });

  it('refuses malformed pairs: a repeated key, an empty pair, three parts, a value that is not base64, a non-ASCII key', () => {
    const malformed = [
      `a ${b64('1')},a ${b64('2')}`,
      `a ${b64('1')},,b`,
      `a ${b64('1')} extra`,
      'a not*base64',
      'a ab=c',
      'clé YQ==',
      `a  ${b64('1')}`,
    ];
    for (const header of malformed)
      expect(refusal(header), header).toEqual([{ path: 'headers.upload-metadata', message: 'comma-separated "key base64" pairs' }]);
  });

  it('gives back what encodeMetadata wrote, for any keys and any text without NUL', () => {
    const value = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (metadata) => {
        expect(parseMetadata(encodeMetadata(metadata))).toEqual(metadata);
      }),
    );
  });

  it('either returns string values or refuses with validation.failed, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (header) => {
        try {
          for (const v of Object.values(parseMetadata(header))) expect(typeof v).toBe('string');
        } catch (err) {
          expect((err as AppError).code).toBe('validation.failed');
        }
      }),
    );
  });
});
