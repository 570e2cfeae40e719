import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, emit, settle, TestServer, type ApiResponse } from './helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

/** Every message of a conversation, oldest first, paging back from the latest page with `limit=100` and the cursor. */
async function fullHistory(token: string, conversationId: string): Promise<any[]> {
  const pages: any[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 20; guard++) {
    const q: string = cursor === null ? 'limit=100' : `limit=100&cursor=${cursor}`;
    const page = await server.api('GET', `/conversations/${conversationId}/messages?${q}`, { token });
    expect(page.status).toBe(200);
    pages.unshift(page.body.messages);
    if (!page.body.hasMore) {
      expect(page.body.nextCursor).toBeNull();
      break;
    }
    cursor = page.body.nextCursor;
  }
  return pages.flat();
}

describe('concurrent writes', () => {
  it('200 simultaneous sends over socket and REST get seqs 1..200 with no gap or duplicate', async () => {
    const alice = await server.register('Alice Burst');
    const bob = await server.register('Bob Burst');
    const id = await server.directChat(alice, bob);
    const a = await server.socket(alice.token);
    const b = await server.socket(bob.token);
    // Bob's idle second device hears every message, each once, in seq order.
    const watcher = await server.socket(bob.token);
    const heard = collect(watcher, 'message:new');

    type Sent = { via: string; text: string; senderId: string; result: Promise<any> };
    const sends: Sent[] = [];
    for (let i = 0; i < 200; i++) {
      const fromAlice = i % 2 === 0;
      const sender = fromAlice ? alice : bob;
      const text = `burst ${i} from ${fromAlice ? 'alice' : 'bob'}`;
      if (i % 4 < 2) {
        const s = fromAlice ? a : b;
        sends.push({
          via: 'socket',
          text,
          senderId: sender.id,
          result: emit(s, 'message:send', { conversationId: id, text, clientMessageId: `burst-${i}` }, 30_000),
        });
      } else {
        sends.push({
          via: 'rest',
          text,
          senderId: sender.id,
          result: server.api('POST', `/conversations/${id}/messages`, {
            token: sender.token,
            body: { text, clientMessageId: `burst-${i}` },
          }),
        });
      }
    }
    expect(sends.filter((s) => s.via === 'socket')).toHaveLength(100);

    const results = await Promise.all(sends.map((s) => s.result));
    const messages = results.map((r, i) => {
      if (sends[i]!.via === 'socket') {
        expect(r, `socket send ${i}`).toMatchObject({ ok: true });
        return r.message;
      }
      const res = r as ApiResponse;
      expect(res.status, `REST send ${i}: ${JSON.stringify(res.body)}`).toBe(201);
      return res.body.message;
    });
    messages.forEach((m, i) => {
      expect(m).toMatchObject({ conversationId: id, text: sends[i]!.text, senderId: sends[i]!.senderId });
    });

    const seqs = messages.map((m) => m.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(messages.map((m) => m.id)).size).toBe(200);

    const history = await fullHistory(bob.token, id);
    expect(history).toHaveLength(200);
    expect(history.map((m) => m.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // What history holds is exactly what the acks and responses said was written.
    const bySeq = new Map(messages.map((m) => [m.seq, m]));
    for (const h of history) {
      const acked = bySeq.get(h.seq)!;
      expect(h).toMatchObject({ id: acked.id, text: acked.text, senderId: acked.senderId, clientMessageId: acked.clientMessageId });
    }

    for (let waited = 0; heard.length < 200 && waited < 10_000; waited += 50) await settle(50);
    await settle(200);
    expect(heard.map((p) => p.message.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(heard.map((p) => p.eventId)).toEqual([...heard.map((p) => p.eventId)].sort((x, y) => x - y));

    const conv = await server.api('GET', `/conversations/${id}?limit=1`, { token: alice.token });
    expect(conv.status).toBe(200);
    expect(conv.body.conversation.lastSeq).toBe(200);
    expect(conv.body.messages.map((m: any) => m.seq)).toEqual([200]);
    const list = await server.api('GET', '/conversations', { token: bob.token });
    expect(list.body.conversations.find((c: any) => c.id === id)).toMatchObject({ lastSeq: 200, lastMessage: { seq: 200 } });
  });

  it('a burst into many conversations is committed in shared batches, each sender in order, refusals alone', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 24 }, async (_, k) => {
        const x = await server.register(`Lane X${k}`);
        const y = await server.register(`Lane Y${k}`);
        const id = await server.directChat(x, y);
        return { x, y, id, sx: await server.socket(x.token), sy: await server.socket(y.token) };
      }),
    );
    const stranger = pairs[0]!.id; // not a conversation of pair 1's members
    const sends: { pair: number; side: 'x' | 'y'; n: number; ack: Promise<any> }[] = [];
    const refused: Promise<any>[] = [];
    // Round-robin over 48 sockets, so the server reads most sends on their own, not in runs.
    for (let n = 0; n < 5; n++) {
      for (const [k, p] of pairs.entries()) {
        for (const side of ['x', 'y'] as const) {
          const s = side === 'x' ? p.sx : p.sy;
          sends.push({
            pair: k,
            side,
            n,
            ack: emit(s, 'message:send', { conversationId: p.id, text: `${side}${n}`, clientMessageId: `lane-${side}-${n}` }, 30_000),
          });
        }
      }
      if (n === 2) {
        refused.push(
          emit(pairs[1]!.sx, 'message:send', { conversationId: stranger, text: 'not mine', clientMessageId: 'lane-stranger' }, 30_000),
        );
        refused.push(
          emit(
            pairs[2]!.sx,
            'message:send',
            {
              conversationId: pairs[2]!.id,
              text: 'bad reply',
              clientMessageId: 'lane-bad-reply',
              replyToId: '01900000-0000-7000-8000-000000000000',
            },
            30_000,
          ),
        );
      }
    }
    const acks = await Promise.all(sends.map((s) => s.ack));
    acks.forEach((a, i) => expect(a, `send ${i}`).toMatchObject({ ok: true }));
    const [notMember, badReply] = await Promise.all(refused);
    expect(notMember).toMatchObject({ ok: false, error: { code: 'conversation.not_found' } });
    expect(badReply).toMatchObject({ ok: false, error: { code: 'message.reply_invalid' } });

    // One transaction writes a batch with one timestamp: 240 sends from 48 sockets took far
    // fewer commits than sockets.
    const commits = new Set(acks.map((a) => a.message.createdAt));
    expect(commits.size).toBeLessThan(24);
    for (const [k, p] of pairs.entries()) {
      const history = await fullHistory(p.x.token, p.id);
      expect(history.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      for (const side of ['x', 'y'] as const) {
        // Each sender's messages are written in the order they were sent.
        const own = history.filter((m) => m.senderId === p[side].id).map((m) => m.text);
        expect(own, `pair ${k} ${side}`).toEqual(Array.from({ length: 5 }, (_, n) => `${side}${n}`));
      }
    }
  });

  it('20 simultaneous opens of the same pair, from both sides, make one conversation', async () => {
    const carol = await server.register('Carol Race');
    const dave = await server.register('Dave Race');
    const opens = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? server.api('POST', '/conversations', { token: carol.token, body: { userId: dave.id } })
        : server.api('POST', '/conversations', { token: dave.token, body: { userId: carol.id } }),
    );
    const results = await Promise.all(opens);
    for (const r of results) expect([200, 201], JSON.stringify(r.body)).toContain(r.status);
    const ids = new Set(results.map((r) => r.body.conversation.id));
    expect(ids.size).toBe(1);
    const created = results.filter((r) => r.body.created === true);
    expect(created).toHaveLength(1);
    expect(created[0]!.status).toBe(201);
    expect(results.filter((r) => r.status === 200 && r.body.created === false)).toHaveLength(19);
    // Each side sees the other as otherUser, whichever request created it.
    results.forEach((r, i) => expect(r.body.conversation.otherUser.id).toBe(i % 2 === 0 ? dave.id : carol.id));

    const [id] = [...ids];
    for (const [me, other] of [
      [carol, dave],
      [dave, carol],
    ] as const) {
      const list = await server.api('GET', '/conversations', { token: me.token });
      expect(list.status).toBe(200);
      expect(list.body.conversations).toHaveLength(1);
      expect(list.body.conversations[0]).toMatchObject({ id, type: 'direct', otherUser: { id: other.id } });
    }
  });

  it('20 simultaneous sends with the same clientMessageId write one message', async () => {
    const erin = await server.register('Erin Retry');
    const frank = await server.register('Frank Retry');
    const id = await server.directChat(erin, frank);
    const phone = await server.socket(erin.token);
    const laptop = await server.socket(erin.token);
    const body = { conversationId: id, text: 'only once', clientMessageId: 'same-client-id-1' };

    const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => emit(i % 2 ? phone : laptop, 'message:send', body)));
    for (const ack of acks) expect(ack).toMatchObject({ ok: true, message: { text: 'only once', clientMessageId: 'same-client-id-1' } });
    expect(new Set(acks.map((a) => a.message.id)).size).toBe(1);
    expect(new Set(acks.map((a) => a.message.seq))).toEqual(new Set([1]));

    // REST retries racing each other return the same message, never a second one.
    const rest = await Promise.all(
      Array.from({ length: 10 }, () =>
        server.api('POST', `/conversations/${id}/messages`, {
          token: erin.token,
          body: { text: 'only once', clientMessageId: 'same-client-id-1' },
        }),
      ),
    );
    for (const r of rest) {
      expect(r.status).toBe(200);
      expect(r.body.message.id).toBe(acks[0]!.message.id);
    }

    const history = await server.api('GET', `/conversations/${id}/messages?limit=100`, { token: frank.token });
    expect(history.body.messages).toHaveLength(1);
    expect(history.body.messages[0]).toMatchObject({ id: acks[0]!.message.id, seq: 1, clientMessageId: 'same-client-id-1' });
    const conv = await server.api('GET', `/conversations/${id}`, { token: frank.token });
    expect(conv.body.conversation).toMatchObject({ lastSeq: 1, unreadCount: 1 });
  });

  it('the same clientMessageId raced over socket and REST at once still writes one message', async () => {
    const gina = await server.register('Gina Mixed');
    const hank = await server.register('Hank Mixed');
    const id = await server.directChat(gina, hank);
    const s = await server.socket(gina.token);
    const body = { text: 'mixed retry', clientMessageId: 'mixed-1' };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? emit(s, 'message:send', { conversationId: id, ...body }).then((ack) => ({ id: ack.message?.id, status: ack.ok ? 'ok' : ack }))
          : server
              .api('POST', `/conversations/${id}/messages`, { token: gina.token, body })
              .then((r) => ({ id: r.body.message?.id, status: r.status })),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x !== 'ok' && x !== 200 && x !== 201)).toEqual([]);
    expect(statuses.filter((x) => x === 201).length).toBeLessThanOrEqual(1);
    const history = await server.api('GET', `/conversations/${id}/messages`, { token: hank.token });
    expect(history.body.messages).toHaveLength(1);
  });
});
