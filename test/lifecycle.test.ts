import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
/** EDIT_WINDOW_SECONDS=0 and DELETE_WINDOW_SECONDS=0: every message is past both windows once a moment has passed. */
let strict: TestServer;

beforeAll(async () => {
  [server, strict] = await Promise.all([TestServer.start(), TestServer.start({ EDIT_WINDOW_SECONDS: '0', DELETE_WINDOW_SECONDS: '0' })]);
});
afterAll(async () => {
  await Promise.all([server?.close(), strict?.close()]);
});

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Two fresh users and their direct chat. */
async function pair(on: TestServer = server, names: [string, string] = ['Ann Pair', 'Ben Pair']) {
  const [a, b] = await Promise.all([on.register(names[0]), on.register(names[1])]);
  const chatId = await on.directChat(a, b);
  return { a, b, chatId };
}

async function send(user: TestUser, chatId: string, text: string, extra: Record<string, unknown> = {}, on: TestServer = server) {
  const res = await on.api('POST', `/conversations/${chatId}/messages`, { token: user.token, body: { text, ...extra } });
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.message;
}

async function history(user: TestUser, chatId: string): Promise<any[]> {
  const res = await server.api('GET', `/conversations/${chatId}/messages?limit=100`, { token: user.token });
  expect(res.status).toBe(200);
  return res.body.messages;
}

async function listed(user: TestUser, chatId: string) {
  const res = await server.api('GET', '/conversations', { token: user.token });
  expect(res.status).toBe(200);
  return res.body.conversations.find((c: any) => c.id === chatId);
}

async function search(user: TestUser, query: string): Promise<any> {
  return server.api('GET', `/messages/search?${query}`, { token: user.token });
}

async function syncEvents(user: TestUser): Promise<any[]> {
  const s = await server.socket(user.token);
  const ack = await emit(s, 'sync:request', { cursor: 0 });
  expect(ack.ok).toBe(true);
  s.disconnect();
  return ack.events;
}

