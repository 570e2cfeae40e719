import { describe, expect, it } from 'vitest';
import { turnCredentials } from './turnCredentials.js';

describe('turnCredentials', () => {
  it('signs expiry:userId with HMAC-SHA1 of the secret, as coturn checks it', () => {
    // A fixed vector (openssl: printf 1433895918:alice | openssl dgst -sha1 -hmac north -binary | base64); test/turn.test.ts proves it against coturn.
    const c = turnCredentials('north', 'alice', 0, ['turn:t.example:3478'], 1433895918_000);
    expect(c).toEqual({ username: '1433895918:alice', credential: 'RqMvcGPYTJMGThVLSi4amT4zFtI=', ttl: 0, uris: ['turn:t.example:3478'] });
  });

  it('puts the expiry ttl seconds ahead', () => {
    const c = turnCredentials('s', 'u', 3600, [], 1_000_000);
    expect(c.username).toBe(`${1000 + 3600}:u`);
  });
});
