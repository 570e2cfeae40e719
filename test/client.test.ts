import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unwrap, type ParleyClient } from '@parley/client';
import { fileStorage } from '@parley/client/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, sdkClient, until, watch } from './helpers/sdk.js';
import { TestServer } from './helpers/server.js';

const open: ParleyClient[] = [];
// One server for the file (each test has its own users): starting one costs seconds.
let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({}, { persistent: true });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});
afterAll(() => server.close());

async function twoUsers() {
  const a = await sdkClient(server, newAccount('Ada Sender'), { signUp: true });
  const b = await sdkClient(server, newAccount('Bo Reader'), { signUp: true });
  open.push(a, b);
  const chat = unwrap(await a.rest.POST('/conversations', { body: { userId: b.userId! } })).conversation.id;
  return { server, a, b, chat };
}

describe('@parley/client: delivery', () => {
  it('send resolves with the stored message; both sides see every message once, in seq order (the sender too)', async () => {
    const { a, b, chat } = await twoUsers();
    const seenA = watch(a);
    const seenB = watch(b);
    a.connect();
    b.connect();
    const sent = await Promise.all(['one', 'two', 'three'].map((text) => a.send(chat, { text })));
    expect(sent.map((m) => m.seq)).toEqual([1, 2, 3]);
    await until(() => seenB.messages.length === 3 && seenA.messages.length === 3, 'both to see three messages');
    expect(seenB.messages.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    expect(seenA.messages.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    expect(a.status).toEqual({ connection: 'online', pending: 0 });
  });

  it('a send made offline waits in the outbox (pending at once) and goes out on connect', async () => {
    const { a, b, chat } = await twoUsers();
    const seenB = watch(b);
    b.connect();
    const pending = a.send(chat, { text: 'written on the train' });
    expect(pending.clientMessageId).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => a.status.pending === 1, 'the outbox to hold it');
    a.connect();
    const message = await pending;
    expect(message.clientMessageId).toBe(pending.clientMessageId);
    await until(() => seenB.messages.length === 1, 'B to get it');
    expect(a.status.pending).toBe(0);
  });

  it('a refused send fails with its code and is not retried', async () => {
    const { a, chat } = await twoUsers();
    const failed: string[] = [];
    a.on('sendFailed', (_send, reason) => failed.push(reason.code));
    a.connect();
    await expect(a.send('01900000-0000-7000-8000-000000000000', { text: 'nobody' })).rejects.toMatchObject({
      code: 'conversation.not_found',
    });
    await expect(a.send(chat, { text: '' })).rejects.toMatchObject({ code: 'validation.failed' });
    expect(a.status.pending).toBe(0);
    expect(failed).toEqual(['conversation.not_found', 'validation.failed']);
    // Not awaited and refused: handled by the SDK (told as sendFailed), so it cannot crash the process.
    a.send(chat, { text: '' });
    await until(() => failed.length === 3, 'the third refusal');
    await a.drained();
  });

  it('the outbox survives an app restart: a new client on the same storage sends what the old one could not', async () => {
    const { b } = await twoUsers();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-sdk-')), 'state.json');
    const account = newAccount('Restarting Rae');
    const first = await sdkClient(server, account, { storage: fileStorage(file), signUp: true });
    const withB = unwrap(await first.rest.POST('/conversations', { body: { userId: b.userId! } })).conversation.id;
    void first.send(withB, { text: 'queued before the crash' }).catch(() => {});
    void first.send(withB, { text: 'and a second' }).catch(() => {});
    await until(() => first.status.pending === 2, 'both queued');
    await first.close();
    const seenB = watch(b);
    b.connect();
    const second = await sdkClient(server, account, { storage: fileStorage(file) });
    open.push(second);
    expect(second.userId).toBe(first.userId);
    expect(second.status.pending).toBe(2);
    second.connect();
    await until(() => seenB.messages.filter((m) => m.conversationId === withB).length === 2, 'B to get both');
    await second.drained();
    expect(second.status.pending).toBe(0);
    expect(seenB.messages.map((m) => m.text)).toEqual(['queued before the crash', 'and a second']);
  });

  it('a server restart in the middle of sending loses nothing, duplicates nothing and keeps the order', async () => {
    const { server: s, a, b, chat } = await twoUsers();
    const seenA = watch(a);
    const seenB = watch(b);
    a.connect();
    b.connect();
    const sends = Array.from({ length: 40 }, (_, i) => a.send(chat, { text: `m${i}` }));
    await until(() => seenB.messages.length >= 5, 'some to arrive');
    await s.restart({ samePort: true });
    const acked = await Promise.all(sends);
    expect(acked.map((m) => m.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await until(() => seenB.messages.length === 40 && seenA.messages.length === 40, 'everything on both sides');
    expect(seenB.messages.map((m) => m.text)).toEqual(acked.map((m) => m.text));
    expect(new Set(seenB.events.map((e) => e.eventId)).size).toBe(seenB.events.length);
  });
});

describe('the handshake echo flag (what the SDK relies on)', () => {
  it('a socket with auth.echo hears the stored events it causes; one without does not', async () => {
    const a = await server.register('Echo Eve');
    const b = await server.register('Quiet Quinn');
    const chat = await server.directChat(a, b);
    const heard = { echo: [] as string[], plain: [] as string[] };
    const echoing = await server.socket(a.token, (s) => s.on('message:new', (p: any) => heard.echo.push(p.message.text)), { echo: true });
    const plain = await server.socket(a.token, (s) => s.on('message:new', (p: any) => heard.plain.push(p.message.text)));
    await new Promise((resolve) =>
      echoing.emit('message:send', { conversationId: chat, text: 'from echo', clientMessageId: 'e-1' }, resolve),
    );
    await new Promise((resolve) =>
      plain.emit('message:send', { conversationId: chat, text: 'from plain', clientMessageId: 'p-1' }, resolve),
    );
    await until(() => heard.echo.length === 2 && heard.plain.length === 1, 'the events');
    expect(heard.echo).toEqual(['from echo', 'from plain']);
    expect(heard.plain).toEqual(['from echo']);
  });
});