describe('editing a message', () => {
  let a: TestUser;
  let b: TestUser;
  let chatId: string;
  beforeAll(async () => ({ a, b, chatId } = await pair(server, ['Edith Editor', 'Otto Other'])));

  it('lets the sender edit over REST; the other member hears message:updated', async () => {
    const msg = await send(a, chatId, 'frist draft');
    const bs = await server.socket(b.token);
    const updated = next(bs, 'message:updated', (p) => p.message.id === msg.id);
    const res = await server.api('PATCH', `/messages/${msg.id}`, { token: a.token, body: { text: 'first draft' } });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ id: msg.id, seq: msg.seq, senderId: a.id, text: 'first draft', deletedAt: null });
    expect(res.body.message.editedAt).toMatch(ISO);
    const got = await updated;
    expect(got.message).toMatchObject({ id: msg.id, text: 'first draft', editedAt: res.body.message.editedAt });
    expect(typeof got.eventId).toBe('number');
    const seen = (await history(b, chatId)).find((m) => m.id === msg.id);
    expect(seen).toMatchObject({ text: 'first draft', editedAt: res.body.message.editedAt });
  });

  it('lets the sender edit over the socket; the other member and the sender’s other device hear it', async () => {
    const msg = await send(a, chatId, 'socket draft');
    const as = await server.socket(a.token);
    const other = await server.socket(a.token);
    const bs = await server.socket(b.token);
    const echo = collect(as, 'message:updated');
    const toB = next(bs, 'message:updated', (p) => p.message.id === msg.id);
    const toOther = next(other, 'message:updated', (p) => p.message.id === msg.id);
    const ack = await emit(as, 'message:edit', { messageId: msg.id, text: 'socket final' });
    expect(ack.ok).toBe(true);
    expect(ack.message).toMatchObject({ id: msg.id, text: 'socket final' });
    expect(ack.message.editedAt).toMatch(ISO);
    expect((await toB).message.text).toBe('socket final');
    expect((await toOther).message.text).toBe('socket final');
    await settle();
    expect(echo).toEqual([]); // the editing socket has its ack
  });

  it("refuses to edit someone else's message: 403 message.not_sender", async () => {
    const msg = await send(a, chatId, 'mine, not yours');
    const res = await server.api('PATCH', `/messages/${msg.id}`, { token: b.token, body: { text: 'hijacked' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('message.not_sender');
    const bs = await server.socket(b.token);
    const ack = await emit(bs, 'message:edit', { messageId: msg.id, text: 'hijacked' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'message.not_sender' } });
    const seen = (await history(a, chatId)).find((m) => m.id === msg.id);
    expect(seen).toMatchObject({ text: 'mine, not yours', editedAt: null });
  });

  it('refuses to edit a message deleted for everyone: 409 message.deleted', async () => {
    const msg = await send(a, chatId, 'soon gone');
    const del = await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: a.token });
    expect(del.status).toBe(200);
    const res = await server.api('PATCH', `/messages/${msg.id}`, { token: a.token, body: { text: 'back again' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('message.deleted');
  });

  it('answers 404 message.not_found for a message the caller cannot see, or that does not exist', async () => {
    const msg = await send(a, chatId, 'private words');
    const outsider = await server.register('Nosy Outsider');
    const res = await server.api('PATCH', `/messages/${msg.id}`, { token: outsider.token, body: { text: 'x' } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('message.not_found');
    const os = await server.socket(outsider.token);
    expect(await emit(os, 'message:edit', { messageId: msg.id, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'message.not_found' },
    });
    const missing = await server.api('PATCH', '/messages/01890000-0000-7000-8000-000000000000', { token: a.token, body: { text: 'x' } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('message.not_found');
  });

  it('validates the new text', async () => {
    const msg = await send(a, chatId, 'valid');
    for (const body of [{ text: '' }, { text: '   ' }, {}, { text: 42 }]) {
      const res = await server.api('PATCH', `/messages/${msg.id}`, { token: a.token, body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
    const as = await server.socket(a.token);
    expect(await emit(as, 'message:edit', { messageId: 'nope', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'validation.failed' },
    });
  });
});

describe('edit and delete windows (EDIT_WINDOW_SECONDS=0, DELETE_WINDOW_SECONDS=0)', () => {
  it('refuses edits and deletes for everyone once the window has passed; delete for self still works', async () => {
    const { a, b, chatId } = await pair(strict, ['Late Larry', 'Prompt Pam']);
    const msg = await send(a, chatId, 'too late to change', {}, strict);
    await new Promise((r) => setTimeout(r, 1100));

    const edit = await strict.api('PATCH', `/messages/${msg.id}`, { token: a.token, body: { text: 'changed' } });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('message.edit_window_passed');
    const as = await strict.socket(a.token);
    expect(await emit(as, 'message:edit', { messageId: msg.id, text: 'changed' })).toMatchObject({
      ok: false,
      error: { code: 'message.edit_window_passed' },
    });

    const del = await strict.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: a.token });
    expect(del.status).toBe(403);
    expect(del.body.code).toBe('message.delete_window_passed');
    expect(await emit(as, 'message:delete', { messageId: msg.id, for: 'everyone' })).toMatchObject({
      ok: false,
      error: { code: 'message.delete_window_passed' },
    });

    const page = await strict.api('GET', `/conversations/${chatId}/messages`, { token: b.token });
    expect(page.body.messages[0]).toMatchObject({ id: msg.id, text: 'too late to change', editedAt: null, deletedAt: null });

    const self = await strict.api('DELETE', `/messages/${msg.id}?for=self`, { token: a.token });
    expect(self.status).toBe(200);
  });
});

describe('deleting a message for yourself', () => {
  it('hides it from your history, lastMessage, search and sync, not the other member’s; your other device hears it', async () => {
    const { a, b, chatId } = await pair(server, ['Hilda Hider', 'Kurt Keeper']);
    const before = await send(b, chatId, 'earlier words');
    const msg = await send(b, chatId, 'embarrassing wombat remark');
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
    expect((await history(a, chatId)).map((m) => m.id)).toEqual([before.id]);
    expect((await listed(a, chatId)).lastMessage).toMatchObject({ id: before.id, text: 'earlier words' });
    expect((await search(a, 'q=wombat')).body.messages).toEqual([]);
    const aSync = await syncEvents(a);
    expect(aSync.some((e) => e.type === 'message:new' && e.payload.message.id === msg.id)).toBe(false);
    expect(aSync.some((e) => e.type === 'message:new' && e.payload.message.id === before.id)).toBe(true);
    // ...and not reachable through the message routes.
    const react = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji: '👍' } });
    expect(react.status).toBe(404);

    // ...but still there for the other member, who heard nothing.
    expect((await history(b, chatId)).map((m) => m.id)).toEqual([before.id, msg.id]);
    expect((await listed(b, chatId)).lastMessage).toMatchObject({ id: msg.id, text: 'embarrassing wombat remark' });
    expect((await search(b, 'q=wombat')).body.messages.map((m: any) => m.id)).toEqual([msg.id]);
    const bSync = await syncEvents(b);
    expect(bSync.some((e) => e.type === 'message:new' && e.payload.message.id === msg.id)).toBe(true);
    expect(bSync.some((e) => e.type === 'message:deleted')).toBe(false);
    await settle();
    expect(bSaw).toEqual([]);
  });

  it('works over the socket: ack {ok:true}, the other device hears message:deleted, the sending socket does not', async () => {
    const { a, b, chatId } = await pair(server, ['Sara Socket', 'Tom Other']);
    const keep = await send(a, chatId, 'keep this');
    const msg = await send(a, chatId, 'hide this one');
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
    expect((await history(a, chatId)).map((m) => m.id)).toEqual([keep.id]);
    expect((await listed(a, chatId)).lastMessage.id).toBe(keep.id);
    expect((await history(b, chatId)).map((m) => m.id)).toEqual([keep.id, msg.id]);
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
    const before = await send(a, chatId, 'harmless');
    const msg = await send(a, chatId, 'regrettable quokka story');
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
      const tomb = (await history(user, chatId)).find((m) => m.id === msg.id);
      expect(tomb).toMatchObject({ id: msg.id, seq: msg.seq, text: null, reactions: [] });
      expect(tomb.deletedAt).toMatch(ISO);
      expect((await search(user, 'q=quokka')).body.messages).toEqual([]);
      const last = (await listed(user, chatId)).lastMessage;
      expect(last).toMatchObject({ id: msg.id, text: null });
      expect(last.deletedAt).toMatch(ISO);

      const events = await syncEvents(user);
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
    const msg = await send(a, chatId, 'socket delete me');
    const as = await server.socket(a.token);
    const bs = await server.socket(b.token);
    const toB = next(bs, 'message:deleted', (p) => p.messageId === msg.id);
    expect(await emit(as, 'message:delete', { messageId: msg.id, for: 'everyone' })).toEqual({ ok: true });
    expect(await toB).toMatchObject({ conversationId: chatId, messageId: msg.id });
    expect((await history(b, chatId))[0]).toMatchObject({ id: msg.id, text: null });
  });

  it('refuses the non-sender in a direct chat: 403 forbidden', async () => {
    const { a, b, chatId } = await pair(server, ['Zed Sender', 'Amy Deleter']);
    const msg = await send(a, chatId, 'not yours to delete');
    const res = await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: b.token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    const bs = await server.socket(b.token);
    expect(await emit(bs, 'message:delete', { messageId: msg.id, for: 'everyone' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await history(a, chatId))[0]).toMatchObject({ id: msg.id, text: 'not yours to delete', deletedAt: null });
    const outsider = await server.register('Outside Olga');
    const hidden = await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: outsider.token });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('message.not_found');
  });
});

describe('reactions', () => {
  it('sets, replaces and removes one reaction per user, over REST and the socket', async () => {
    const { a, b, chatId } = await pair(server, ['Rita React', 'Sam Smile']);
    const msg = await send(a, chatId, 'react to me');
    const as = await server.socket(a.token);
    const bs = await server.socket(b.token);

    const toB = next(bs, 'reaction:updated', (p) => p.messageId === msg.id);
    const put = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji: '👍' } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ reactions: [{ emoji: '👍', userId: a.id }] });
    const ev = await toB;
    expect(ev).toMatchObject({ conversationId: chatId, messageId: msg.id, reactions: [{ emoji: '👍', userId: a.id }] });
    expect(typeof ev.eventId).toBe('number');

    const replaced = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji: '❤️' } });
    expect(replaced.body).toEqual({ reactions: [{ emoji: '❤️', userId: a.id }] });

    const toA = next(as, 'reaction:updated', (p) => p.reactions.length === 2);
    const set = await emit(bs, 'reaction:set', { messageId: msg.id, emoji: '😂' });
    expect(set.ok).toBe(true);
    expect(set.reactions).toHaveLength(2);
    expect(set.reactions).toEqual(
      expect.arrayContaining([
        { emoji: '❤️', userId: a.id },
        { emoji: '😂', userId: b.id },
      ]),
    );
    expect((await toA).reactions).toEqual(set.reactions);

    const again = await emit(bs, 'reaction:set', { messageId: msg.id, emoji: '🎉' });
    expect(again.reactions.filter((r: any) => r.userId === b.id)).toEqual([{ emoji: '🎉', userId: b.id }]);

    const shown = (await history(a, chatId)).find((m) => m.id === msg.id);
    expect(shown.reactions).toHaveLength(2);
    expect(shown.reactions).toEqual(
      expect.arrayContaining([
        { emoji: '❤️', userId: a.id },
        { emoji: '🎉', userId: b.id },
      ]),
    );

    const removed = await emit(bs, 'reaction:remove', { messageId: msg.id });
    expect(removed).toEqual({ ok: true, reactions: [{ emoji: '❤️', userId: a.id }] });
    const del = await server.api('DELETE', `/messages/${msg.id}/reaction`, { token: a.token });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ reactions: [] });
    expect((await history(b, chatId)).find((m) => m.id === msg.id).reactions).toEqual([]);
  });

  it('accepts exactly one emoji and refuses anything else with 400 validation.failed', async () => {
    const { a, chatId } = await pair(server, ['Vera Valid', 'Walt Watch']);
    const msg = await send(a, chatId, 'emoji test');
    for (const emoji of ['abc', '👍👍', '', 'a👍', 42]) {
      const res = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji } });
      expect(res.status, JSON.stringify(emoji)).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
    const as = await server.socket(a.token);
    expect(await emit(as, 'reaction:set', { messageId: msg.id, emoji: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'validation.failed' },
    });
    for (const emoji of ['👍🏽', '🇳🇱', '👨‍👩‍👧']) {
      const res = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: a.token, body: { emoji } });
      expect(res.status, emoji).toBe(200);
      expect(res.body.reactions).toEqual([{ emoji, userId: a.id }]);
    }
    const outsider = await server.register('Rex Outsider');
    const res = await server.api('PUT', `/messages/${msg.id}/reaction`, { token: outsider.token, body: { emoji: '👍' } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('message.not_found');
  });
});

