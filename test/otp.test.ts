import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { expectProblem } from './helpers/problems.js';
import { settle, TestServer } from './helpers/server.js';

/** A stand-in SMS relay: records what Parley POSTs to SMS_WEBHOOK_URL; numbers in `failFor` get a 500. */
class SmsRelay {
  readonly received: { phoneNumber: string; code: string; message: string; authorization?: string }[] = [];
  readonly failFor = new Set<string>();
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body);
      if (this.failFor.has(parsed.phoneNumber)) {
        res.writeHead(500).end();
        return;
      }
      this.received.push({ ...parsed, authorization: req.headers.authorization });
      res.writeHead(204).end();
    });
  });
  url = '';

  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  close() {
    return new Promise((r) => this.server.close(r));
  }

  /** The last code sent to this number. */
  codeFor(phoneNumber: string): string {
    const hit = this.received.filter((r) => r.phoneNumber === phoneNumber).at(-1);
    if (!hit) throw new Error(`no code was sent to ${phoneNumber}`);
    return hit.code;
  }
}

/** A distinct E.164 number per call (555-01xx style: not a real subscriber). */
const phone = () => `+1415555${crypto.randomInt(1000, 10_000)}${crypto.randomInt(0, 10)}`.slice(0, 13);
const deviceId = () => `dev-${crypto.randomBytes(4).toString('hex')}`;
const DEV_CODE = '246810';

let relay: SmsRelay;
let server: TestServer; // codes go to the relay; 1 s cooldown
let dev: TestServer; // OTP_DEV_CODE, rate limits off, default 60 s cooldown
let short: TestServer; // codes live 1 s

beforeAll(async () => {
  relay = new SmsRelay();
  await relay.start();
  const generous = { RATE_LIMIT_OTP_PER_IP: '1000/1m', RATE_LIMIT_OTP_PER_PHONE: '1000/1m', RATE_LIMIT_LOGIN_PER_IP: '1000/1m' };
  [server, dev, short] = await Promise.all([
    TestServer.start({ ...generous, SMS_WEBHOOK_URL: relay.url, SMS_WEBHOOK_TOKEN: 'relay-secret', OTP_COOLDOWN_SECONDS: '1' }),
    TestServer.start({ OTP_DEV_CODE: DEV_CODE, RATE_LIMITS: 'off' }),
    TestServer.start({ ...generous, OTP_DEV_CODE: DEV_CODE, OTP_TTL_SECONDS: '1', OTP_COOLDOWN_SECONDS: '0' }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), dev?.close(), short?.close()]);
  await relay?.close();
});

const requestOtp = (s: TestServer, phoneNumber: string) => s.api('POST', '/auth/request-otp', { body: { phoneNumber } });
const verifyOtp = (s: TestServer, body: Record<string, unknown>) => s.api('POST', '/auth/verify-otp', { body });

/** Waits out the 1 s cooldown of `server`. */
const cooldown = () => settle(1100);

