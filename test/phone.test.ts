import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

const DEV_CODE = '246810';
/** A distinct E.164 number per call (555-01xx style: not a real subscriber). */
const phone = () => `+1415555${crypto.randomInt(1000, 10_000)}${crypto.randomInt(0, 10)}`.slice(0, 13);
const deviceId = () => `dev-${crypto.randomBytes(4).toString('hex')}`;

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ OTP_DEV_CODE: DEV_CODE, OTP_COOLDOWN_SECONDS: '0', RATE_LIMITS: 'off' });
});
afterAll(() => server?.close());

const patchPhone = (u: { token: string }, phoneNumber: string | null) =>
  server.api('PATCH', '/users/me', { token: u.token, body: { phoneNumber } });
const me = async (u: { token: string }) => (await server.api('GET', '/users/me', { token: u.token })).body.user;
const requestOtp = (phoneNumber: string) => server.api('POST', '/auth/request-otp', { body: { phoneNumber } });

/** Signs in with the number by OTP (the dev code): what its holder would do. */
async function otpSignIn(phoneNumber: string) {
  expect((await requestOtp(phoneNumber)).status).toBe(200);
  const res = await server.api('POST', '/auth/verify-otp', {
    body: { phoneNumber, otp: DEV_CODE, deviceId: deviceId(), name: 'Phone Holder' },
  });
  expect(res.status).toBe(200);
  return {
    id: res.body.user.id as string,
    token: res.body.accessToken as string,
    created: res.body.created as boolean,
    user: res.body.user,
  };
}

/** A signed-in user proves the number is theirs. */
async function verifyMine(u: { token: string }, phoneNumber: string, otp = DEV_CODE) {
  await requestOtp(phoneNumber);
  return server.api('POST', '/users/me/phone/verify', { token: u.token, body: { phoneNumber, otp } });
}

const sync = (u: TestUser, phoneNumbers: string[]) =>
  server.api('POST', '/users/contacts/sync', { token: u.token, body: { phoneNumbers } });

describe('phone numbers do not reveal who owns them', () => {
  it("PATCH /users/me with another user's verified number is stored unverified: no 409, nothing changes for the owner", async () => {
    const p = phone();
    const owner = await otpSignIn(p);
    expect(owner.user).toMatchObject({ phoneNumber: p, phoneVerified: true });
    const a = await server.register('Curious Ann');
    const res = await patchPhone(a, p);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ phoneNumber: p, phoneVerified: false });
    // The same answer for a number nobody has: the response cannot tell the two apart.
    const nobody = await patchPhone(a, phone());
    expect(nobody.status).toBe(200);
    expect(nobody.body.user.phoneVerified).toBe(false);
    expect(await me(owner)).toMatchObject({ phoneNumber: p, phoneVerified: true });
  });

  it('many accounts may type in the same number; none of them is verified by it', async () => {
    const p = phone();
    const users = await Promise.all([1, 2, 3].map((i) => server.register(`Typist ${i}`)));
    for (const u of users) expect((await patchPhone(u, p)).status).toBe(200);
    for (const u of users) expect(await me(u)).toMatchObject({ phoneNumber: p, phoneVerified: false });
  });

  it("a claimant of a verified owner's number gets nothing: OTP signs in the owner, contact sync finds only the owner", async () => {
    const p = phone();
    const owner = await otpSignIn(p);
    const claimant = await server.register('Claimant Carl');
    expect((await patchPhone(claimant, p)).status).toBe(200);
    const again = await otpSignIn(p);
    expect(again).toMatchObject({ id: owner.id, created: false });
    const looker = await server.register('Looker Lou');
    const found = await sync(looker, [p]);
    expect(found.body.users.map((u: any) => u.id)).toEqual([owner.id]);
    // The claimant cannot prove it either.
    expectProblem(await verifyMine(claimant, p, '000000'), 401, 'otp.invalid');
    expect(await me(claimant)).toMatchObject({ phoneNumber: p, phoneVerified: false });
  });

  it('an OTP sign-in never lands in an account that merely typed the number in: it gets its own account', async () => {
    const p = phone();
    const squatter = await server.register('Squatter Sam');
    expect((await patchPhone(squatter, p)).status).toBe(200);
    const holder = await otpSignIn(p);
    expect(holder.created).toBe(true);
    expect(holder.id).not.toBe(squatter.id);
    expect(holder.user).toMatchObject({ phoneNumber: p, phoneVerified: true });
  });

  it('a signed-in user verifies a number with POST /users/me/phone/verify; OTP sign-in with it then reaches that account', async () => {
    const p = phone();
    const u = await server.register('Verifier Vera');
    const res = await verifyMine(u, p);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: u.id, phoneNumber: p, phoneVerified: true });
    const later = await otpSignIn(p);
    expect(later).toMatchObject({ id: u.id, created: false });
    const looker = await server.register('Looker Liz');
    expect((await sync(looker, [p])).body.users.map((x: any) => x.id)).toEqual([u.id]);
    // Changing the number drops the verification.
    expect((await patchPhone(u, phone())).body.user.phoneVerified).toBe(false);
  });

  it('verifying a number that another account has verified → 409 user.phone_taken (the caller proved they hold it)', async () => {
    const p = phone();
    const owner = await otpSignIn(p);
    const other = await server.register('Second Phone');
    expectProblem(await verifyMine(other, p), 409, 'user.phone_taken');
    expect(await me(owner)).toMatchObject({ phoneNumber: p, phoneVerified: true });
    expect((await me(other)).phoneVerified).toBe(false);
  });

  it('a wrong or missing code does not verify; bad input → 400', async () => {
    const u = await server.register('Wrong Code');
    const p = phone();
    expectProblem(
      await server.api('POST', '/users/me/phone/verify', { token: u.token, body: { phoneNumber: p, otp: DEV_CODE } }),
      401,
      'otp.invalid',
    );
    expectProblem(
      await server.api('POST', '/users/me/phone/verify', { token: u.token, body: { phoneNumber: 'nope', otp: '1' } }),
      400,
      'validation.failed',
    );
    expectProblem(
      await server.api('POST', '/users/me/phone/verify', { body: { phoneNumber: p, otp: DEV_CODE } }),
      401,
      'auth.unauthorized',
    );
    expect((await me(u)).phoneNumber).toBeNull();
  });
});