describe('replies', () => {
  it('carries replyTo {id, seq, senderId, text}; a message of another conversation is refused; a deleted target has null text', async () => {
    const { a, b, chatId } = await pair(server, ['Quinn Question', 'Rory Reply']);
    const question = await send(a, chatId, 'what time is it?');
    const res = await server.api('POST', `/conversations/${chatId}/messages`, {
      token: b.token,
      body: { text: 'noon', replyToId: question.id },
    });
    expect(res.status).toBe(201);
    expect(res.body.message.replyTo).toEqual({ id: question.id, seq: question.seq, senderId: a.id, text: 'what time is it?' });
    const answer = res.body.message;
    expect((await history(a, chatId)).find((m) => m.id === answer.id).replyTo).toEqual(answer.replyTo);

    const elsewhere = await pair(server, ['Other Olive', 'Other Otis']);
    const foreign = await send(elsewhere.a, elsewhere.chatId, 'not in your chat');
    for (const replyToId of [foreign.id, '01890000-0000-7000-8000-000000000000']) {
      const bad = await server.api('POST', `/conversations/${chatId}/messages`, { token: b.token, body: { text: 'hm', replyToId } });
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('message.reply_invalid');
    }
    const bs = await server.socket(b.token);
    expect(
      await emit(bs, 'message:send', { conversationId: chatId, text: 'hm', replyToId: foreign.id, clientMessageId: 'reply-bad-1' }),
    ).toMatchObject({ ok: false, error: { code: 'message.reply_invalid' } });

    const del = await server.api('DELETE', `/messages/${question.id}?for=everyone`, { token: a.token });
    expect(del.status).toBe(200);
    for (const user of [a, b]) {
      const reply = (await history(user, chatId)).find((m) => m.id === answer.id);
      expect(reply.replyTo).toEqual({ id: question.id, seq: question.seq, senderId: a.id, text: null });
    }
    // Sync replays the reply without the wiped text too.
    const replay = await emit(bs, 'sync:request', { cursor: 0, limit: 1000 });
    const stored = replay.events.find((e: any) => e.type === 'message:new' && e.payload.message.id === answer.id);
    expect(stored.payload.message.replyTo).toEqual({ id: question.id, seq: question.seq, senderId: a.id, text: null });
  });
});

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
    await send(uma, umas, 'a platypus only uma knows about');
    mine.push((await send(sam, withTia, 'the platypus is here')).id);
    mine.push((await send(tia, withTia, 'another Platypus sighting!')).id);
    mine.push((await send(w!, withWes, 'wes saw a platypus too')).id);
    await send(tia, withTia, 'nothing to see');
    mine.push((await send(sam, withWes, 'platypus platypus')).id);
    mine.push((await send(tia, withTia, 'last platypus of the day')).id);
    await send(tia, withTia, 'platypus ciphertext blob', { encrypted: true });
  });

  it('finds words in your conversations only, newest first', async () => {
    const res = await search(sam, 'q=platypus');
    expect(res.status).toBe(200);
    expect(res.body.messages.map((m: any) => m.id)).toEqual([...mine].reverse());
    expect(res.body).toMatchObject({ hasMore: false, nextCursor: null });
    expect(res.body.messages.every((m: any) => m.conversationId === withTia || m.conversationId === withWes)).toBe(true);
    const umaRes = await search(uma, 'q=platypus');
    expect(umaRes.body.messages.map((m: any) => m.text)).toEqual(['a platypus only uma knows about']);
    expect((await search(uma, 'q=sighting')).body.messages).toEqual([]);
  });

  it('filters by conversation, and a conversation you are not in is 404', async () => {
    const res = await search(sam, `q=platypus&conversationId=${withWes}`);
    expect(res.status).toBe(200);
    expect(res.body.messages.map((m: any) => m.id)).toEqual([mine[3], mine[2]]);
    const foreign = await search(sam, `q=platypus&conversationId=${umas}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('conversation.not_found');
  });

  it('pages with limit and cursor, newest first, without duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const pages: number[] = [];
    do {
      const res: any = await search(sam, `q=platypus&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
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
      const res = await search(sam, q);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
  });

  it('never matches messages sent with encrypted: true', async () => {
    expect((await search(tia, 'q=ciphertext')).body.messages).toEqual([]);
    expect((await search(sam, 'q=blob')).body.messages).toEqual([]);
  });
});

