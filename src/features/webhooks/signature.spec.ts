import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, webhookHeaders } from './signature.js';

describe('Standard Webhooks signatures', () => {
  it('match the reference implementation', () => {
    const secret = newWebhookSecret();
    const at = new Date('2026-12-02T10:00:00Z');
    const body = '{"type":"message:new","data":{"eventId":7}}';
    expect(signWebhook(secret, 'wh_1', at.getTime() / 1000, body)).toBe(new Webhook(secret).sign('wh_1', at, body));
  });

  it('verify with the reference implementation, and not once the body changed', () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: 'message:new', timestamp: new Date().toISOString(), data: { eventId: 1 } });
    const headers = webhookHeaders(secret, 'wh_abc_1', body);
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ data: { eventId: 1 } });
    expect(() => new Webhook(secret).verify(body.replace('1', '2'), headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('secrets are whsec_ and 32 bytes of base64', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
  });
});
