import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { otpCodes, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { phoneNumber } from '../../lib/phone.js';
import { RateLimited, retryAfterSeconds } from '../../lib/rateLimit.js';
import { plainText } from '../../lib/validation.js';
import { personName } from './schemas.js';
import { createUser, signIn } from './signIn.js';

const device = plainText(128).pipe(z.string().min(1));

export const requestOtpBody = z.object({ phoneNumber });

export const verifyOtpBody = z.object({
  phoneNumber,
  otp: z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code'),
  deviceId: device,
  deviceName: plainText(100).optional(),
  /** The name of the account when this sign-in creates it. */
  name: personName.optional(),
});

/**
 * Sends a fresh 6-digit code to the phone; only its argon2 hash is stored. A phone gets one code
 * per OTP_COOLDOWN_SECONDS (429 with Retry-After inside it): the insert-or-replace only replaces
 * a code sent before the cooldown, so two racing requests cannot both send.
 */
export async function requestOtp(ctx: AppContext, phone: string): Promise<{ sent: true; retryAfter: number }> {
  const sender = ctx.otpSender;
  if (!sender) throw fail('auth.method_disabled', 'phone sign-in is not configured on this server (SMS_WEBHOOK_URL)');
  const { OTP_DEV_CODE, OTP_TTL_SECONDS, OTP_COOLDOWN_SECONDS } = ctx.config;
  const coolingDown = async () => {
    const [last] = await ctx.db.select({ sentAt: otpCodes.sentAt }).from(otpCodes).where(eq(otpCodes.phoneNumber, phone));
    const waitMs = last ? last.sentAt.getTime() + OTP_COOLDOWN_SECONDS * 1000 - Date.now() : 0;
    return waitMs > 0 ? new RateLimited(retryAfterSeconds(waitMs), 'a code was sent to this number moments ago: wait before asking for another') : null;
  };
  // Cheap refusal first (no hashing for requests inside the cooldown); the upsert below decides races.
  const early = await coolingDown();
  if (early) throw early;
  const code = OTP_DEV_CODE ?? crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
  const codeHash = await hash(code);
  const now = new Date();
  const fresh = { codeHash, attempts: 0, expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000), sentAt: now };
  const cooledDown = new Date(now.getTime() - OTP_COOLDOWN_SECONDS * 1000);
  const written = await ctx.db
    .insert(otpCodes)
    .values({ phoneNumber: phone, ...fresh })
    .onConflictDoUpdate({ target: otpCodes.phoneNumber, set: fresh, setWhere: sql`${otpCodes.sentAt} <= ${cooledDown}` })
    .returning({ sentAt: otpCodes.sentAt });
  if (written.length === 0) throw (await coolingDown()) ?? new RateLimited(1, 'a code was just sent to this number: wait before asking for another');
  try {
    await sender.send(phone, code, OTP_TTL_SECONDS);
  } catch (err) {
    ctx.log.error({ err, sender: sender.kind }, 'sending a sign-in code failed');
    // Not sent: no cooldown for a code nobody received.
    await ctx.db.delete(otpCodes).where(and(eq(otpCodes.phoneNumber, phone), eq(otpCodes.codeHash, codeHash)));
    throw fail('otp.send_failed', 'the code could not be sent; try again later');
  }
  return { sent: true, retryAfter: OTP_COOLDOWN_SECONDS };
}

/**
 * Signs in with a code. Every try first takes one of the code's OTP_MAX_ATTEMPTS (an atomic
 * increment, so parallel guesses cannot share a try); past them the code is locked. The right
 * code is deleted in the sign-in transaction, so it works once. The account is the one whose
 * verified number this is, else a new one; a number someone merely typed into their profile
 * (unverified) moves to the person who proved they hold it.
 */
export async function verifyOtp(ctx: AppContext, input: z.output<typeof verifyOtpBody>) {
  const [code] = await ctx.db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(eq(otpCodes.phoneNumber, input.phoneNumber))
    .returning();
  if (!code) throw fail('otp.invalid', 'wrong code, or no code was requested for this number');
  if (code.expiresAt.getTime() <= Date.now()) throw fail('otp.expired', 'the code has expired: request a new one');
  if (code.attempts > ctx.config.OTP_MAX_ATTEMPTS) throw fail('otp.locked', 'too many wrong codes: request a new one');
  if (!(await verify(code.codeHash, input.otp).catch(() => false))) throw fail('otp.invalid', 'wrong code');

  return signIn(ctx, { deviceId: input.deviceId, deviceName: input.deviceName }, async (tx) => {
    const used = await tx
      .delete(otpCodes)
      .where(and(eq(otpCodes.phoneNumber, input.phoneNumber), eq(otpCodes.codeHash, code.codeHash)))
      .returning({ phoneNumber: otpCodes.phoneNumber });
    // A concurrent sign-in with the same code got there first.
    if (used.length === 0) throw fail('otp.invalid', 'this code was already used');
    const [holder] = await tx.select().from(users).where(eq(users.phoneNumber, input.phoneNumber)).for('update');
    if (holder?.phoneVerifiedAt) return { user: holder, created: false };
    const now = new Date();
    if (holder) await tx.update(users).set({ phoneNumber: null, updatedAt: now }).where(eq(users.id, holder.id));
    const user = await createUser(tx, { name: input.name ?? 'New user', phoneNumber: input.phoneNumber, phoneVerifiedAt: now });
    return { user, created: true };
  });
}
