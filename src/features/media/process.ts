import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError, fail } from '../../lib/errors.js';
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

const ANIMATED = new Set(['image/gif', 'image/webp']);

/** Reads the header only: dimensions (after EXIF orientation) and frame count, with the pixel budget enforced. */
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
  if (meta.width * frameHeight * frames > maxPixels) throw fail('media.too_large', `the image has more than ${maxPixels} pixels`);
  return { animated: ANIMATED.has(type.mime) && frames > 1 };
}

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
export async function imageVariants(file: string, type: MediaType, maxPixels: number): Promise<{ display: Variant; thumbnail: Variant }> {
  const { animated } = await inspect(file, type, maxPixels);
  const input = sharp(file, { animated, autoOrient: true, limitInputPixels: maxPixels }).resize({
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
    sharp(display.data).resize({ width: THUMBNAIL_MAX, height: THUMBNAIL_MAX, fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }),
    'image/webp',
  );
  return { display, thumbnail };
}

/** A square WebP avatar, cropped to the centre. */
export async function avatarImage(file: string, type: MediaType, maxPixels: number): Promise<Variant> {
  await inspect(file, type, maxPixels);
  return run(
    sharp(file, { autoOrient: true, limitInputPixels: maxPixels }).resize({ width: AVATAR_SIZE, height: AVATAR_SIZE, fit: 'cover' }).webp({ quality: 85 }),
    'image/webp',
  );
}
