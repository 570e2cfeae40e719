import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connect.js';
import { mailOutbox } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { Mail, Mailer } from './mailer.js';

interface Logger {
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** How long one sender holds a mail it took before another node may take it (it crashed mid-send). */
const LEASE_MS = 120_000;
const BATCH = 20;
/** After the nth failure: 2^n s, at most 10 min, with jitter. Mail is never given up on. */
const backoffMs = (attempts: number) => Math.min(600_000, 1000 * 2 ** Math.min(attempts, 10)) * (0.75 + Math.random() * 0.5);

/** Writes a mail to the outbox in the caller's transaction: it is sent once (and only if) that commits. */
export async function enqueueMail(ex: Executor, mail: Mail): Promise<void> {
  await ex.insert(mailOutbox).values({ id: newId(), ...mail });
}

/**
 * Deletes sent mail older than the retention (addresses and bodies need not be kept once sent), in
 * batches of `batchSize` rows so no statement holds many locks or runs long. Unsent mail stays. Returns how many went.
 */
export async function pruneSentMail(db: Db, retentionDays: number, batchSize = 1000): Promise<number> {
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const batch = await db
      .delete(mailOutbox)
      .where(
        inArray(mailOutbox.id, db.select({ id: mailOutbox.id }).from(mailOutbox).where(lt(mailOutbox.sentAt, cutoff)).limit(batchSize)),
      )
      .returning({ id: mailOutbox.id });
    deleted += batch.length;
    if (batch.length < batchSize) return deleted;
  }
}

/**
 * The mail sender: takes due mail from `mail_outbox` under a lease (next_attempt_at pushed ahead,
 * so nodes do not send the same mail together), sends it, marks it sent; a failure is retried
 * with backoff. Polls every MAIL_POLL_MS and is woken at once by mail written on this node.
 * Without a mailer (production without SMTP_URL) mail waits in the outbox.
 */
export class MailOutbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private readonly detached = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer | null,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (!this.mailer) return;
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due mail now (after a commit that wrote some). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.log.warn({ err }, 'the mail sender failed; it tries again'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  runDetached(work: () => Promise<void>): void {
    const done = work().catch((err: unknown) => this.log.error({ err }, 'mail work after a request failed'));
    this.detached.add(done);
    void done.finally(() => this.detached.delete(done));
  }

  async stop(): Promise<void> {
    // First the work requests left behind (it may write mail that the sender, still running, then sends).
    await Promise.allSettled([...this.detached]);
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    this.mailer?.close();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const batch = await this.claim();
      if (batch.length === 0) return;
      for (const row of batch) {
        if (this.stopped) return;
        await this.deliver(row);
      }
    }
  }

  private async claim() {
    const now = new Date();
    return this.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, now)))
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(mailOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${mailOutbox.attempts} + 1` })
        .where(
          inArray(
            mailOutbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });
  }

  private async deliver(row: typeof mailOutbox.$inferSelect): Promise<void> {
    try {
      await this.mailer!.send({ to: row.to, subject: row.subject, text: row.text, html: row.html });
      await this.db.update(mailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(mailOutbox.id, row.id));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn({ err, mailId: row.id, attempts: row.attempts }, 'sending a mail failed; it will be retried');
      await this.db
        .update(mailOutbox)
        .set({ lastError: message.slice(0, 500), nextAttemptAt: new Date(Date.now() + backoffMs(row.attempts)) })
        .where(eq(mailOutbox.id, row.id));
    }
  }
}
