import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISO, history, listed, pair, search, send } from './helpers/messages.js';
import { collect, emit, next, settle, syncEvents, TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

describe('deleting a message for yourself', () => {
  it('hides it from your history, lastMessage, search and sync, not the other member’s; your other device hears it', async () => {
    const { a, b, chatId } = await pair(server, ['Hilda Hider', 'Kurt Keeper']);
    const before = await send(server, b, chatId, 'earlier words');
    const msg = await send(server, b, chatId, 'embarrassing wombat remark');
    const phone = await server.socket(a.token);
    const bs = await server.socket(b.token);
    const bSaw = collect(bs, 'message:deleted');
    const onPhone = next(phone, 'message:deleted', (p) => p.messageId === msg.id);

    const res = await server.api('DELETE', `/messages/${msg.id}?for=self`, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    const ev = await onPhone;
    expect(ev).toMatchObject({ conversationId: chatId, messageId: msg.id });
    expect(typeof ev.eventId).toBe('number');

    // Gone for the caller...
    expect((await history(server, a, chatId)).map((m) => m.id)).toEqual([before.id]);
    expect((await listed(server, a, chatId)).lastMessage).toMatchObject({ id: before.id, text: 'earlier words' });
    expect((await search(server, a, 'q=wombat')).body.messages).toEqual([]);
    const aSync = await syncEvents(server, a);
    expect(aSync.some((e) => e.type === 'message:new' && e.payload.message.id === msg.id)).toBe(false);
    expect(aSync.some((e) => e.type === 'message:new' && e.payload.message.id === before.id)).toBe(true);
    // ...and not reachable through the message routes.
    const react = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji: '👍' } });
    expect(react.status).toBe(404);

    // ...but still there for the other member, who heard nothing.
    expect((await history(server, b, chatId)).map((m) => m.id)).toEqual([before.id, msg.id]);
    expect((await listed(server, b, chatId)).lastMessage).toMatchObject({ id: msg.id, text: 'embarrassing wombat remark' });
    expect((await search(server, b, 'q=wombat')).body.messages.map((m: any) => m.id)).toEqual([msg.id]);
    const bSync = await syncEvents(server, b);
    expect(bSync.some((e) => e.type === 'message:new' && e.payload.message.id === msg.id)).toBe(true);
    expect(bSync.some((e) => e.type === 'message:deleted')).toBe(false);
    await settle();
    expect(bSaw).toEqual([]);
  });

  it('works over the socket: ack {ok:true}, the other device hears message:deleted, the sending socket does not', async () => {
    const { a, b, chatId } = await pair(server, ['Sara Socket', 'Tom Other']);
    const keep = await send(server, a, chatId, 'keep this');
    const msg = await send(server, a, chatId, 'hide this one');
    const laptop = await server.socket(a.token);
    const phone = await server.socket(a.token);
    const bs = await server.socket(b.token);
    const laptopSaw = collect(laptop, 'message:deleted');
    const bSaw = collect(bs, 'message:deleted');
    const onPhone = next(phone, 'message:deleted', (p) => p.messageId === msg.id);
    const ack = await emit(laptop, 'message:delete', { messageId: msg.id, for: 'self' });
    expect(ack).toEqual({ ok: true });
    expect(await onPhone).toMatchObject({ conversationId: chatId, messageId: msg.id });
    await settle();
    expect(laptopSaw).toEqual([]);
    expect(bSaw).toEqual([]);
    expect((await history(server, a, chatId)).map((m) => m.id)).toEqual([keep.id]);
    expect((await listed(server, a, chatId)).lastMessage.id).toBe(keep.id);
    expect((await history(server, b, chatId)).map((m) => m.id)).toEqual([keep.id, msg.id]);
    // A second delete for self finds nothing to delete.
    const again = await server.api('DELETE', `/messages/${msg.id}?for=self`, { token: a.token });
    expect(again.status).toBe(404);
    expect(await emit(laptop, 'message:delete', { messageId: msg.id, for: 'sideways' })).toMatchObject({
      ok: false,
      error: { code: 'validation.failed' },
    });
  });
});

