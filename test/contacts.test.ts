import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './helpers/problems.js';
import { TestServer } from './helpers/server.js';

const DEV_CODE = '135790';
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ OTP_DEV_CODE: DEV_CODE, OTP_COOLDOWN_SECONDS: '0', RATE_LIMITS: 'off' });
});
afterAll(() => server?.close());

interface PhoneUser {
  id: string;
  token: string;
  phoneNumber: string;
  name: string;
}

/** Signs a phone number in (creating its account, number verified). */
async function phoneUser(phoneNumber: string, name: string): Promise<PhoneUser> {
  expect((await server.api('POST', '/auth/request-otp', { body: { phoneNumber } })).status).toBe(200);
  const res = await server.api('POST', '/auth/verify-otp', { body: { phoneNumber, otp: DEV_CODE, deviceId: 'phone', name } });
  expect(res.status).toBe(200);
  return { id: res.body.user.id, token: res.body.accessToken, phoneNumber, name };
}

const sync = (token: string, body: unknown) => server.api('POST', '/users/contacts/sync', { token, body });
const uniqueNumber = (cc: string, digits: number) =>
  `+${cc}${crypto.randomInt(1, 10)}${Array.from({ length: digits - 1 }, () => crypto.randomInt(0, 10)).join('')}`;

