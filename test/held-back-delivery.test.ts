import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { appendEvents } from '../src/events/append.js';
import type { EventDraft } from '../src/events/types.js';
import { withoutEvents } from '../src/events/withoutEvents.js';
import { freshDatabase } from './helpers/cluster.js';
import { emit, next, settle, TestServer } from './helpers/server.js';

// Readers wait for running transactions on PostgreSQL only (PGlite's take turns).
const onPostgres = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)('a transaction that writes no events, running when a message commits', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let blocker: pg.Client;
  let background: pg.Client;
  /** Background work's own connection, as the server's indexer or pruning would use it. */
  let bg: Db;

  beforeAll(async () => {
    db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    // The poll would come too late for the test: only the emitter's own retry can deliver in time.
    server = await TestServer.start({ DATABASE_URL: db.url, EMITTER_POLL_MS: '60000' });
    blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    background = new pg.Client({ connectionString: db.url });
    await background.connect();
    bg = drizzle(background) as unknown as Db;
  });

  afterAll(async () => {
    await blocker?.end();
    await background?.end();
    await server?.close();
    await db?.drop();
  });

  it('holds the message back while it runs, and delivers it within moments of its end (no commit or poke follows it)', async () => {
    const [ann, ben] = await server.registerAll('Ann Held', 'Ben Held');
    const chat = await server.directChat(ann, ben);
    const sa = await server.socket(ann.token);
    const sb = await server.socket(ben.token);

    // As a lease renewal or a session's last use would: an xid, no event.
    await blocker.query('begin');
    await blocker.query('select pg_current_xact_id()');
    let heardAt: number | undefined;
    const heard = next(sb, 'message:new', () => true, 20_000).then((e) => {
      heardAt = performance.now();
      return e;
    });
    expect((await emit(sa, 'message:send', { conversationId: chat, text: 'held back', clientMessageId: 'h-1' })).ok).toBe(true);
    await settle(300);
    // Its id may still be taken by a running transaction, for all a reader knows: not final yet.
    expect(heardAt).toBeUndefined();

    const endedAt = performance.now();
    await blocker.query('commit');
    expect((await heard).message.text).toBe('held back');
    // Far under the 60 s poll: the retries back off from 5 ms (src/realtime/emitter.ts).
    expect(heardAt! - endedAt).toBeLessThan(10_000);
  }, 30_000);

  it('does not hold a message back at all while the transaction is one withoutEvents marked (background work)', async () => {
    const [cat, dan] = await server.registerAll('Cat Marked', 'Dan Marked');
    const chat = await server.directChat(cat, dan);
    const sc = await server.socket(cat.token);
    const sd = await server.socket(dan.token);
    let holdsXid!: () => void;
    const running = new Promise<void>((resolve) => (holdsXid = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const marked = withoutEvents(bg, async (tx) => {
      await tx.execute(sql`select pg_current_xact_id()`);
      holdsXid();
      await finished;
    });
    await running;
    const heard = next(sd, 'message:new', () => true, 10_000);
    expect((await emit(sc, 'message:send', { conversationId: chat, text: 'not held', clientMessageId: 'm-1' })).ok).toBe(true);
    // Delivered while it still runs (an unmarked one holds it until it ends: the test above).
    expect((await heard).message.text).toBe('not held');
    finish();
    await marked;
  }, 30_000);

  it('refuses to append events inside a transaction withoutEvents marked, and writes nothing', async () => {
    const draft = { type: 'user:updated', userId: null, payload: {} } as unknown as EventDraft;
    const before = await background.query('select count(*)::int as n from events');
    await expect(withoutEvents(bg, (tx) => appendEvents(tx, [draft]))).rejects.toThrow(/appended 0 events of 1/);
    expect((await background.query('select count(*)::int as n from events')).rows).toEqual(before.rows);
  });
});
