import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { fail } from '../../lib/errors.js';

export type MediaKind = 'image' | 'video' | 'audio' | 'file';

/**
 * What Parley accepts, by the type sniffed from the bytes (file-type). Anything else — including
 * bytes no sniffer recognises, such as plain text, SVG and HTML — is refused with
 * media.unsupported_type, whatever the file's name or declared type.
 */
const allowed: Record<string, { kind: MediaKind; ext: string }> = {
  'image/jpeg': { kind: 'image', ext: 'jpg' },
  'image/png': { kind: 'image', ext: 'png' },
  'image/webp': { kind: 'image', ext: 'webp' },
  'image/gif': { kind: 'image', ext: 'gif' },
  'image/avif': { kind: 'image', ext: 'avif' },
  'video/mp4': { kind: 'video', ext: 'mp4' },
  'video/x-m4v': { kind: 'video', ext: 'm4v' },
  'video/webm': { kind: 'video', ext: 'webm' },
  'video/quicktime': { kind: 'video', ext: 'mov' },
  'video/3gpp': { kind: 'video', ext: '3gp' },
  'audio/mpeg': { kind: 'audio', ext: 'mp3' },
  'audio/ogg': { kind: 'audio', ext: 'ogg' },
  'audio/opus': { kind: 'audio', ext: 'opus' },
  'audio/wav': { kind: 'audio', ext: 'wav' },
  'audio/x-m4a': { kind: 'audio', ext: 'm4a' },
  'audio/mp4': { kind: 'audio', ext: 'm4a' },
  'audio/aac': { kind: 'audio', ext: 'aac' },
  'audio/flac': { kind: 'audio', ext: 'flac' },
  'audio/amr': { kind: 'audio', ext: 'amr' },
  'audio/webm': { kind: 'audio', ext: 'weba' },
  'audio/3gpp': { kind: 'audio', ext: '3gp' },
  'application/pdf': { kind: 'file', ext: 'pdf' },
  'application/zip': { kind: 'file', ext: 'zip' },
  'application/gzip': { kind: 'file', ext: 'gz' },
  'application/x-7z-compressed': { kind: 'file', ext: '7z' },
  'application/epub+zip': { kind: 'file', ext: 'epub' },
  'application/rtf': { kind: 'file', ext: 'rtf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'file', ext: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'file', ext: 'xlsx' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'file', ext: 'pptx' },
  'application/vnd.oasis.opendocument.text': { kind: 'file', ext: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { kind: 'file', ext: 'ods' },
  'application/vnd.oasis.opendocument.presentation': { kind: 'file', ext: 'odp' },
};

/**
 * Containers that hold audio alone as often as video: when the uploader declares the audio
 * type of the same container (a voice note in WebM, an .m4a), it is filed as audio.
 */
const audioOf: Record<string, string[]> = {
  'video/webm': ['audio/webm'],
  'video/mp4': ['audio/mp4', 'audio/x-m4a', 'audio/m4a', 'audio/aac'],
  'video/3gpp': ['audio/3gpp'],
  'video/ogg': ['audio/ogg'],
};

export interface MediaType {
  mime: string;
  kind: MediaKind;
  ext: string;
}

const baseMime = (m: string) => m.split(';')[0]!.trim().toLowerCase();

function classify(detected: string | undefined, declared: string | undefined): MediaType | undefined {
  if (!detected) return undefined;
  const mime = baseMime(detected);
  const wanted = declared ? baseMime(declared) : undefined;
  if (wanted && audioOf[mime]?.includes(wanted)) {
    const audio = allowed[wanted] ?? allowed['audio/mp4']!;
    return { mime: allowed[wanted] ? wanted : 'audio/mp4', ...audio };
  }
  const accepted = allowed[mime];
  return accepted ? { mime, ...accepted } : undefined;
}

/** The type of a complete file, from its bytes; media.unsupported_type when it is not one Parley accepts. */
export async function sniffFile(file: string, declared?: string): Promise<MediaType> {
  const type = classify((await fileTypeFromFile(file))?.mime, declared);
  if (!type) throw fail('media.unsupported_type', 'the file is not of a supported type');
  return type;
}

/**
 * A look at the first bytes of an upload still arriving: refuses early what is recognisably not
 * allowed (an executable, say). Unrecognised bytes wait for the whole file (an MP3's tag can be long).
 */
export async function refuseEarly(head: Uint8Array, declared?: string): Promise<void> {
  const detected = await fileTypeFromBuffer(head);
  if (detected && !classify(detected.mime, declared)) throw fail('media.unsupported_type', 'the file is not of a supported type');
}

/** Extension for a stored type. */
export const extensionOf = (mime: string) => allowed[mime]?.ext ?? 'bin';

/** Extensions of the accepted types (and their common spellings). */
export const knownExtensions = new Set([...Object.values(allowed).map((a) => a.ext), 'jpeg', 'jpe', 'qt', 'oga']);
