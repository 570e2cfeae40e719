import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../src/db/connect.js';
import { pair, search, searchIndexed, send } from './helpers/messages.js';
import { TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

describe('search', () => {
  let sam: TestUser;
  let tia: TestUser;
  let uma: TestUser;
  let withTia: string;
  let withWes: string;
  let umas: string;
  const mine: string[] = []; // sam's platypus messages, oldest first

  beforeAll(async () => {
    const [s, t, w, u, v] = await Promise.all(
      ['Sam Seeker', 'Tia Talker', 'Wes Writer', 'Uma Unrelated', 'Vic Unrelated'].map((n) => server.register(n)),
    );
    [sam, tia, uma] = [s!, t!, u!];
    withTia = await server.directChat(sam, tia);
    withWes = await server.directChat(sam, w!);
    umas = await server.directChat(uma, v!);
    await send(server, uma, umas, 'a platypus only uma knows about');
    mine.push((await send(server, sam, withTia, 'the platypus is here')).id);
    mine.push((await send(server, tia, withTia, 'another Platypus sighting!')).id);
    mine.push((await send(server, w!, withWes, 'wes saw a platypus too')).id);
    await send(server, tia, withTia, 'nothing to see');
    mine.push((await send(server, sam, withWes, 'platypus platypus')).id);
    await send(server, tia, withTia, 'platypus ciphertext blob', { encrypted: true });
    mine.push((await send(server, tia, withTia, 'last platypus of the day')).id);
  });

  it('finds words in your conversations only, newest first', async () => {
    const res = await search(server, sam, 'q=platypus');
    expect(res.status).toBe(200);
    expect(res.body.messages.map((m: any) => m.id)).toEqual([...mine].reverse());
    expect(res.body).toMatchObject({ hasMore: false, nextCursor: null });
    expect(res.body.messages.every((m: any) => m.conversationId === withTia || m.conversationId === withWes)).toBe(true);
    const umaRes = await search(server, uma, 'q=platypus');
    expect(umaRes.body.messages.map((m: any) => m.text)).toEqual(['a platypus only uma knows about']);
    expect((await search(server, uma, 'q=sighting')).body.messages).toEqual([]);
  });

  it('filters by conversation, and a conversation you are not in is 404', async () => {
    const res = await search(server, sam, `q=platypus&conversationId=${withWes}`);
    expect(res.status).toBe(200);
    expect(res.body.messages.map((m: any) => m.id)).toEqual([mine[3], mine[2]]);
    const foreign = await search(server, sam, `q=platypus&conversationId=${umas}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('conversation.not_found');
  });

  it('pages with limit and cursor, newest first, without duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const pages: number[] = [];
    do {
      const res: any = await search(server, sam, `q=platypus&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body.messages.length);
      seen.push(...res.body.messages.map((m: any) => m.id));
      expect(res.body.hasMore).toBe(res.body.nextCursor !== null);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual([...mine].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('rejects an empty query with 400', async () => {
    for (const q of ['q=', 'q=%20%20', '', `q=platypus&limit=0`, `q=platypus&cursor=nope`]) {
      const res = await search(server, sam, q);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
  });

  it('never matches messages sent with encrypted: true', async () => {
    expect((await search(server, tia, 'q=ciphertext')).body.messages).toEqual([]);
    expect((await search(server, sam, 'q=blob')).body.messages).toEqual([]);
  });
});

describe('the index follows the log', () => {
  // The indexer looks every SEARCH_INDEX_INTERVAL_MS (500 ms by default); the rest is room for a slow machine.
  const BOUND = { timeout: 3000, interval: 50 };
  const found = (user: TestUser, word: string) => async () =>
    (await server.api('GET', `/messages/search?q=${word}`, { token: user.token })).body.messages.map((m: any) => m.id);

  it('a sent message is found within the bound, an edit changes what matches, a deleted one stops matching', async () => {
    const { a, b, chatId } = await pair(server, ['Eve Editor', 'Fay Finder']);
    const msg = await send(server, a, chatId, 'a quokka appears');
    await expect.poll(found(b, 'quokka'), BOUND).toEqual([msg.id]);

    const edit = await server.api('PATCH', `/messages/${msg.id}`, { token: a.token, body: { text: 'a wallaby appears' } });
    expect(edit.status).toBe(200);
    await expect.poll(found(b, 'wallaby'), BOUND).toEqual([msg.id]);
    expect(await found(b, 'quokka')()).toEqual([]);

    expect((await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: a.token })).status).toBe(200);
    expect(await found(b, 'wallaby')()).toEqual([]);
    // ...and its index row goes once the indexer has read the deletion.
    await searchIndexed(server);
    const left = await rows(server.app.ctx.db, sql`select 1 from message_search where message_id = ${msg.id}`);
    expect(left).toEqual([]);
  });
});
