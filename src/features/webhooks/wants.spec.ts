import { describe, expect, it } from 'vitest';
import { createWebhookBody } from './schemas.js';
import { wants } from './wants.js';

describe('which events a webhook is sent', () => {
  it('the types it lists, or every type for *', () => {
    expect(wants(['message:new'], 'message:new')).toBe(true);
    expect(wants(['message:new'], 'message:updated')).toBe(false);
    expect(wants(['*'], 'group:member-joined')).toBe(true);
  });

  it('a list with * is just *, repeats are dropped, unknown and client-only types are refused', () => {
    const parse = (events: string[]) => createWebhookBody.safeParse({ url: 'https://hooks.example/x', events });
    expect(parse(['message:new', '*']).data?.events).toEqual(['*']);
    expect(parse(['message:new', 'message:new']).data?.events).toEqual(['message:new']);
    expect(parse(['message:sent']).success).toBe(false);
    expect(parse(['typing']).success).toBe(false);
    expect(parse([]).success).toBe(false);
  });
});
