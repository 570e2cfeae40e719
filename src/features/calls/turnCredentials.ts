import { createHmac } from 'node:crypto';

export interface TurnCredentials {
  username: string;
  credential: string;
  ttl: number;
  uris: string[];
}

/**
 * coturn's time-limited credentials (use-auth-secret, the "TURN REST API" draft): the username is
 * `expiry:userId` (expiry in Unix seconds), the password base64(HMAC-SHA1(secret, username)).
 * coturn recomputes it and refuses it after the expiry, so nothing is stored.
 */
export function turnCredentials(secret: string, userId: string, ttlSeconds: number, uris: string[], nowMs = Date.now()): TurnCredentials {
  const expiry = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expiry}:${userId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, ttl: ttlSeconds, uris };
}
