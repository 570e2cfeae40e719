import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/connect.js';
import { accountTokens } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';

export type TokenPurpose = (typeof accountTokens.$inferSelect)['purpose'];

/** Only this is stored: a leaked table holds no usable link. */
export const hashLinkToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

/** A fresh random token (256 bits) and its hash. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, tokenHash: hashLinkToken(token) };
}

/**
 * Stores a link token for the user; earlier ones of the same purpose stop working (only the
 * newest link mailed works). Returns the token to put in the link.
 */
export async function issueLinkToken(ex: Executor, userId: string, purpose: TokenPurpose, email: string, ttlMs: number): Promise<string> {
  const { token, tokenHash } = newLinkToken();
  await ex.delete(accountTokens).where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)));
  await ex.insert(accountTokens).values({ tokenHash, userId, purpose, email, expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/**
 * Spends a link token inside the caller's transaction: it is deleted as it is read, so of two
 * concurrent uses one wins and the other finds nothing (400 auth.link_invalid); an expired
 * one is 410 auth.link_expired (and deleted too, but that is rolled back with the error).
 */
export async function consumeLinkToken(tx: Tx, token: string, purpose: TokenPurpose): Promise<{ userId: string; email: string }> {
  const [row] = await tx
    .delete(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashLinkToken(token)), eq(accountTokens.purpose, purpose)))
    .returning();
  if (!row) throw fail('auth.link_invalid', 'this link is not valid or was already used: ask for a new one');
  if (row.expiresAt.getTime() <= Date.now()) throw fail('auth.link_expired', 'this link has expired: ask for a new one');
  return { userId: row.userId, email: row.email };
}