describe('request-otp', () => {
  it('sends a 6-digit code to the SMS webhook (with its bearer token) and answers {sent, retryAfter}', async () => {
    const res = await requestOtp(server, '+1 (415) 555-0100');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sent: true, retryAfter: 1 });
    const sms = relay.received.find((r) => r.phoneNumber === '+14155550100');
    expect(sms).toMatchObject({
      phoneNumber: '+14155550100',
      code: expect.stringMatching(/^\d{6}$/),
      authorization: 'Bearer relay-secret',
    });
    expect(sms!.message).toContain(sms!.code);
  });

  it('a second request inside the cooldown → 429 rate_limited with Retry-After; after it, a new code', async () => {
    const p = phone();
    expect((await requestOtp(server, p)).status).toBe(200);
    const first = relay.codeFor(p);
    const again = await requestOtp(server, p);
    expectProblem(again, 429, 'rate_limited');
    expect(Number(again.headers.get('retry-after'))).toBe(1);
    expect(relay.received.filter((r) => r.phoneNumber === p)).toHaveLength(1);
    await cooldown();
    expect((await requestOtp(server, p)).status).toBe(200);
    expect(relay.received.filter((r) => r.phoneNumber === p)).toHaveLength(2);
    // The new code replaced the old one.
    const second = relay.codeFor(p);
    if (second !== first) expectProblem(await verifyOtp(server, { phoneNumber: p, otp: first, deviceId: deviceId() }), 401, 'otp.invalid');
    expect((await verifyOtp(server, { phoneNumber: p, otp: second, deviceId: deviceId() })).status).toBe(200);
  });

  it('the cooldown holds under concurrent requests: one code is sent', async () => {
    const p = phone();
    const all = await Promise.all(Array.from({ length: 8 }, () => requestOtp(server, p)));
    expect(all.map((r) => r.status).sort()).toEqual([200, 429, 429, 429, 429, 429, 429, 429]);
    expect(relay.received.filter((r) => r.phoneNumber === p)).toHaveLength(1);
  });

  it('the cooldown and attempt rules stay when RATE_LIMITS=off', async () => {
    const p = phone();
    expect((await requestOtp(dev, p)).status).toBe(200);
    const again = await requestOtp(dev, p);
    expectProblem(again, 429, 'rate_limited');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(55);
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('a webhook failure → 503 otp.send_failed, and no cooldown starts', async () => {
    const p = phone();
    relay.failFor.add(p);
    expectProblem(await requestOtp(server, p), 503, 'otp.send_failed');
    relay.failFor.delete(p);
    expect((await requestOtp(server, p)).status).toBe(200);
  });

  it('rejects what is not a phone number with 400 validation.failed', async () => {
    for (const phoneNumber of ['4155550100', '+0123456789', '+1 415 CALL NOW', '+12', '+1234567890123456', '', 42]) {
      const res = await server.api('POST', '/auth/request-otp', { body: { phoneNumber } });
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors[0].path).toBe('body.phoneNumber');
    }
  });
});

