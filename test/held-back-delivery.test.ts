import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './helpers/cluster.js';
import { emit, next, settle, TestServer } from './helpers/server.js';

// Readers wait for running transactions on PostgreSQL only (PGlite's take turns).
const onPostgres = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)('a transaction that writes no events, running when a message commits', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let blocker: pg.Client;

  beforeAll(async () => {
    db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    // The poll would come too late for the test: only the emitter's own retry can deliver in time.
    server = await TestServer.start({ DATABASE_URL: db.url, EMITTER_POLL_MS: '60000' });
    blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
  });

  afterAll(async () => {
    await blocker?.end();
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
});
