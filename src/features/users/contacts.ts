import { and, inArray, isNotNull, isNull, ne, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { countryCallingCode, normalizePhone } from '../../lib/phone.js';
import { presentUsers } from './queries.js';

export const MAX_CONTACTS = 1000;

export const contactSyncBody = z.object({
  phoneNumbers: z.array(z.string().max(64)).max(MAX_CONTACTS, `at most ${MAX_CONTACTS} phone numbers per request`),
  /** For numbers written without a country code ("020 7946 0958"): the caller's country, e.g. "44". */
  defaultCountryCode: countryCallingCode.optional(),
});

/**
 * Which of the caller's address-book numbers belong to Parley users. Each number is normalised
 * to E.164 (ones that cannot be are skipped); only numbers proven by OTP match, never the caller,
 * never someone who blocked the caller. `matches` maps each matching number as sent to its user.
 */
export async function syncContacts(ctx: AppContext, actorId: string, input: z.output<typeof contactSyncBody>) {
  const byNumber = new Map<string, string[]>();
  for (const raw of input.phoneNumbers) {
    const e164 = normalizePhone(raw, input.defaultCountryCode);
    if (e164) byNumber.set(e164, [...(byNumber.get(e164) ?? []), raw]);
  }
  if (byNumber.size === 0) return { users: [], matches: [] };
  const found = await ctx.db
    .select()
    .from(users)
    .where(
      and(
        inArray(users.phoneNumber, [...byNumber.keys()]),
        isNotNull(users.phoneVerifiedAt),
        ne(users.id, actorId),
        isNull(users.deletedAt),
        notExists(sql`(select 1 from blocks b where b.blocker_id = ${users.id} and b.blocked_id = ${actorId})`),
      ),
    )
    .orderBy(users.name, users.id);
  return {
    users: await presentUsers(ctx, found, actorId),
    matches: found.flatMap((u) =>
      (byNumber.get(u.phoneNumber!) ?? []).map((input) => ({ input, phoneNumber: u.phoneNumber!, userId: u.id })),
    ),
  };
}