describe('verify-otp', () => {
  it('the first sign-in creates the account (verified phone, given name) with a session for the device', async () => {
    const p = phone();
    await requestOtp(server, p);
    const device = deviceId();
    const res = await verifyOtp(server, {
      phoneNumber: p,
      otp: relay.codeFor(p),
      deviceId: device,
      deviceName: 'Pixel 9',
      name: 'Ada Phone',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: expect.any(Object),
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      created: true,
    });
    expect(res.body.user).toMatchObject({ name: 'Ada Phone', initials: 'AP', phoneNumber: p, email: null });
    expect(jose.decodeJwt(res.body.accessToken)).toMatchObject({ sub: res.body.user.id, did: device });
    const me = await server.api('GET', '/auth/me', { token: res.body.accessToken });
    expect(me.body.user).toMatchObject({ id: res.body.user.id, phoneNumber: p });
    const sessions = await server.api('GET', '/auth/sessions', { token: res.body.accessToken });
    expect(sessions.body.sessions).toEqual([expect.objectContaining({ deviceId: device, deviceName: 'Pixel 9', current: true })]);
    // The refresh token works like any other.
    expect((await server.api('POST', '/auth/refresh-token', { body: { refreshToken: res.body.refreshToken } })).status).toBe(200);
  });

  it('a later sign-in finds the same account (created: false), and a code works once', async () => {
    const p = phone();
    await requestOtp(server, p);
    const first = await verifyOtp(server, { phoneNumber: p, otp: relay.codeFor(p), deviceId: deviceId() });
    expect(first.body).toMatchObject({ created: true, user: { name: 'New user' } });
    expectProblem(await verifyOtp(server, { phoneNumber: p, otp: relay.codeFor(p), deviceId: deviceId() }), 401, 'otp.invalid');
    await cooldown();
    await requestOtp(server, p);
    const second = await verifyOtp(server, {
      phoneNumber: ` ${p.slice(0, 5)} ${p.slice(5)} `,
      otp: relay.codeFor(p),
      deviceId: deviceId(),
      name: 'Ignored',
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: false, user: { id: first.body.user.id, name: 'New user' } });
  });

  it('brute force: three wrong codes lock the code, even against the right one; a new code unlocks', async () => {
    const p = phone();
    await requestOtp(server, p);
    const right = relay.codeFor(p);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++)
      expectProblem(await verifyOtp(server, { phoneNumber: p, otp: wrong, deviceId: deviceId() }), 401, 'otp.invalid');
    const locked = await verifyOtp(server, { phoneNumber: p, otp: right, deviceId: deviceId() });
    expectProblem(locked, 403, 'otp.locked');
    await cooldown();
    await requestOtp(server, p);
    expect((await verifyOtp(server, { phoneNumber: p, otp: relay.codeFor(p), deviceId: deviceId() })).status).toBe(200);
  });

  it('parallel guesses share the three tries: at most three are checked, the rest are locked out', async () => {
    const p = phone();
    await requestOtp(server, p);
    const right = relay.codeFor(p);
    const guesses = Array.from({ length: 12 }, (_, i) => String((Number(right) + i + 1) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(guesses.map((otp) => verifyOtp(server, { phoneNumber: p, otp, deviceId: deviceId() })));
    const codes = results.map((r) => r.body.code);
    expect(codes.filter((c) => c === 'otp.invalid')).toHaveLength(3);
    expect(codes.filter((c) => c === 'otp.locked')).toHaveLength(9);
    expectProblem(await verifyOtp(server, { phoneNumber: p, otp: right, deviceId: deviceId() }), 403, 'otp.locked');
  });

  it('the right code raced from two devices signs in once', async () => {
    const p = phone();
    await requestOtp(server, p);
    const otp = relay.codeFor(p);
    const results = await Promise.all([1, 2, 3].map(() => verifyOtp(server, { phoneNumber: p, otp, deviceId: deviceId() })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('an expired code → 401 otp.expired', async () => {
    const p = phone();
    expect((await requestOtp(short, p)).status).toBe(200);
    await settle(1100);
    expectProblem(await verifyOtp(short, { phoneNumber: p, otp: DEV_CODE, deviceId: deviceId() }), 401, 'otp.expired');
  });

  it('a number with no code requested → 401 otp.invalid', async () => {
    expectProblem(await verifyOtp(server, { phoneNumber: phone(), otp: '123456', deviceId: deviceId() }), 401, 'otp.invalid');
  });

  it('lists each bad field in a 400 validation.failed', async () => {
    const res = await verifyOtp(server, { phoneNumber: 'nope', otp: '12345' });
    expectProblem(res, 400, 'validation.failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.deviceId', 'body.otp', 'body.phoneNumber']);
  });

  it('OTP_DEV_CODE: every code is the configured one (development only)', async () => {
    const p = phone();
    expect((await requestOtp(dev, p)).status).toBe(200);
    const res = await verifyOtp(dev, { phoneNumber: p, otp: DEV_CODE, deviceId: deviceId() });
    expect(res.status).toBe(200);
    expect(res.body.user.phoneNumber).toBe(p);
  });

  it('a number only typed into a profile (unverified) does not sign in to that account: whoever proves it gets their own', async () => {
    const squatter = await dev.register('Number Squatter');
    const p = phone();
    expect((await dev.api('PATCH', '/users/me', { token: squatter.token, body: { phoneNumber: p } })).status).toBe(200);
    await requestOtp(dev, p);
    const owner = await verifyOtp(dev, { phoneNumber: p, otp: DEV_CODE, deviceId: deviceId() });
    expect(owner.status).toBe(200);
    expect(owner.body.created).toBe(true);
    expect(owner.body.user.id).not.toBe(squatter.id);
    expect(owner.body.user.phoneNumber).toBe(p);
    expect(owner.body.user.phoneVerified).toBe(true);
    // The squatter's claim is left as it was (unverified): changing it would tell them the holder signed up.
    expect((await dev.api('GET', '/users/me', { token: squatter.token })).body.user).toMatchObject({
      phoneNumber: p,
      phoneVerified: false,
    });
  });
});

describe('configuration', () => {
  it('refuses OTP_DEV_CODE when NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', OTP_DEV_CODE: '123456' })).toThrow(
      /OTP_DEV_CODE: is not allowed when NODE_ENV=production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'development', OTP_DEV_CODE: '12345' })).toThrow(/OTP_DEV_CODE/);
  });

  it('in production without SMS_WEBHOOK_URL phone sign-in is off: 503 auth.method_disabled', async () => {
    const prod = await TestServer.start({ NODE_ENV: 'production' });
    try {
      expectProblem(await requestOtp(prod, phone()), 503, 'auth.method_disabled');
    } finally {
      await prod.close();
    }
  });
});
