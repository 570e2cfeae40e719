import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { refreshTokens, sessions } from '../../db/schema.js';
import type { AppContext } from '../../context.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { forgetSessionDevices } from '../push/sessionDevices.js';
import { audit, sessionsRevoked } from '../admin/audit.js';
import { applyAdminEmails } from '../admin/roles.js';
import { assertNotSuspended } from '../admin/suspension.js';

/** How a session was started, as the audit log records it. */
export type SignInMethod = 'register' | 'password' | 'otp' | 'identity' | 'server';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** The fields of a token pair a client receives. */
export const clientTokens = (t: TokenPair): TokenPair => ({
  accessToken: t.accessToken,
  refreshToken: t.refreshToken,
  expiresIn: t.expiresIn,
});

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

async function issueRefreshToken(ex: Executor, ctx: AppContext, sessionId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ctx.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  await ex.insert(refreshTokens).values({ tokenHash: hashToken(token), sessionId, expiresAt });
  return token;
}

/**
 * Signs in one device: its earlier session (if any) ends, a new one with a fresh token family starts.
 * Every way in ends here, so here a suspended account is refused (403 auth.suspended), ADMIN_EMAILS
 * is applied and the sign-in is audited, all in the caller's transaction.
 */
export async function startSession(
  ex: Executor,
  ctx: AppContext,
  s: { userId: string; deviceId?: string | undefined; deviceName?: string | undefined; method: SignInMethod },
): Promise<TokenPair & { sessionId: string; replaced: string[] }> {
  await assertNotSuspended(ex, s.userId);
  await applyAdminEmails(ex, ctx.config, s.userId);
  const deviceId = s.deviceId ?? newId();
  const replaced = await ex
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, s.userId), eq(sessions.deviceId, deviceId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  const ended = replaced.map((r) => r.id);
  await forgetSessionDevices(ex, ended);
  const sessionId = newId();
  await ex.insert(sessions).values({ id: sessionId, userId: s.userId, deviceId, deviceName: s.deviceName ?? null });
  const refreshToken = await issueRefreshToken(ex, ctx, sessionId);
  await audit(
    ex,
    {
      actorId: s.userId,
      action: 'auth.signed_in',
      targetType: 'user',
      targetId: s.userId,
      details: { method: s.method, sessionId, deviceId },
    },
    ...sessionsRevoked(s.userId, ended, 'replaced', s.userId),
  );
  const accessToken = await ctx.tokens.sign({ userId: s.userId, sessionId, deviceId });
  return { sessionId, accessToken, refreshToken, expiresIn: ctx.tokens.ttlSeconds, replaced: replaced.map((r) => r.id) };
}

/**
 * Trades a refresh token for a new pair. Each token works once: presenting a used one
 * means it was stolen or replayed, so the whole session (its token family) is revoked.
 */
export async function rotateRefreshToken(ctx: AppContext, presented: string): Promise<TokenPair & { userId: string }> {
  const outcome = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: refreshTokens, session: sessions })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, hashToken(presented)))
      .for('update');
    // A suspended account renews nothing (its sessions were revoked, but it is told why).
    if (row) await assertNotSuspended(tx, row.session.userId);
    if (!row || row.session.revokedAt) return { error: 'auth.refresh_invalid' as const };
    if (row.token.usedAt) {
      await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, row.session.id));
      await forgetSessionDevices(tx, [row.session.id]);
      await audit(tx, ...sessionsRevoked(null, [row.session.id], 'refresh_reused', row.session.userId));
      return { error: 'auth.refresh_reused' as const, sessionId: row.session.id };
    }
    if (row.token.expiresAt.getTime() < Date.now()) return { error: 'auth.refresh_invalid' as const };
    await tx.update(refreshTokens).set({ usedAt: new Date() }).where(eq(refreshTokens.tokenHash, row.token.tokenHash));
    await tx.update(sessions).set({ lastUsedAt: new Date() }).where(eq(sessions.id, row.session.id));
    const refreshToken = await issueRefreshToken(tx, ctx, row.session.id);
    const accessToken = await ctx.tokens.sign({
      userId: row.session.userId,
      sessionId: row.session.id,
      deviceId: row.session.deviceId,
    });
    return { userId: row.session.userId, accessToken, refreshToken, expiresIn: ctx.tokens.ttlSeconds };
  });
  // The revocation above must commit even though the caller gets an error.
  if ('error' in outcome && outcome.error) {
    if (outcome.sessionId) ctx.sessions.disconnect(outcome.sessionId);
    throw fail(outcome.error);
  }
  return outcome;
}

/** Ends a session: its tokens stop working on REST at once, its sockets are closed and its push devices removed. */
export async function revokeSession(ctx: AppContext, sessionId: string, actorId: string, reason = 'signed_out'): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning({ userId: sessions.userId });
    await forgetSessionDevices(tx, [sessionId]);
    if (ended[0]) await audit(tx, ...sessionsRevoked(actorId, [sessionId], reason, ended[0].userId));
  });
  ctx.sessions.disconnect(sessionId);
}

/** A live session for this user, or auth.session_revoked. Its lastUsedAt is written in the background (SessionUse). */
export async function assertSessionActive(ctx: AppContext, sessionId: string, userId: string): Promise<void> {
  const [session] = await ctx.db
    .select({ revokedAt: sessions.revokedAt, userId: sessions.userId, lastUsedAt: sessions.lastUsedAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  if (!session || session.revokedAt || session.userId !== userId) throw fail('auth.session_revoked');
  ctx.sessionUse.seen(sessionId, session.lastUsedAt);
}
