import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import type { Config } from '../../config.js';
import { AppError, fail } from '../../lib/errors.js';
import { DecodeGate } from './decodeGate.js';
import type { MediaType } from './types.js';

// Inputs are temporary files with fresh names: libvips' operation cache would only hold memory.
sharp.cache(false);

export const DISPLAY_MAX = 1600;
export const THUMBNAIL_MAX = 320;
export const AVATAR_SIZE = 256;

export interface Variant {
  data: Buffer;
  mime: string;
  width: number;
  height: number;
}

/** What one process may spend on decoding images: the largest image, and the gate all decodes pass. */
export interface DecodeLimits {
  maxPixels: number;
  gate: DecodeGate;
}

/** The bytes of one decoded pixel per band, by libvips band format. */
const BYTES_PER_SAMPLE: Record<string, number> = {
  uchar: 1,
  char: 1,
  ushort: 2,
  short: 2,
  uint: 4,
  int: 4,
  float: 4,
  complex: 8,
  double: 8,
  dpcomplex: 16,
};
/** The budget is this many bytes per pixel of MEDIA_MAX_PIXELS per slot: 8-bit RGBA. */
const BUDGET_BYTES_PER_PIXEL = 4;

const gates = new WeakMap<Config, DecodeLimits>();

/**
 * The decode limits of a server (one gate per configuration, so per app): MEDIA_DECODE_CONCURRENCY
 * decodes at once, and together at most that many images of MEDIA_MAX_PIXELS 8-bit RGBA pixels,
 * so an image of 16-bit samples takes two slots' worth. An interlaced PNG, for one, is held
 * whole in memory while it decodes, whatever its file size.
 */
export function decodeLimits(config: Config): DecodeLimits {
  let limits = gates.get(config);
  if (!limits) {
    const budget = config.MEDIA_DECODE_CONCURRENCY * config.MEDIA_MAX_PIXELS * BUDGET_BYTES_PER_PIXEL;
    limits = { maxPixels: config.MEDIA_MAX_PIXELS, gate: new DecodeGate(config.MEDIA_DECODE_CONCURRENCY, budget) };
    gates.set(config, limits);
  }
  return limits;
}

const ANIMATED = new Set(['image/gif', 'image/webp']);

/**
 * Reads the header only: dimensions (after EXIF orientation) and frame count, with the pixel
 * budget enforced before anything is decoded; `decodedBytes` is what decoding it whole would hold.
 */
async function inspect(file: string, type: MediaType, maxPixels: number) {
  let meta: Metadata;
  try {
    meta = await sharp(file, { animated: ANIMATED.has(type.mime), limitInputPixels: false }).metadata();
  } catch {
    throw fail('media.invalid', 'the image cannot be decoded');
  }
  const frameHeight = meta.pageHeight ?? meta.height;
  const frames = meta.pages ?? 1;
  if (!meta.width || !frameHeight) throw fail('media.invalid', 'the image has no dimensions');
  const pixels = meta.width * frameHeight * frames;
  if (pixels > maxPixels) throw fail('media.too_large', `the image has more than ${maxPixels} pixels`);
  const decodedBytes = pixels * (meta.channels ?? 4) * (BYTES_PER_SAMPLE[meta.depth ?? 'uchar'] ?? 8);
  return { animated: ANIMATED.has(type.mime) && frames > 1, decodedBytes };
}

/** Input options for decoding an upload: never more than the pixel limit, read front to back. */
const decodeOptions = (maxPixels: number, animated = false): SharpOptions => ({
  animated,
  autoOrient: true,
  limitInputPixels: maxPixels,
  sequentialRead: true,
  unlimited: false,
});

async function run(pipeline: Sharp, mime: string): Promise<Variant> {
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data, mime, width: info.width, height: info.pageHeight ?? info.height };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fail('media.invalid', 'the image cannot be decoded');
  }
}

/**
 * The stored forms of an uploaded image: a display variant (upright per EXIF, at most 1600 px on
 * its longer side, the original format — AVIF becomes WebP — animation kept) and a WebP
 * thumbnail of at most 320 px. sharp writes no metadata unless asked, so EXIF and GPS are gone.
 */
export async function imageVariants(
  file: string,
  type: MediaType,
  limits: DecodeLimits,
): Promise<{ display: Variant; thumbnail: Variant }> {
  const { animated, decodedBytes } = await inspect(file, type, limits.maxPixels);
  return limits.gate.run(decodedBytes, () => variantsOf(file, type, limits.maxPixels, animated));
}

async function variantsOf(
  file: string,
  type: MediaType,
  maxPixels: number,
  animated: boolean,
): Promise<{ display: Variant; thumbnail: Variant }> {
  const input = sharp(file, decodeOptions(maxPixels, animated)).resize({
    width: DISPLAY_MAX,
    height: DISPLAY_MAX,
    fit: 'inside',
    withoutEnlargement: true,
  });
  let display: Variant;
  switch (type.mime) {
    case 'image/jpeg':
      display = await run(input.jpeg({ quality: 85 }), 'image/jpeg');
      break;
    case 'image/png':
      display = await run(input.png(), 'image/png');
      break;
    case 'image/gif':
      display = await run(input.gif(), 'image/gif');
      break;
    default:
      display = await run(input.webp({ quality: 85 }), 'image/webp');
  }
  // From the display variant (already upright and small): its first frame.
  const thumbnail = await run(
    sharp(display.data)
      .resize({ width: THUMBNAIL_MAX, height: THUMBNAIL_MAX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 }),
    'image/webp',
  );
  return { display, thumbnail };
}

/** A square WebP avatar, cropped to the centre. */
export async function avatarImage(file: string, type: MediaType, limits: DecodeLimits): Promise<Variant> {
  const { decodedBytes } = await inspect(file, type, limits.maxPixels);
  return limits.gate.run(decodedBytes, () =>
    run(
      sharp(file, decodeOptions(limits.maxPixels)).resize({ width: AVATAR_SIZE, height: AVATAR_SIZE, fit: 'cover' }).webp({ quality: 85 }),
      'image/webp',
    ),
  );
}
