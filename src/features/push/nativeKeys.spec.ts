import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { APNS_JWT_REUSE_MS, ApnsProviderToken } from './apnsJwt.js';
import { apnsCredentials, fcmAccount } from './credentials.js';
import { FCM_SCOPE, FcmAccessTokens } from './fcmToken.js';

const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const account = {
  type: 'service_account' as const,
  project_id: 'p1',
  private_key_id: 'k1',
  private_key: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  client_email: 'push@p1.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
};

describe('FCM: the service account and the JWT-bearer assertion', () => {
  it('reads the key inline or from a file; refuses what is not a service-account key, naming the variable', () => {
    expect(fcmAccount({ FCM_SERVICE_ACCOUNT_JSON: JSON.stringify(account) })).toMatchObject({ project_id: 'p1' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-spec-')), 'key.json');
    fs.writeFileSync(file, JSON.stringify(account));
    expect(fcmAccount({ FCM_SERVICE_ACCOUNT_JSON: file })?.client_email).toBe(account.client_email);
    fs.rmSync(path.dirname(file), { recursive: true });
    expect(fcmAccount({ FCM_SERVICE_ACCOUNT_JSON: undefined })).toBeUndefined();
    expect(() => fcmAccount({ FCM_SERVICE_ACCOUNT_JSON: file })).toThrow(/FCM_SERVICE_ACCOUNT_JSON: cannot read/);
    expect(() => fcmAccount({ FCM_SERVICE_ACCOUNT_JSON: '{"type":"authorized_user"}' })).toThrow(/not a service-account key/);
  });

  it('RS256, kid, iss = client_email, aud = token_uri, the messaging scope, an hour at most', async () => {
    const at = Date.parse('2026-12-01T12:00:00Z');
    const assertion = await new FcmAccessTokens(account, 1000, () => at).assertion();
    const { payload, protectedHeader } = await jose.jwtVerify(assertion, rsa.publicKey, {
      algorithms: ['RS256'],
      issuer: account.client_email,
      audience: account.token_uri,
      currentDate: new Date(at),
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: 'k1' });
    expect(payload).toMatchObject({ scope: FCM_SCOPE, iat: at / 1000, exp: at / 1000 + 3600 });
  });
});

describe('APNs: the key and the provider token', () => {
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const config = { APNS_KEY: pem, APNS_KEY_ID: 'KEY1234567', APNS_TEAM_ID: 'TEAM123456', APNS_TOPIC: 'app', APNS_URL: 'https://x' };

  it('takes a P-256 .p8 key (inline here); refuses another kind of key', () => {
    expect(apnsCredentials({ ...config, APNS_CA_FILE: undefined })).toMatchObject({ keyId: 'KEY1234567', topic: 'app', ca: undefined });
    const rsaPem = account.private_key;
    expect(() => apnsCredentials({ ...config, APNS_KEY: rsaPem, APNS_CA_FILE: undefined })).toThrow(/P-256/);
  });

  it('ES256 with kid and iss = the team, reused until it is 50 minutes old; an expired one is renewed once', async () => {
    let now = Date.parse('2026-12-01T12:00:00Z');
    const tokens = new ApnsProviderToken({ key: ec.privateKey, keyId: 'KEY1234567', teamId: 'TEAM123456' }, () => now);
    const first = await tokens.current();
    const { payload, protectedHeader } = await jose.jwtVerify(first, ec.publicKey, { algorithms: ['ES256'], issuer: 'TEAM123456' });
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: 'KEY1234567' });
    expect(payload).toEqual({ iss: 'TEAM123456', iat: now / 1000 });
    now += APNS_JWT_REUSE_MS - 1000;
    expect(await tokens.current()).toBe(first);
    now += 1000;
    const second = await tokens.current();
    expect(second).not.toBe(first);
    now += 60_000;
    const renewed = await tokens.renew(second);
    expect(renewed).not.toBe(second);
    // Other requests that were refused with the old token get the renewed one, not yet another.
    expect(await tokens.renew(second)).toBe(renewed);
    expect(await tokens.current()).toBe(renewed);
  });
});
