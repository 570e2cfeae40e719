import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laneOf } from '../src/features/messages/groupCommit.js';
import { freshDatabase, Node } from './helpers/cluster.js';
import { emit, settle } from './helpers/server.js';

// Two Parley processes with several send lanes each on one PostgreSQL: the PostgreSQL project only.
const enabled = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

/**
 * A trigger of the test's own holds any transaction that appends a message whose text starts
 * with HOLD, after its event id was taken, until the test lets go of an advisory lock; it names
 * the held id in its session's application_name so the test can see it.
 */
const holdTrigger = `
  create function parley_test_hold() returns trigger language plpgsql as $$
  begin
    if new.type = 'message:new' and new.payload #>> '{message,text}' like 'HOLD%' then
      perform set_config('application_name', 'held:' || new.id, true);
      perform pg_advisory_xact_lock(4242);
    end if;
    return new;
  end $$;
  create trigger parley_test_hold after insert on events for each row execute function parley_test_hold();`;

interface Seen {
  eventId: number;
  clientMessageId: string;
}

const lanes = 4;
const eventIds = (seen: Seen[]) => seen.map((s) => s.eventId);
const increasing = (ids: number[]) => ids.every((id, i) => i === 0 || id > ids[i - 1]!);

describe.skipIf(!enabled)('event ids committed out of order, across lanes and nodes', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let nodes: Node[];
  let admin: pg.Client;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    const env = {
      DATABASE_URL: db.url,
      SEND_PARALLEL: String(lanes),
      EMITTER_POLL_MS: '100',
      // The held transaction waits on the test's lock: not cut off while it does.
      DATABASE_LOCK_TIMEOUT_SECONDS: '120',
      DATABASE_STATEMENT_TIMEOUT_SECONDS: '120',
      RATE_LIMITS: 'off',
      RATE_LIMIT_REGISTER_PER_IP: '100000/1h',
    };
    const first = await Node.start(env);
    nodes = [first, await Node.start(env)];
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(holdTrigger);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await admin?.end();
    await Promise.all((nodes ?? []).map((n) => n.stop()));
    await db?.drop();
  });

  it('a syncing client and live sockets on both nodes get every message once, in eventId order, none skipped', async () => {
    const [a, b] = nodes as [Node, Node];
    const watcher = await a.register('Watcher');
    const senders = await Promise.all([a, a, b, b].map((n, i) => n.register(`Sender ${i}`)));
    // A group per sender, the watcher in all: messages in one conversation take turns on its row, different ones need not.
    const groups: string[] = [];
    for (const [i, s] of senders.entries()) {
      for (let attempt = 0; ; attempt++) {
        const r = await a.api('POST', '/groups', {
          token: watcher.token,
          body: { name: `Out of order ${i}.${attempt}`, memberIds: [s.id] },
        });
        const id = r.body.group.id as string;
        // A node's sends take a lane by conversation: the other sender on node A must not queue behind the held batch.
        if (i === 1 && laneOf(id, lanes) === laneOf(groups[0]!, lanes) && attempt < 50) continue;
        groups.push(id);
        break;
      }
    }

    // The watcher listens live on both nodes, and syncs on a third socket all along.
    const live = new Map<Node, Seen[]>([
      [a, []],
      [b, []],
    ]);
    for (const n of [a, b]) {
      const seen = live.get(n)!;
      const s = await n.socket(watcher.token, (s) =>
        s.on('message:new', (e: { eventId: number; message: { clientMessageId?: string | null } }) => {
          // Only what the senders sent (not the group's own system messages).
          if (e.message.clientMessageId) seen.push({ eventId: e.eventId, clientMessageId: e.message.clientMessageId });
        }),
      );
      sockets.push(s);
    }
    const syncer = await b.socket(watcher.token);
    sockets.push(syncer);
    const synced: Seen[] = [];
    let cursor = 0;
    let syncing = true;
    const syncLoop = (async () => {
      while (syncing) {
        const page = await emit(syncer, 'sync:request', { cursor, limit: 20 });
        expect(page.ok).toBe(true);
        for (const e of page.events) {
          expect(e.eventId).toBeGreaterThan(cursor);
          if (e.type === 'message:new' && e.payload.message.clientMessageId)
            synced.push({ eventId: e.eventId, clientMessageId: e.payload.message.clientMessageId });
        }
        cursor = page.cursor;
        if (!page.hasMore) await settle(20);
      }
    })();

    const sending = await Promise.all(senders.map((u, i) => [a, a, b, b][i]!.socket(u.token)));
    sockets.push(...sending);
    const send = (i: number, text: string, clientMessageId: string) =>
      emit(sending[i]!, 'message:send', { conversationId: groups[i], text, clientMessageId }, 120_000);

    // Held: the first sender's first message takes its id, then waits inside its transaction.
    await admin.query('select pg_advisory_lock(4242)');
    const heldAck = send(0, 'HOLD me', 'held');
    let heldId = 0;
    for (let i = 0; i < 200 && !heldId; i++) {
      const r = await admin.query(`select application_name from pg_stat_activity where application_name like 'held:%'`);
      heldId = r.rows[0] ? Number(String(r.rows[0].application_name).slice('held:'.length)) : 0;
      if (!heldId) await settle(50);
    }
    expect(heldId).toBeGreaterThan(0);

    // Meanwhile the other three, on both nodes and several lanes, send and are acked: they commit above the held id.
    const perSender = 15;
    const others = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const sent: string[] = [];
        for (let k = 0; k < perSender; k++) {
          const ack = await send(i, `m ${i}.${k}`, `s${i}-${k}`);
          expect(ack).toMatchObject({ ok: true });
          sent.push(`s${i}-${k}`);
        }
        return sent;
      }),
    );
    const above = await admin.query('select count(*)::int as n from events where id > $1', [heldId]);
    expect(above.rows[0].n).toBeGreaterThanOrEqual(3 * perSender);
    // Let the emitters and the syncer run a while: nothing above the held id may reach anyone yet.
    await settle(500);
    for (const seen of [...live.values(), synced]) expect(eventIds(seen).filter((id) => id >= heldId)).toEqual([]);
    expect(cursor).toBeLessThan(heldId);

    await admin.query('select pg_advisory_unlock(4242)');
    expect(await heldAck).toMatchObject({ ok: true });
    const all = ['held', ...others.flat()];

    const end = Date.now() + 30_000;
    const complete = () => [...live.values(), synced].every((seen) => seen.length >= all.length);
    while (!complete() && Date.now() < end) await settle(100);
    syncing = false;
    await syncLoop;

    const stored = await admin.query(
      `select id from events where type = 'message:new' and conversation_id = any($1)
       and payload #>> '{message,clientMessageId}' is not null order by id`,
      [groups],
    );
    const storedIds = stored.rows.map((r) => Number(r.id));
    for (const seen of [...live.values(), synced]) {
      expect(increasing(eventIds(seen))).toBe(true);
      expect(eventIds(seen)).toEqual(storedIds);
      expect(seen.map((s) => s.clientMessageId).sort()).toEqual([...all].sort());
    }
    // The held message kept its place: below everything the others sent while it was held.
    expect(storedIds[0]).toBe(heldId);
  }, 180_000);

  it('sync:request returns what was acked before it, waiting a moment for a writer that began earlier; not longer than that', async () => {
    const [a, b] = nodes as [Node, Node];
    const reader = await a.register('Sync reader');
    const sender = await a.register('Sync sender');
    const chat = (await a.api('POST', '/conversations', { token: sender.token, body: { userId: reader.id } })).body.conversation
      .id as string;
    const out = await a.socket(sender.token);
    const syncer = await b.socket(reader.token);
    sockets.push(out, syncer);
    const head = async () => {
      let cursor = 0;
      for (
        let page = await emit(syncer, 'sync:request', { cursor, limit: 1000 });
        ;
        page = await emit(syncer, 'sync:request', { cursor, limit: 1000 })
      ) {
        cursor = page.cursor;
        if (!page.hasMore) return cursor;
      }
    };
    const texts = (page: { events: { type: string; payload: { message?: { text?: string } } }[] }) =>
      page.events.filter((e) => e.type === 'message:new').map((e) => e.payload.message!.text);
    // Another session holds an xid from before the send: the send's commit cannot prove its id final by itself.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      const cursor = await head();
      await holder.query('begin');
      await holder.query('select pg_current_xact_id()');
      expect(await emit(out, 'message:send', { conversationId: chat, text: 'acked first', clientMessageId: 'sync-1' })).toMatchObject({
        ok: true,
      });
      const released = settle(100).then(() => holder.query('commit'));
      const page = await emit(syncer, 'sync:request', { cursor, limit: 1000 });
      await released;
      expect(texts(page)).toEqual(['acked first']);

      // A holder that stays: the sync answers after a bounded wait, without what it holds back.
      const cursor2 = page.cursor;
      await holder.query('begin');
      await holder.query('select pg_current_xact_id()');
      expect(await emit(out, 'message:send', { conversationId: chat, text: 'held back', clientMessageId: 'sync-2' })).toMatchObject({
        ok: true,
      });
      const started = Date.now();
      const held = await emit(syncer, 'sync:request', { cursor: cursor2, limit: 1000 });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(texts(held)).toEqual([]);
      await holder.query('commit');
      expect(texts(await emit(syncer, 'sync:request', { cursor: cursor2, limit: 1000 }))).toEqual(['held back']);
    } finally {
      await holder.end();
    }
  }, 60_000);
});
