import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISO, history, pair, send } from './helpers/messages.js';
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

describe('editing a message', () => {
  let a: TestUser;
  let b: TestUser;
  let chatId: string;
  beforeAll(async () => ({ a, b, chatId } = await pair(server, ['Edith Editor', 'Otto Other'])));

  it('lets the sender edit over REST; the other member hears message:updated', async () => {
    const msg = await send(server, a, chatId, 'frist draft');
    const bs = await server.socket(b.token);
    const updated = next(bs, 'message:updated', (p) => p.message.id === msg.id);
    const res = await server.api('PATCH', `/messages/${msg.id}`, { token: a.token, body: { text: 'first draft' } });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ id: msg.id, seq: msg.seq, senderId: a.id, text: 'first draft', deletedAt: null });
    expect(res.body.message.editedAt).toMatch(ISO);
    const got = await updated;
    expect(got.message).toMatchObject({ id: msg.id, text: 'first draft', editedAt: res.body.message.editedAt });
    expect(typeof got.eventId).toBe('number');
    const seen = (await history(server, b, chatId)).find((m) => m.id === msg.id);
    expect(seen).toMatchObject({ text: 'first draft', editedAt: res.body.message.editedAt });
  });

  it('lets the sender edit over the socket; the other member and the sender’s other device hear it', async () => {
    const msg = await send(server, a, chatId, 'socket draft');
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
    const msg = await send(server, a, chatId, 'mine, not yours');
    const res = await server.api('PATCH', `/messages/${msg.id}`, { token: b.token, body: { text: 'hijacked' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('message.not_sender');
    const bs = await server.socket(b.token);
    const ack = await emit(bs, 'message:edit', { messageId: msg.id, text: 'hijacked' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'message.not_sender' } });
    const seen = (await history(server, a, chatId)).find((m) => m.id === msg.id);
    expect(seen).toMatchObject({ text: 'mine, not yours', editedAt: null });
  });

  it('refuses to edit a message deleted for everyone: 409 message.deleted', async () => {
    const msg = await send(server, a, chatId, 'soon gone');
    const del = await server.api('DELETE', `/messages/${msg.id}?for=everyone`, { token: a.token });
    expect(del.status).toBe(200);
    const res = await server.api('PATCH', `/messages/${msg.id}`, { token: a.token, body: { text: 'back again' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('message.deleted');
  });

  it('answers 404 message.not_found for a message the caller cannot see, or that does not exist', async () => {
    const msg = await send(server, a, chatId, 'private words');
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
    const msg = await send(server, a, chatId, 'valid');
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
    const msg = await send(strict, a, chatId, 'too late to change');
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