describe('deleting a message for everyone', () => {
  it('leaves a tombstone for both members and wipes the text from search, sync and lastMessage', async () => {
    const { a, b, chatId } = await pair(server, ['Wanda Wiper', 'Vic Viewer']);
    const before = await send(server, a, chatId, 'harmless');
    const msg = await send(server, a, chatId, 'regrettable quokka story');
    const edited = await server.api('PATCH', `/messages/${msg.id}`, { token: a.token, body: { text: 'regrettable quokka story, edited' } });
    expect(edited.status).toBe(200);
    const liked = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: b.token, body: { emoji: '😂' } });
    expect(liked.status).toBe(200);

    const bs = await server.socket(b.token);
    const deleted = next(bs, 'message:deleted', (p) => p.messageId === msg.id);
    const res = await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    const ev = await deleted;
    expect(ev).toMatchObject({ conversationId: chatId, messageId: msg.id });
    expect(typeof ev.eventId).toBe('number');

    for (const user of [a, b]) {
      const tomb = (await history(server, user, chatId)).find((m) => m.id === msg.id);
      expect(tomb).toMatchObject({ id: msg.id, seq: msg.seq, text: null, reactions: [] });
      expect(tomb.deletedAt).toMatch(ISO);
      expect((await search(server, user, 'q=quokka')).body.messages).toEqual([]);
      const last = (await listed(server, user, chatId)).lastMessage;
      expect(last).toMatchObject({ id: msg.id, text: null });
      expect(last.deletedAt).toMatch(ISO);

      const events = await syncEvents(server, user);
      const created = events.find((e) => e.type === 'message:new' && e.payload.message.id === msg.id);
      expect(created.payload.message.text).toBeNull();
      expect(created.payload.message.deletedAt).toMatch(ISO);
      const update = events.find((e) => e.type === 'message:updated' && e.payload.message.id === msg.id);
      expect(update.payload.message.text).toBeNull();
      expect(JSON.stringify(events)).not.toContain('quokka');
      expect(events.some((e) => e.type === 'message:deleted' && e.payload.messageId === msg.id)).toBe(true);
      // The message before it is untouched.
      expect(events.find((e) => e.type === 'message:new' && e.payload.message.id === before.id).payload.message.text).toBe('harmless');
    }

    // Deleting for everyone twice is fine.
    const twice = await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: a.token });
    expect(twice.status).toBe(200);
    // Reactions on a tombstone are refused.
    const react = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: b.token, body: { emoji: '👍' } });
    expect(react.status).toBe(409);
    expect(react.body.code).toBe('message.deleted');
  });

  it('works over the socket: ack {ok:true} and the other member hears message:deleted', async () => {
    const { a, b, chatId } = await pair(server, ['Xena Socket', 'Yuri Other']);
    const msg = await send(server, a, chatId, 'socket delete me');
    const as = await server.socket(a.token);
    const bs = await server.socket(b.token);
    const toB = next(bs, 'message:deleted', (p) => p.messageId === msg.id);
    expect(await emit(as, 'message:delete', { messageId: msg.id, for: 'everyone' })).toEqual({ ok: true });
    expect(await toB).toMatchObject({ conversationId: chatId, messageId: msg.id });
    expect((await history(server, b, chatId))[0]).toMatchObject({ id: msg.id, text: null });
  });

  it('refuses the non-sender in a direct chat: 403 forbidden', async () => {
    const { a, b, chatId } = await pair(server, ['Zed Sender', 'Amy Deleter']);
    const msg = await send(server, a, chatId, 'not yours to delete');
    const res = await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: b.token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    const bs = await server.socket(b.token);
    expect(await emit(bs, 'message:delete', { messageId: msg.id, for: 'everyone' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await history(server, a, chatId))[0]).toMatchObject({ id: msg.id, text: 'not yours to delete', deletedAt: null });
    const outsider = await server.register('Outside Olga');
    const hidden = await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: outsider.token });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('message.not_found');
  });
});
