import { describe, expect, it } from 'vitest';
import { emit, next, TestServer } from './helpers/server.js';

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
  });
});
