import { extensionOf, knownExtensions } from './types.js';

/**
 * A file name safe to store and to send in Content-Disposition: no path, no control or quoting
 * characters, at most 150 characters, and always the extension of the type actually stored
 * ("invoice.pdf.exe" sniffed as a PDF becomes "invoice.pdf.exe.pdf"). Null when none was given.
 */
export function safeFileName(name: string | null | undefined, mime: string): string | null {
  if (!name) return null;
  const ext = extensionOf(mime);
  let base = name
    .split(/[/\\]/)
    .pop()!
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"<>:|?*;]/g, '')
    .replace(/\p{Cs}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!base) return null;
  const dot = base.lastIndexOf('.');
  const current = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const matches = current === ext || (ext === 'jpg' && (current === 'jpeg' || current === 'jpe'));
  // A media extension of another type is replaced (photo.avif stored as WebP: photo.webp);
  // anything else is kept and the right one appended (evil.html as a zip: evil.html.zip).
  if (!matches) base = knownExtensions.has(current) ? `${base.slice(0, dot)}.${ext}` : `${base}.${ext}`;
  if (base.length > 150) base = `${base.slice(0, 150 - ext.length - 1)}.${ext}`;
  return base;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(type: 'inline' | 'attachment', name: string | null): string {
  if (!name) return type;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
