import net from 'node:net';
import type { Socket as ServerSocket } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { emit, TestServer } from './helpers/server.js';

/** Runs `then` on the server the moment it receives `event` from a socket (before or after its handler starts). */
function onServerEvent(server: TestServer, event: string, then: () => void, timing: 'before-handler' | 'handler-running') {
  server.app.io.on('connection', (socket: ServerSocket) => {
    // Parley dispatches from an onAny listener too: go before it.
    socket.prependAny((name: string) => {
      if (name !== event) return;
      if (timing === 'before-handler') then();
      else setImmediate(then);
    });
  });
}

/** A persistent server (it is restarted to read what was written) with a direct chat between two people. */
async function serverWithChat(names: [string, string]) {
  const server = await TestServer.start({}, { persistent: true });
  const a = await server.register(names[0]);
  const b = await server.register(names[1]);
  return { server, a, b, chat: await server.directChat(a, b) };
}

/** Begins the server's close the moment `event` arrives; `closed()` waits for the close to finish. */
function closeOnServerEvent(server: TestServer, event: string, timing: 'before-handler' | 'handler-running') {
  let closing: Promise<void> | undefined;
  onServerEvent(server, event, () => (closing = server.app.close()), timing);
  return { closed: () => closing };
}

describe('graceful shutdown', () => {
  it('lets an in-flight command commit and ack, then asks the socket to reconnect instead of dropping it', async () => {
    const { server, a, b, chat } = await serverWithChat(['Draining Dana', 'Patient Pat']);
    const close = closeOnServerEvent(server, 'message:send', 'handler-running');
    const s = await server.socket(a.token);
    const reason = new Promise<string>((resolve) => s.on('disconnect', (r) => resolve(r)));
    const ack = await emit(s, 'message:send', { conversationId: chat, text: 'just in time', clientMessageId: 'late-1' });
    expect(ack.ok).toBe(true);
    // "transport close" makes socket.io clients reconnect by themselves ("io server disconnect" would not).
    expect(await reason).toBe('transport close');
    await close.closed();
    await server.restart();
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: b.token });
    expect(history.body.messages.map((m: any) => m.text)).toEqual(['just in time']);
    await server.close();
  });

  it('answers work that arrives once the drain has begun with a retryable code, and writes nothing', async () => {
    const { server, a, chat } = await serverWithChat(['Late Larry', 'Other Olga']);
    const close = closeOnServerEvent(server, 'message:send', 'before-handler');
    const s = await server.socket(a.token);
    const ack = await emit(s, 'message:send', { conversationId: chat, text: 'too late', clientMessageId: 'd-1' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'service.unavailable' } });
    await close.closed();
    await server.restart();
    expect((await server.api('GET', `/conversations/${chat}/messages`, { token: a.token })).body.messages).toEqual([]);
    await server.close();
  });

  it('answers a request arriving on a kept-alive connection as close begins with problem+json 503, and writes nothing', async () => {
    const { server, a, chat } = await serverWithChat(['Keepalive Kim', 'Other Otto']);
    const send = (text: string, clientMessageId: string, order: string) => {
      const body = JSON.stringify({ text, clientMessageId });
      const head = [
        `POST /api/v1/conversations/${chat}/messages HTTP/1.1`,
        `Host: ${new URL(server.url).host}`,
        `Authorization: Bearer ${a.token}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Order: ${order}`,
      ];
      return { head: `${head.join('\r\n')}\r\n\r\n`, body };
    };
    const first = send('before close', 'k-1', 'first');
    const second = send('after close', 'k-2', 'second');
    const conn = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    let received = '';
    conn.on('data', (chunk) => (received += chunk.toString()));
    const ended = new Promise((resolve) => conn.on('close', resolve));
    // The first request is answered and its connection kept alive; close begins the moment the
    // second has been read, before Parley routes it (the race a client's kept-alive connection runs).
    let closing: Promise<void> | undefined;
    server.app.http.server.prependListener('request', (req) => {
      if (req.headers['x-order'] === 'second') closing = server.app.close();
    });
    conn.write(first.head + first.body);
    while (!/^HTTP\/1\.1 201/m.test(received)) await new Promise((resolve) => setTimeout(resolve, 10));
    conn.write(second.head + second.body);
    await ended;
    await closing;
    const statuses = [...received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([201, 503]);
    const last = received.slice(received.lastIndexOf('HTTP/1.1'));
    expect(last).toMatch(/content-type: application\/problem\+json/i);
    expect(last).toContain('"code":"service.unavailable"');
    await server.restart();
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: a.token });
    expect(history.body.messages.map((m: any) => m.text)).toEqual(['before close']);
    await server.close();
  });
});
