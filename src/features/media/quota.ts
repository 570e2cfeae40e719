import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { rows, type Executor, type Tx } from '../../db/connect.js';
import { fail } from '../../lib/errors.js';

/** What a user holds: bytes of stored media (with thumbnails), and their unfinished tus uploads (count and full lengths). */
export interface Usage {
  stored: number;
  reserved: number;
  pending: number;
}

async function usageOf(ex: Executor, actorId: string): Promise<Usage> {
  const [totals] = await rows<{ stored: string; reserved: string; pending: string }>(
    ex,
    sql`select
          (select coalesce(sum(size + coalesce(thumbnail_size, 0)), 0) from media where owner_id = ${actorId}) as stored,
          (select coalesce(sum(length), 0) from tus_uploads where owner_id = ${actorId} and media_id is null) as reserved,
          (select count(*) from tus_uploads where owner_id = ${actorId} and media_id is null) as pending`,
  );
  return { stored: Number(totals!.stored), reserved: Number(totals!.reserved), pending: Number(totals!.pending) };
}

/**
 * The user's usage, read after locking their row until the transaction ends, so that two uploads
 * of one user check and reserve one after the other (NO KEY UPDATE: their sends, which only
 * reference the row, are not held up).
 */
async function lockedUsageOf(tx: Tx, actorId: string): Promise<Usage> {
  await rows(tx, sql`select 1 from users where id = ${actorId} for no key update`);
  return usageOf(tx, actorId);
}

/** The quota in bytes, or null when there is none (MEDIA_QUOTA_BYTES_PER_USER=0). */
const quotaOf = (config: Config): number | null => config.MEDIA_QUOTA_BYTES_PER_USER || null;

/**
 * What the own profile shows: `storageUsed`, the bytes that count against the quota (stored media
 * with thumbnails, and the full length of unfinished tus uploads), and `storageQuota` (null: none).
 */
export async function storageOf(
  ex: Executor,
  config: Config,
  actorId: string,
): Promise<{ storageUsed: number; storageQuota: number | null }> {
  const usage = await usageOf(ex, actorId);
  return { storageUsed: usage.stored + usage.reserved, storageQuota: quotaOf(config) };
}

function assertFits(config: Config, usage: Usage, bytes: number): void {
  const quota = quotaOf(config);
  const used = usage.stored + usage.reserved;
  if (quota !== null && used + bytes > quota) {
    throw fail(
      'media.quota_exceeded',
      `this upload (${bytes} bytes) does not fit in your storage quota of ${quota} bytes, of which ${used} are used (stored media and unfinished uploads)`,
    );
  }
}

/** A quick look before receiving a file of about `bytes`: refuses at once what cannot fit. The insert checks again, under the lock. */
export async function assertRoomFor(ex: Executor, config: Config, actorId: string, bytes: number): Promise<void> {
  assertFits(config, await usageOf(ex, actorId), bytes);
}

/** Inside the transaction that stores `bytes` of new media for the user: media.quota_exceeded if they do not fit. */
export async function claimStorage(tx: Tx, config: Config, actorId: string, bytes: number): Promise<void> {
  assertFits(config, await lockedUsageOf(tx, actorId), bytes);
}

/**
 * Inside the transaction that creates a tus upload of `length` bytes: at most
 * TUS_MAX_PENDING_PER_USER unfinished at once (media.too_many_uploads), and the whole length
 * reserved against the quota from the start (media.quota_exceeded).
 */
export async function reserveUpload(tx: Tx, config: Config, actorId: string, length: number): Promise<void> {
  const usage = await lockedUsageOf(tx, actorId);
  const max = config.TUS_MAX_PENDING_PER_USER;
  if (usage.pending >= max) {
    throw fail('media.too_many_uploads', `you have ${max} unfinished uploads, the most allowed: finish or terminate (DELETE) one first`);
  }
  assertFits(config, usage, length);
}
