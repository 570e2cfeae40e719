import { z } from 'zod';

/** An error ack: the same stable codes as REST's problem+json (docs/api.md lists them). */
export const ackError = z.object({
  code: z.string(),
  message: z.string(),
  retryAfter: z.number().int().optional().meta({ description: 'rate_limited: seconds until a retry may succeed.' }),
});
export type AckError = z.infer<typeof ackError>;

/** What every ack callback receives. */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: AckError };