describe('POST /users/contacts/sync', () => {
  let me: PhoneUser;
  let us: PhoneUser; // +1 (NANP)
  let uk: PhoneUser; // +44
  let de: PhoneUser; // +49

  beforeAll(async () => {
    me = await phoneUser(uniqueNumber('1', 10), 'Me Myself');
    us = await phoneUser(uniqueNumber('1', 10), 'Una States');
    uk = await phoneUser(uniqueNumber('44', 10), 'Ursula Kingdom');
    de = await phoneUser(uniqueNumber('49', 11), 'Dieter Deutsch');
  });

  it('returns the registered users among the numbers, in any common format, with a map from each number sent', async () => {
    const national = us.phoneNumber.slice(2);
    const formatted = `+1 (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
    const ukIntl = `0044 ${uk.phoneNumber.slice(3)}`;
    const res = await sync(me.token, { phoneNumbers: [formatted, ukIntl, '+15550000000', 'not a number', ''] });
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: any) => u.id).sort()).toEqual([us.id, uk.id].sort());
    // Other people's numbers stay private in the User objects; the match map says which number is whose.
    expect(res.body.users.every((u: any) => !('phoneNumber' in u))).toBe(true);
    expect(res.body.matches).toEqual(
      expect.arrayContaining([
        { input: formatted, phoneNumber: us.phoneNumber, userId: us.id },
        { input: ukIntl, phoneNumber: uk.phoneNumber, userId: uk.id },
      ]),
    );
    expect(res.body.matches).toHaveLength(2);
  });

  it('reads national numbers with defaultCountryCode (dropping a trunk 0)', async () => {
    const ukNational = `0${uk.phoneNumber.slice(3)}`;
    const res = await sync(me.token, { phoneNumbers: [ukNational], defaultCountryCode: '+44' });
    expect(res.body.users.map((u: any) => u.id)).toEqual([uk.id]);
    const without = await sync(me.token, { phoneNumbers: [ukNational] });
    expect(without.body).toEqual({ users: [], matches: [] });
  });

  it('never returns the caller, and lists each user once however often their number appears', async () => {
    const res = await sync(me.token, { phoneNumbers: [me.phoneNumber, de.phoneNumber, de.phoneNumber, ` ${de.phoneNumber} `] });
    expect(res.body.users.map((u: any) => u.id)).toEqual([de.id]);
    expect(res.body.matches).toHaveLength(3);
  });

  it('does not match a number only typed into a profile (unverified)', async () => {
    const typed = await server.register('Typed Number');
    const n = uniqueNumber('1', 10);
    expect((await server.api('PATCH', '/users/me', { token: typed.token, body: { phoneNumber: n } })).status).toBe(200);
    expect((await sync(me.token, { phoneNumbers: [n] })).body.users).toEqual([]);
  });

  it('a verified number stays verified when the profile is saved with it, and stops matching when changed', async () => {
    const u = await phoneUser(uniqueNumber('1', 10), 'Changer');
    expect((await server.api('PATCH', '/users/me', { token: u.token, body: { phoneNumber: u.phoneNumber, bio: 'hi' } })).status).toBe(200);
    expect((await sync(me.token, { phoneNumbers: [u.phoneNumber] })).body.users.map((x: any) => x.id)).toEqual([u.id]);
    const other = uniqueNumber('1', 10);
    expect((await server.api('PATCH', '/users/me', { token: u.token, body: { phoneNumber: other } })).status).toBe(200);
    expect((await sync(me.token, { phoneNumbers: [u.phoneNumber, other] })).body.users).toEqual([]);
  });

  it('does not return someone who blocked the caller', async () => {
    const blocker = await phoneUser(uniqueNumber('1', 10), 'Blocker');
    expect((await server.api('POST', `/users/${me.id}/block`, { token: blocker.token })).status).toBe(200);
    expect((await sync(me.token, { phoneNumbers: [blocker.phoneNumber] })).body.users).toEqual([]);
  });

  it('takes up to 1,000 numbers; more, or a non-string, → 400 validation.failed', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `+1202555${String(i).padStart(4, '0')}`);
    const ok = await sync(me.token, { phoneNumbers: [...many.slice(0, 999), us.phoneNumber] });
    expect(ok.status).toBe(200);
    expect(ok.body.users.map((u: any) => u.id)).toEqual([us.id]);
    const tooMany = await sync(me.token, { phoneNumbers: [...many, us.phoneNumber] });
    expectProblem(tooMany, 400, 'validation.failed');
    expect(tooMany.body.errors[0].path).toBe('body.phoneNumbers');
    expectProblem(await sync(me.token, { phoneNumbers: [12025550100] }), 400, 'validation.failed');
    expectProblem(await sync(me.token, { phoneNumbers: 'nope' }), 400, 'validation.failed');
    expectProblem(await sync(me.token, { phoneNumbers: [], defaultCountryCode: '0' }), 400, 'validation.failed');
    expectProblem(await server.api('POST', '/users/contacts/sync', { body: { phoneNumbers: [] } }), 401, 'auth.unauthorized');
  });

  it('property: any way of writing a registered number finds its user; any string is handled', async () => {
    const targets = [us, uk, de];
    const separators = fc.constantFrom('', ' ', '-', '.', ' - ', '\u00a0', '/', '\u200e');
    /** A written form of `n` (E.164): "+" or "00", digits split by random separators, maybe a bracketed group. */
    const written = (n: string) =>
      fc
        .record({
          prefix: fc.constantFrom('+', '00', '+ ', '００'.normalize('NFKC') === '00' ? '００' : '00'),
          cuts: fc.uniqueArray(fc.integer({ min: 1, max: n.length - 2 }), { maxLength: 4 }),
          seps: fc.array(separators, { minLength: 4, maxLength: 4 }),
          brackets: fc.boolean(),
          pad: fc.constantFrom('', ' ', '\t'),
        })
        .map(({ prefix, cuts, seps, brackets, pad }) => {
          const digits = n.slice(1);
          const sorted = [...cuts].sort((a, b) => a - b);
          const parts: string[] = [];
          let from = 0;
          for (const c of sorted) {
            parts.push(digits.slice(from, c));
            from = c;
          }
          parts.push(digits.slice(from));
          const groups = parts.filter(Boolean).map((p, i) => (brackets && i === 1 ? `(${p})` : p));
          return pad + prefix + groups.map((g, i) => (i === 0 ? g : (seps[i - 1] ?? '') + g)).join('') + pad;
        });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets).chain((t) => fc.tuple(fc.constant(t), written(t.phoneNumber))),
        fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 5 }),
        async ([target, form], noise) => {
          const res = await sync(me.token, { phoneNumbers: [...noise, form] });
          expect(res.status, JSON.stringify(form)).toBe(200);
          expect(
            res.body.users.map((u: any) => u.id),
            JSON.stringify(form),
          ).toContain(target.id);
          expect(res.body.matches, JSON.stringify(form)).toContainEqual({
            input: form,
            phoneNumber: target.phoneNumber,
            userId: target.id,
          });
        },
      ),
      { numRuns: 80 },
    );
  });
});
