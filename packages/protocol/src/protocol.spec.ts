import { describe, expect, it } from 'vitest';
import { clientEventSchemas, storedEventTypes } from './index.js';

describe('the protocol', () => {
  it('lists the stored events', () => {
    expect(storedEventTypes).toContain('message:new');
    expect(storedEventTypes).not.toContain('typing');
  });
  it('refuses a send without text or media', () => {
    const r = clientEventSchemas()['message:send'].payload.safeParse({ conversationId: crypto.randomUUID(), clientMessageId: 'a' });
    expect(r.success).toBe(false);
  });
});
