import crypto from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../../context.js';
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/connect.js';
import { JobLease } from '../../db/jobLease.js';
import { deleteMediaObjects } from '../media/orphans.js';
import { expireBatch } from './expireBatch.js';

/** Long enough for a batch or two; a node that dies holding it is replaced after this. */
const LEASE_MS = 60_000;

export interface SweepRound {
  /** false: another node holds the lease; nothing was done. */
  ran: boolean;
  messages: number;
  media: number;
}

/**
 * The disappearing sweep: deletes the messages past their `expiresAt`, MESSAGE_PURGE_BATCH_SIZE per
 * transaction, on one node at a time (the `disappearing` lease, as the retention purge), then the
 * objects of the media that went with them. Runs every DISAPPEARING_SWEEP_MS.
 */
export class DisappearingSweep {
  private readonly lease: JobLease;
  private stopped = false;
  private round: Promise<SweepRound> | undefined;

  constructor(
    private readonly ctx: Pick<AppContext, 'db' | 'config' | 'storage' | 'log' | 'run'>,
    owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`,
  ) {
    this.lease = new JobLease(ctx.db, 'disappearing', owner, LEASE_MS);
  }

  /** One round; a call while one runs waits for it. */
  run(): Promise<SweepRound> {
    this.round ??= this.sweep().finally(() => (this.round = undefined));
    return this.round;
  }

  /** Lets the round in flight finish its batch; no new one starts. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.round?.catch(() => undefined);
  }

  private async sweep(): Promise<SweepRound> {
    const round: SweepRound = { ran: false, messages: 0, media: 0 };
    const size = this.ctx.config.MESSAGE_PURGE_BATCH_SIZE;
    // Looks first (the partial index): most rounds find nothing due and need no lease.
    if (!(await anyDue(this.ctx.db)) || !(await this.lease.acquire())) return round;
    round.ran = true;
    try {
      while (!this.stopped) {
        const batch = await expireBatch(this.ctx, size);
        await deleteMediaObjects(this.ctx, batch.media);
        round.messages += batch.messages;
        round.media += batch.media.length;
        if (batch.messages < size || !(await this.lease.acquire())) break;
      }
    } finally {
      await this.lease.release();
    }
    if (round.messages > 0) this.ctx.log.info({ ...round }, 'disappearing sweep');
    return round;
  }
}

async function anyDue(ex: Executor): Promise<boolean> {
  // Ordered: the partial index on expires_at is then the plan whatever the statistics say (without
  // the order, stale ones made it a scan of every message: docs/benchmarks.md, session 15).
  return (await rows(ex, sql`select 1 from messages where expires_at <= now() order by expires_at limit 1`)).length > 0;
}
