import net from 'node:net';
import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { OwnRedis } from './helpers/cluster.js';
import { emit, next, settle, TestServer } from './helpers/server.js';

describe('a node whose Redis is unreachable', () => {
  it('still starts and delivers, and says it is not ready', async () => {
    // Nothing listens on port 1: every Redis command fails.
    const server = await TestServer.start({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: 'parley-down:' });
    try {
      const a = await server.register('Ada Offline');
      const b = await server.register('Bo Offline');
      const chat = await server.directChat(a, b);
      const sa = await server.socket(a.token);
      const sb = await server.socket(b.token);
      const got = next(sb, 'message:new');
      const ack = await emit(sa, 'message:send', { conversationId: chat, text: 'no redis, no problem', clientMessageId: 'nr-1' });
      expect(ack.ok).toBe(true);
      expect((await got).message.id).toBe(ack.message.id);
      const ready = await server.api('GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.code).toBe('service.unavailable');
      expect((await server.api('GET', '/health')).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('lets a fresh socket send within 1 s of connecting: presence never holds up a connection', async () => {
    // A Redis that accepts connections and never answers (a hung server, a partition): every
    // command waits out its 2 s timeout, as with a refused connection once ioredis has backed off.
    const hung = await silentServer();
    const server = await TestServer.start({ REDIS_URL: `redis://127.0.0.1:${hung.port}`, REDIS_KEY_PREFIX: 'parley-hung:' });
    try {
      const a = await server.register('Quick Sender');
      const b = await server.register('Quick Reader');
      const chat = await server.directChat(a, b);
      // Timed from before the handshake to the first send's ack (Redis commands time out after 2 s).
      const started = Date.now();
      const s = connect(server.url, { auth: { token: a.token }, transports: ['websocket'], reconnection: false, forceNew: true });
      try {
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        const ack = await emit(s, 'message:send', { conversationId: chat, text: 'right away', clientMessageId: 'quick-1' });
        expect(ack.ok).toBe(true);
        expect(Date.now() - started).toBeLessThan(1000);
      } finally {
        s.disconnect();
      }
    } finally {
      await server.close();
      hung.close();
    }
  }, 60_000);

  it('catches presence up when Redis returns: who came online while it was away is announced', async () => {
    const redis = await OwnRedis.start();
    const server = await TestServer.start({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'parley-back:' });
    try {
      const a = await server.register('Comes Online');
      const b = await server.register('Watches');
      await server.directChat(a, b);
      const sb = await server.socket(b.token);
      await redis.down();
      const online = next(sb, 'user:online', (p) => p.userId === a.id, 15_000);
      const sa = await server.socket(a.token);
      await settle(500);
      await redis.up();
      // ioredis reconnects with backoff (at most 2 s apart), then this node writes its sockets back.
      await online;
      const offline = next(sb, 'user:offline', (p) => p.userId === a.id, 15_000);
      sa.disconnect();
      await offline;
    } finally {
      await server.close();
      await redis.down();
    }
  }, 60_000);
});

/** A TCP server that accepts connections and never says a word. */
async function silentServer(): Promise<{ port: number; close(): void }> {
  const held = new Set<net.Socket>();
  const srv = net.createServer((c) => {
    held.add(c);
    c.on('error', () => {});
    c.on('close', () => held.delete(c));
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (srv.address() as net.AddressInfo).port,
    close: () => {
      for (const c of held) c.destroy();
      srv.close();
    },
  };
}
