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

describe('graceful shutdown', () => {
  it('lets an in-flight command commit and ack, then asks the socket to reconnect instead of dropping it', async () => {
    const server = await TestServer.start({}, { persistent: true });
    const a = await server.register('Draining Dana');
    const b = await server.register('Patient Pat');
    const chat = await server.directChat(a, b);
    let closing: Promise<void> | undefined;
    onServerEvent(
      server,
      'message:send',
      () => {
        closing = server.app.close();
      },
      'handler-running',
    );
    const s = await server.socket(a.token);
    const reason = new Promise<string>((resolve) => s.on('disconnect', (r) => resolve(r)));
    const ack = await emit(s, 'message:send', { conversationId: chat, text: 'just in time', clientMessageId: 'late-1' });
    expect(ack.ok).toBe(true);
    // "transport close" makes socket.io clients reconnect by themselves ("io server disconnect" would not).
    expect(await reason).toBe('transport close');
    await closing;
    await server.restart();
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: b.token });
    expect(history.body.messages.map((m: any) => m.text)).toEqual(['just in time']);
    await server.close();
  });

  it('answers work that arrives once the drain has begun with a retryable code, and writes nothing', async () => {
    const server = await TestServer.start({}, { persistent: true });
    const a = await server.register('Late Larry');
    const b = await server.register('Other Olga');
    const chat = await server.directChat(a, b);
    let closing: Promise<void> | undefined;
    onServerEvent(
      server,
      'message:send',
      () => {
        closing = server.app.close();
      },
      'before-handler',
    );
    const s = await server.socket(a.token);
    const ack = await emit(s, 'message:send', { conversationId: chat, text: 'too late', clientMessageId: 'd-1' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'service.unavailable' } });
    await closing;
    await server.restart();
    expect((await server.api('GET', `/conversations/${chat}/messages`, { token: a.token })).body.messages).toEqual([]);
    await server.close();
  });
});
