import { z } from 'zod';

/**
 * One emoji: a pictograph (with an optional presentation selector or skin tone, and further
 * pictographs joined by ZWJ), a flag (two regional indicators, or a black flag with tag letters)
 * or a keycap. Anything else, text included, is refused.
 */
const pictograph = String.raw`(?:\p{Extended_Pictographic}|\p{Emoji_Presentation})(?:\uFE0F|\p{Emoji_Modifier})?`;
const emojiPattern = new RegExp(
  String.raw`^(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\u{1F3F4}[\u{E0061}-\u{E007A}]{2,6}\u{E007F}|${pictograph}(?:\u200D${pictograph})*)$`,
  'u',
);
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const oneGrapheme = (s: string) => [...graphemes.segment(s)].length === 1;

export const emojiIcon = z
  .string()
  .trim()
  .refine((s) => s.length <= 32 && emojiPattern.test(s) && oneGrapheme(s), 'must be one emoji');

/**
 * A CSS colour (hex, rgb(a), hsl(a)), a linear-gradient of those, or utility-class words such
 * as "bg-gradient-to-br from-blue-400 to-blue-600". No url(), quotes, semicolons or angle
 * brackets can get through, and the length is bounded, so a client may use it as a class or
 * a background without it carrying anything else.
 */
const num = String.raw`-?\d{1,3}(?:\.\d{1,4})?(?:%|deg)?`;
const colour = String.raw`(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgba?|hsla?)\(\s*${num}(?:\s*[,/ ]\s*${num}){2,3}\s*\))`;
const stop = String.raw`${colour}(?:\s+\d{1,3}(?:\.\d{1,4})?%)?`;
const side = '(?:top|bottom|left|right)';
const direction = String.raw`(?:-?\d{1,3}(?:\.\d{1,4})?deg|to ${side}(?: ${side})?)`;
const gradient = String.raw`linear-gradient\(\s*(?:${direction}\s*,\s*)?${stop}(?:\s*,\s*${stop}){1,9}\s*\)`;
const classWords = String.raw`[a-z0-9][a-z0-9_:/.-]*(?: [a-z0-9][a-z0-9_:/.-]*){0,11}`;
const iconBgPattern = new RegExp(`^(?:${colour}|${gradient}|${classWords})$`, 'i');

export const iconBackground = z
  .string()
  .trim()
  .max(200)
  // The length is checked first: the pattern only ever sees a bounded string.
  .refine(
    (s) => s.length <= 200 && iconBgPattern.test(s),
    'must be a colour (#hex, rgb(), hsl()), a linear-gradient() of colours, or class names',
  );
