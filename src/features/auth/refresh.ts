import type { AppContext } from '../../context.js';
import { findUser, presentUser } from '../users/queries.js';
import { rotateRefreshToken } from './sessions.js';

/** POST /auth/refresh-token: a new token pair for a refresh token (used once, see `rotateRefreshToken`) and the user it signs in. */
export async function refresh(ctx: AppContext, refreshToken: string) {
  const pair = await rotateRefreshToken(ctx, refreshToken);
  const user = await presentUser(ctx, await findUser(ctx.db, pair.userId), pair.userId);
  return { user, accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresIn: pair.expiresIn };
}
