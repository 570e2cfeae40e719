import { z } from 'zod';
import { mediaSchema } from '../messages/schemas.js';

export { mediaSchema };

export const mediaResponse = z.object({ media: mediaSchema });
export const avatarResponse = z.object({ avatarUrl: z.string() });
/** `token`: the access token, for clients that cannot send a header (`<img src>`). */
export const readQuery = z.object({ token: z.string().max(4096).optional() });
export const avatarParams = z.object({ file: z.string().regex(/^[0-9a-f-]{36}\.webp$/, 'not an avatar file name') });
