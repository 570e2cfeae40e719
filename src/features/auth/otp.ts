import { plainText } from '@parley/protocol';
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/connect.js';
import { otpCodes, users } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { uniqueViolation } from '../../lib/pgErrors.js';
import { phoneNumber } from '../../lib/phone.js';
import { RateLimited, retryAfterSeconds } from '../../lib/rateLimit.js';
import { personName } from './schemas.js';
import type { UserRow } from '../users/queries.js';
import { createUser, signIn } from './signIn.js';

const device = plainText(128).pipe(z.string().min(1));

const phone = phoneNumber.meta({ description: 'International format; spaces and dashes are fine.', example: '+14155550123' });

export const requestOtpBody = z.object({ phoneNumber: phone });

export const verifyOtpBody = z.object({
  phoneNumber: phone,
  otp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6-digit code')
    .meta({ example: '123456' }),
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
    return waitMs > 0
      ? new RateLimited(retryAfterSeconds(waitMs), 'a code was sent to this number moments ago: wait before asking for another')
      : null;
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
  if (written.length === 0)
    throw (await coolingDown()) ?? new RateLimited(1, 'a code was just sent to this number: wait before asking for another');
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
 * Checks a code for the number. Every try first takes one of the code's OTP_MAX_ATTEMPTS (an
 * atomic increment, so parallel guesses cannot share a try); past them the code is locked.
 * Returns the code's hash for `useCode`, which spends it inside the caller's transaction.
 */
async function checkCode(ctx: AppContext, phone: string, otp: string): Promise<string> {
  const [code] = await ctx.db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(eq(otpCodes.phoneNumber, phone))
    .returning();
  if (!code) throw fail('otp.invalid', 'wrong code, or no code was requested for this number');
  if (code.expiresAt.getTime() <= Date.now()) throw fail('otp.expired', 'the code has expired: request a new one');
  if (code.attempts > ctx.config.OTP_MAX_ATTEMPTS) throw fail('otp.locked', 'too many wrong codes: request a new one');
  if (!(await verify(code.codeHash, otp).catch(() => false))) throw fail('otp.invalid', 'wrong code');
  return code.codeHash;
}

/** Deletes the checked code, so it works once: a concurrent use of the same code loses. */
async function useCode(tx: Tx, phone: string, codeHash: string): Promise<void> {
  const used = await tx
    .delete(otpCodes)
    .where(and(eq(otpCodes.phoneNumber, phone), eq(otpCodes.codeHash, codeHash)))
    .returning({ phoneNumber: otpCodes.phoneNumber });
  if (used.length === 0) throw fail('otp.invalid', 'this code was already used');
}

/** The account whose number this is: the one that proved it by OTP. Numbers merely typed into a profile do not count. */
async function verifiedHolder(tx: Tx, phone: string): Promise<UserRow | undefined> {
  const [holder] = await tx
    .select()
    .from(users)
    .where(and(eq(users.phoneNumber, phone), isNotNull(users.phoneVerifiedAt)))
    .for('update');
  return holder;
}

/**
 * Signs in with a code; the right code is spent in the sign-in transaction. The account is the
 * one whose *verified* number this is, else a new one. Accounts that typed the number into their
 * profile (unverified) are neither signed in nor told: a claim proves nothing, and changing them
 * would tell the claimant that the number's holder has arrived.
 */
export async function verifyOtp(ctx: AppContext, input: z.output<typeof verifyOtpBody>) {
  const codeHash = await checkCode(ctx, input.phoneNumber, input.otp);
  return signIn(ctx, { deviceId: input.deviceId, deviceName: input.deviceName }, 'otp', async (tx) => {
    await useCode(tx, input.phoneNumber, codeHash);
    const holder = await verifiedHolder(tx, input.phoneNumber);
    if (holder) return { user: holder, created: false };
    // A concurrent first sign-in with the same number hits users_phone_key; signIn runs this again and finds it.
    const user = await createUser(tx, { name: input.name ?? 'New user', phoneNumber: input.phoneNumber, phoneVerifiedAt: new Date() });
    return { user, created: true };
  });
}

export const verifyPhoneBody = z.object({ phoneNumber: phone, otp: verifyOtpBody.shape.otp });

/**
 * A signed-in user proves a number with a code from POST /auth/request-otp: it becomes their
 * verified number (replacing any other), so OTP sign-in with it reaches this account and contact
 * sync finds them. A number another account has verified → 409 user.phone_taken: the caller has
 * just proved they hold it, so telling them is no oracle; they can sign in with it instead.
 */
export async function verifyPhone(ctx: AppContext, actorId: string, input: z.output<typeof verifyPhoneBody>): Promise<UserRow> {
  const codeHash = await checkCode(ctx, input.phoneNumber, input.otp);
  const taken = () => fail('user.phone_taken', 'this number is verified on another account: sign in with it to reach that account');
  try {
    return await ctx.db.transaction(async (tx) => {
      await useCode(tx, input.phoneNumber, codeHash);
      const holder = await verifiedHolder(tx, input.phoneNumber);
      if (holder && holder.id !== actorId) throw taken();
      const [row] = await tx
        .update(users)
        .set({ phoneNumber: input.phoneNumber, phoneVerifiedAt: holder?.phoneVerifiedAt ?? new Date(), updatedAt: new Date() })
        .where(eq(users.id, actorId))
        .returning();
      if (!row) throw fail('user.not_found');
      return row;
    });
  } catch (err) {
    // Another account verified the same number at the same moment.
    if (uniqueViolation(err) === 'users_phone_key') throw taken();
    throw err;
  }
}