describe('conversation settings', () => {
  it('mutes and pins per member; pinned lists first; the other device hears conversation:updated', async () => {
    const [jo, kim, lee] = await Promise.all([server.register('Jo Pinner'), server.register('Kim Pinned'), server.register('Lee Newer')]);
    const pinned = await server.directChat(jo, kim);
    await send(kim, pinned, 'older activity');
    const newer = await server.directChat(jo, lee);
    await send(lee, newer, 'newer activity');
    const before = await server.api('GET', '/conversations', { token: jo.token });
    expect(before.body.conversations.map((c: any) => c.id)).toEqual([newer, pinned]);

    const device = await server.socket(jo.token);
    const ks = await server.socket(kim.token);
    const kimSaw = collect(ks, 'conversation:updated');
    const updated = next(device, 'conversation:updated', (p) => p.conversation.id === pinned);
    const res = await server.api('PATCH', `/conversations/${pinned}/settings`, {
      token: jo.token,
      body: { isMuted: true, isPinned: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ settings: { isMuted: true, isArchived: false, isPinned: true } });
    const ev = await updated;
    expect(ev.conversation).toMatchObject({ id: pinned, isMuted: true, isPinned: true, isArchived: false });
    expect(typeof ev.eventId).toBe('number');

    const after = await server.api('GET', '/conversations', { token: jo.token });
    expect(after.body.conversations.map((c: any) => c.id)).toEqual([pinned, newer]);
    expect(after.body.conversations[0]).toMatchObject({ isMuted: true, isPinned: true, isArchived: false });
    expect(after.body.conversations[1]).toMatchObject({ isMuted: false, isPinned: false, isArchived: false });

    const archived = await server.api('PATCH', `/conversations/${pinned}/settings`, { token: jo.token, body: { isArchived: true } });
    expect(archived.body).toEqual({ settings: { isMuted: true, isArchived: true, isPinned: true } });
    expect(await listed(jo, pinned)).toMatchObject({ isMuted: true, isArchived: true, isPinned: true });

    // Kim's view of the same conversation is unaffected, and she heard nothing.
    expect(await listed(kim, pinned)).toMatchObject({ isMuted: false, isArchived: false, isPinned: false });
    await settle();
    expect(kimSaw).toEqual([]);
  });

  it('validates the body and hides conversations you are not in', async () => {
    const { a, chatId } = await pair(server, ['Set Tings', 'Val Idate']);
    for (const body of [{}, { isMuted: true, colour: 'red' }, { isMuted: 'yes' }]) {
      const res = await server.api('PATCH', `/conversations/${chatId}/settings`, { token: a.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
    const outsider = await server.register('Not Amember');
    const res = await server.api('PATCH', `/conversations/${chatId}/settings`, { token: outsider.token, body: { isMuted: true } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('conversation.not_found');
    expect(await listed(a, chatId)).toMatchObject({ isMuted: false });
  });
});
