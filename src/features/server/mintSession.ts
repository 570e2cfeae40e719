import { plainText } from '@parley/protocol';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import { clientTokens, startSession } from '../auth/sessions.js';
import { findProvisioned } from './provisionUser.js';

export const mintSessionBody = z
  .object({
    deviceId: plainText(128).pipe(z.string().min(1)).optional(),
    deviceName: plainText(100).optional(),
  })
  .strict();

/** Starts a session for a provisioned user, as a sign-in would (the same device's previous session ends). */
export async function mintSession(ctx: AppContext, externalId: string, input: z.output<typeof mintSessionBody>) {
  const { tokens } = await ctx.db.transaction(async (tx) => {
    const user = await findProvisioned(tx, externalId);
    if (!user) throw fail('user.not_found', 'no user is provisioned under this external id: PUT /server/users/:externalId first');
    return {
      tokens: await startSession(tx, ctx, { userId: user.id, deviceId: input.deviceId, deviceName: input.deviceName, method: 'server' }),
    };
  });
  for (const id of tokens.replaced) ctx.sessions.disconnect(id);
  const { accessToken, refreshToken, expiresIn } = clientTokens(tokens);
  return { accessToken, refreshToken, expiresIn };
}
