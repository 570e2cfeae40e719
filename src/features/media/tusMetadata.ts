import { fail } from '../../lib/errors.js';

/** Upload-Metadata: comma-separated `key base64value` pairs. */
export function parseMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header?.trim()) return out;
  for (const pair of header.split(',')) {
    const [key, value = '', extra] = pair.trim().split(' ');
    const ok = key && /^[\x21-\x7e]+$/.test(key) && !key.includes(',') && extra === undefined && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
    if (!ok || key in out) {
      throw fail('validation.failed', 'Upload-Metadata is malformed', [
        { path: 'headers.upload-metadata', message: 'comma-separated "key base64" pairs' },
      ]);
    }
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    // Stored as jsonb, which has no place for NUL.
    if (decoded.includes('\u0000')) {
      throw fail('validation.failed', 'Upload-Metadata is malformed', [
        { path: `headers.upload-metadata.${key}`, message: 'must not contain NUL' },
      ]);
    }
    out[key] = decoded;
  }
  return out;
}

/** The Upload-Metadata header for stored metadata: an empty value is sent as the bare key. */
export const encodeMetadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => (v ? `${k} ${Buffer.from(v, 'utf8').toString('base64')}` : k))
    .join(',');
