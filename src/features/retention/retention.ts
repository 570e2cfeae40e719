import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows, type Executor } from '../../db/connect.js';
import { JobLease } from '../../db/jobLease.js';
import { deleteMediaObjects } from '../media/orphans.js';
import { purgeBatch } from './purgeBatch.js';

/** Long enough for a batch or two; a node that dies holding it is replaced after this. */
const LEASE_MS = 60_000;

export interface PurgeRound {
  /** false: another node holds the lease (or nothing has a retention); nothing was done. */
  ran: boolean;
  /** Transactions that deleted messages. */
  batches: number;
  messages: number;
  media: number;
}

/** The shortest retention in force, in days (the server's, or any group's own), or null when every message is kept forever. */
export async function shortestRetentionDays(ex: Executor, defaultDays: number | undefined): Promise<number | null> {
  const [r] = await rows<{ days: number | null }>(
    ex,
    sql`select min(message_retention_days) as days from conversations where message_retention_days is not null`,
  );
  const days = [defaultDays, r?.days == null ? undefined : Number(r.days)].filter((d): d is number => d !== undefined);
  return days.length === 0 ? null : Math.min(...days);
}

/**
 * The retention purge: deletes messages older than their conversation's retention (a group's
 * `messageRetentionDays`, else MESSAGE_RETENTION_DAYS), MESSAGE_PURGE_BATCH_SIZE per transaction,
 * on one node at a time (the `retention` lease), then the objects of the media that went with them.
 */
export class MessageRetention {
  private readonly lease: JobLease;
  private stopped = false;
  private round: Promise<PurgeRound> | undefined;

  constructor(
    private readonly ctx: Pick<AppContext, 'db' | 'config' | 'storage' | 'log'>,
    owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`,
  ) {
    this.lease = new JobLease(ctx.db, 'retention', owner, LEASE_MS);
  }

  /** One round; a call while one runs waits for it. */
  run(): Promise<PurgeRound> {
    this.round ??= this.purge().finally(() => (this.round = undefined));
    return this.round;
  }

  /** Lets the round in flight finish its batch; no new one starts. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.round?.catch(() => undefined);
  }

  private async purge(): Promise<PurgeRound> {
    const round: PurgeRound = { ran: false, batches: 0, messages: 0, media: 0 };
    const { db, config } = this.ctx;
    const defaultDays = config.MESSAGE_RETENTION_DAYS;
    const shortest = await shortestRetentionDays(db, defaultDays);
    if (shortest === null || !(await this.lease.acquire())) return round;
    round.ran = true;
    try {
      const olderThan = new Date(Date.now() - shortest * 86_400_000);
      // Each batch renews the lease; one that finds it lost (a long stall) stops and leaves the rest to its holder.
      while (!this.stopped) {
        const batch = await purgeBatch(db, defaultDays, olderThan, config.MESSAGE_PURGE_BATCH_SIZE);
        await deleteMediaObjects(this.ctx, batch.media);
        if (batch.messages > 0) round.batches++;
        round.messages += batch.messages;
        round.media += batch.media.length;
        if (batch.found < config.MESSAGE_PURGE_BATCH_SIZE || !(await this.lease.acquire())) break;
      }
    } finally {
      await this.lease.release();
    }
    if (round.messages > 0) this.ctx.log.info({ ...round }, 'retention purge');
    return round;
  }
}
