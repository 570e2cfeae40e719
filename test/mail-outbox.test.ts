import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../src/db/schema.js';
import { newId } from '../src/lib/ids.js';
import { TestServer } from './helpers/server.js';
import { LocalSmtp } from './helpers/smtpService.js';

let smtp: LocalSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = new LocalSmtp();
  await smtp.start();
  // Sent mail is kept 2 s; the pruning job runs every 200 ms.
  server = await TestServer.start({
    SMTP_URL: smtp.url,
    MAIL_POLL_MS: '100',
    MAIL_OUTBOX_RETENTION_DAYS: String(2 / 86_400),
    EVENT_PRUNE_INTERVAL_MS: '200',
  });
});
afterAll(async () => {
  await server?.close();
  await smtp?.stop();
});

const db = () => server.app.ctx.db;
const count = async (where: ReturnType<typeof sql>) =>
  Number(
    (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(mailOutbox)
        .where(where)
    )[0]!.n,
  );

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('mail_outbox pruning (MAIL_OUTBOX_RETENTION_DAYS)', () => {
  it('a sent mail is deleted once older than the retention; mail not yet sent stays however old', async () => {
    // Mail the server could not send yet (its next try is far ahead), written long ago: never pruned.
    const waiting = newId();
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    await db()
      .insert(mailOutbox)
      .values({
        id: waiting,
        to: 'later@example.test',
        subject: 's',
        text: 't',
        html: 'h',
        createdAt: longAgo,
        nextAttemptAt: new Date(Date.now() + 86_400_000),
      });

    const u = await server.register('Outbox Olga');
    const before = smtp.mails.length;
    expect((await server.api('POST', '/auth/email/verification', { token: u.token })).status).toBe(202);
    await smtp.mailTo(u.email, { after: before });
    await until(
      async () => (await count(sql`${mailOutbox.to} = ${u.email} and ${mailOutbox.sentAt} is not null`)) === 1,
      'the mail marked sent',
    );
    // Kept through its retention (2 s), then gone.
    await until(async () => (await count(sql`${mailOutbox.to} = ${u.email}`)) === 0, 'the sent mail pruned');
    expect(await db().select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.id, waiting))).toHaveLength(1);
  });

  it('many old sent mails are pruned in batches, all of them', async () => {
    const sentAt = new Date(Date.now() - 86_400_000);
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      id: newId(),
      to: `bulk-${i}@example.test`,
      subject: 's',
      text: 't',
      html: 'h',
      sentAt,
      createdAt: sentAt,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await db()
        .insert(mailOutbox)
        .values(rows.slice(i, i + 500));
    await until(async () => (await count(sql`${mailOutbox.to} like 'bulk-%'`)) === 0, 'every old sent mail pruned');
  });
});
