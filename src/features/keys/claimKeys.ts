import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { fail } from '../../lib/errors.js';
import { findActiveUser } from '../users/queries.js';

interface BundleRow {
  identity_key: string;
  signed_pre_key_id: number;
  signed_pre_key: string;
  signed_pre_key_signature: string;
  otk_key_id: number | null;
  otk_public_key: string | null;
}

/**
 * A user's key bundle for starting an encrypted session, with one of their one-time prekeys
 * (oldest first) or null when none are left. The prekey is deleted in the same statement that
 * reads it, and concurrent claims skip rows another claim has locked, so each is handed out once.
 */
export async function claimKeyBundle(ctx: AppContext, userId: string) {
  const [bundle] = await rows<BundleRow>(
    ctx.db,
    sql`with claimed as (
          delete from one_time_pre_keys
          where id = (select id from one_time_pre_keys where user_id = ${userId} order by id limit 1 for update skip locked)
          returning key_id, public_key
        )
        select k.identity_key, k.signed_pre_key_id, k.signed_pre_key, k.signed_pre_key_signature,
               c.key_id as otk_key_id, c.public_key as otk_public_key
        from user_keys k left join claimed c on true
        where k.user_id = ${userId}`,
  );
  if (!bundle) {
    await findActiveUser(ctx.db, userId); // user.not_found when there is no such user
    throw fail('keys.not_found', 'this user has not published encryption keys');
  }
  return {
    identityKey: bundle.identity_key,
    signedPreKey: { keyId: Number(bundle.signed_pre_key_id), publicKey: bundle.signed_pre_key, signature: bundle.signed_pre_key_signature },
    oneTimePreKey: bundle.otk_key_id === null ? null : { keyId: Number(bundle.otk_key_id), publicKey: bundle.otk_public_key! },
  };
}
