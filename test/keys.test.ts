import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './helpers/problems.js';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';

const rawPublic = (key: crypto.KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A device's keys as a Signal-style client makes them: an Ed25519 identity, an X25519 signed prekey, one-time prekeys. */
function deviceKeys(oneTime = 5, firstKeyId = 1) {
  const identity = crypto.generateKeyPairSync('ed25519');
  const spk = rawPublic(crypto.generateKeyPairSync('x25519').publicKey);
  return {
    identity,
    body: {
      identityKey: b64(rawPublic(identity.publicKey)),
      signedPreKey: { keyId: 7, publicKey: b64(spk), signature: b64(crypto.sign(null, spk, identity.privateKey)) },
      oneTimePreKeys: Array.from({ length: oneTime }, (_, i) => ({
        keyId: firstKeyId + i,
        publicKey: b64(rawPublic(crypto.generateKeyPairSync('x25519').publicKey)),
      })),
    },
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ RATE_LIMIT_KEY_CLAIMS_PER_USER: '10000/1m' });
});
afterAll(() => server?.close());

const publish = (u: TestUser, body: unknown) => server.api('PUT', '/users/me/keys', { token: u.token, body });
const claim = (by: TestUser, of: TestUser | string) =>
  server.api('GET', `/users/${typeof of === 'string' ? of : of.id}/keys`, { token: by.token });
const count = (u: TestUser) => server.api('GET', '/users/me/keys/count', { token: u.token });

describe('the key directory', () => {
  it('publishes keys, counts one-time prekeys, and hands each out once, oldest first, then null', async () => {
    const alice = await server.register('Alice Keys');
    const bob = await server.register('Bob Keys');
    const { body } = deviceKeys(3);
    const res = await publish(alice, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ oneTimePreKeyCount: 3 });
    expect((await count(alice)).body).toEqual({ oneTimePreKeyCount: 3 });

    const handedOut = [];
    for (let i = 0; i < 3; i++) {
      const bundle = await claim(bob, alice);
      expect(bundle.status).toBe(200);
      expect(bundle.body).toEqual({
        identityKey: body.identityKey,
        signedPreKey: body.signedPreKey,
        oneTimePreKey: body.oneTimePreKeys[i],
      });
      handedOut.push(bundle.body.oneTimePreKey.keyId);
    }
    expect(handedOut).toEqual([1, 2, 3]);
    expect((await count(alice)).body).toEqual({ oneTimePreKeyCount: 0 });
    // Exhausted: the bundle still works, without a one-time prekey.
    const last = await claim(bob, alice);
    expect(last.body).toEqual({ identityKey: body.identityKey, signedPreKey: body.signedPreKey, oneTimePreKey: null });
  });

  it('a HEAD of a bundle claims nothing (404, no one-time prekey spent)', async () => {
    const [alice, bob] = await server.registerAll('Alice Head', 'Bob Head');
    await publish(alice, deviceKeys(1).body);
    const head = await fetch(`${server.url}/api/v1/users/${alice.id}/keys`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${bob.token}` },
    });
    expect(head.status).toBe(404);
    expect((await count(alice)).body).toEqual({ oneTimePreKeyCount: 1 });
  });

  it('adds one-time prekeys on a later upload (a repeated keyId is replaced) and rotates the signed prekey', async () => {
    const u = await server.register('Replenisher');
    const first = deviceKeys(3, 1);
    await publish(u, first.body);
    const spk = rawPublic(crypto.generateKeyPairSync('x25519').publicKey);
    const rotated = {
      ...first.body,
      signedPreKey: { keyId: 8, publicKey: b64(spk), signature: b64(crypto.sign(null, spk, first.identity.privateKey)) },
      oneTimePreKeys: deviceKeys(3, 3).body.oneTimePreKeys, // keyIds 3, 4, 5
    };
    expect((await publish(u, rotated)).body).toEqual({ oneTimePreKeyCount: 5 });
    const other = await server.register('Fetcher');
    const bundle = await claim(other, u);
    expect(bundle.body.signedPreKey).toEqual(rotated.signedPreKey);
  });

  it('one prekey is handed out once under 20 concurrent claims', async () => {
    const target = await server.register('Popular');
    await publish(target, deviceKeys(1).body);
    const claimers = await Promise.all(Array.from({ length: 4 }, (_, i) => server.register(`Claimer ${i}`)));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => claim(claimers[i % 4]!, target)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.filter((r) => r.body.oneTimePreKey !== null)).toHaveLength(1);
  });

  it('15 prekeys and 20 concurrent claims: each key goes to exactly one claim, 5 get none', async () => {
    const target = await server.register('Many Keys');
    await publish(target, deviceKeys(15).body);
    const claimer = await server.register('Greedy');
    const results = await Promise.all(Array.from({ length: 20 }, () => claim(claimer, target)));
    const ids = results.map((r) => r.body.oneTimePreKey?.keyId).filter((k) => k !== undefined);
    expect(ids.sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(results.filter((r) => r.body.oneTimePreKey === null)).toHaveLength(5);
    expect((await count(target)).body.oneTimePreKeyCount).toBe(0);
  });

  it('a signature that does not verify → 422 keys.bad_signature, and nothing is stored', async () => {
    const u = await server.register('Bad Signer');
    const { body, identity } = deviceKeys(2);
    const otherKey = crypto.generateKeyPairSync('ed25519').privateKey;
    const spk = Buffer.from(body.signedPreKey.publicKey, 'base64');
    const flipped = Buffer.from(body.signedPreKey.signature, 'base64');
    flipped[10]! ^= 1;
    const bad = [
      b64(crypto.sign(null, spk, otherKey)), // signed by another identity
      b64(crypto.sign(null, Buffer.concat([spk, Buffer.from([0])]), identity.privateKey)), // over other bytes
      b64(flipped),
      b64(Buffer.alloc(64)),
    ];
    for (const signature of bad) {
      expectProblem(await publish(u, { ...body, signedPreKey: { ...body.signedPreKey, signature } }), 422, 'keys.bad_signature');
    }
    expect((await count(u)).body).toEqual({ oneTimePreKeyCount: 0 });
    const other = await server.register('Looker');
    expectProblem(await claim(other, u), 404, 'keys.not_found');
  });

  it('keeps at most 1000 one-time prekeys: 422 keys.too_many beyond', async () => {
    const u = await server.register('Hoarder');
    const { body } = deviceKeys(0);
    for (let batch = 0; batch < 10; batch++) {
      const res = await publish(u, { ...body, oneTimePreKeys: deviceKeys(100, batch * 100 + 1).body.oneTimePreKeys });
      expect(res.body).toEqual({ oneTimePreKeyCount: (batch + 1) * 100 });
    }
    expectProblem(await publish(u, { ...body, oneTimePreKeys: deviceKeys(1, 5000).body.oneTimePreKeys }), 422, 'keys.too_many');
    expect((await count(u)).body).toEqual({ oneTimePreKeyCount: 1000 });
  });

  it('malformed keys → 400 validation.failed naming the field', async () => {
    const u = await server.register('Sloppy');
    const { body } = deviceKeys(2);
    const cases: [unknown, string][] = [
      [{ ...body, identityKey: b64(Buffer.alloc(31)) }, 'body.identityKey'],
      [{ ...body, identityKey: 'not base64!' }, 'body.identityKey'],
      [{ ...body, identityKey: body.identityKey.replace(/=$/, '') }, 'body.identityKey'],
      [{ ...body, signedPreKey: { ...body.signedPreKey, keyId: -1 } }, 'body.signedPreKey.keyId'],
      [{ ...body, signedPreKey: { ...body.signedPreKey, signature: b64(Buffer.alloc(63)) } }, 'body.signedPreKey.signature'],
      [{ ...body, oneTimePreKeys: [body.oneTimePreKeys[0], body.oneTimePreKeys[0]] }, 'body.oneTimePreKeys'],
      [{ ...body, oneTimePreKeys: deviceKeys(101).body.oneTimePreKeys }, 'body.oneTimePreKeys'],
      [{ signedPreKey: body.signedPreKey }, 'body.identityKey'],
    ];
    for (const [bad, path] of cases) {
      const res = await publish(u, bad);
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('unknown user → 404 user.not_found; a bad id → 400; no token → 401', async () => {
    const u = await server.register('Asker');
    expectProblem(await claim(u, crypto.randomUUID()), 404, 'user.not_found');
    expectProblem(await claim(u, 'me'), 400, 'validation.failed');
    expectProblem(await server.api('GET', `/users/${u.id}/keys`), 401, 'auth.unauthorized');
    expectProblem(await server.api('PUT', '/users/me/keys', { body: deviceKeys(1).body }), 401, 'auth.unauthorized');
  });
});

describe('identity key changes', () => {
  it('tell every conversation peer (keys:identity-changed, live and in sync) and discard the old one-time prekeys', async () => {
    const alice = await server.register('Alice Rekey');
    const bob = await server.register('Bob Peer');
    const stranger = await server.register('Stranger Rekey');
    await server.directChat(alice, bob);
    const first = deviceKeys(4);
    await publish(alice, first.body);
    const bobSocket = await server.socket(bob.token);
    const strangerSocket = await server.socket(stranger.token);
    const strangerHeard = collect(strangerSocket, 'keys:identity-changed');
    const aliceSocket = await server.socket(alice.token);
    const aliceHeard = collect(aliceSocket, 'keys:identity-changed');

    // The same identity again (a refill) is no change: nothing is sent.
    const bobHeard = collect(bobSocket, 'keys:identity-changed');
    await publish(alice, { ...first.body, oneTimePreKeys: deviceKeys(1, 100).body.oneTimePreKeys });
    await settle();
    expect(bobHeard).toEqual([]);

    const second = deviceKeys(2, 50);
    const heard = next(bobSocket, 'keys:identity-changed');
    expect((await publish(alice, second.body)).body).toEqual({ oneTimePreKeyCount: 2 });
    const event = await heard;
    expect(event).toEqual({ userId: alice.id, identityKey: second.body.identityKey, eventId: expect.any(Number) });

    const sync = await emit(bobSocket, 'sync:request', { cursor: event.eventId - 1 });
    expect(sync.events).toEqual([{ eventId: event.eventId, type: 'keys:identity-changed', payload: event }]);
    await settle();
    expect(strangerHeard).toEqual([]);
    expect(aliceHeard).toEqual([]);
    const bundle = await claim(bob, alice);
    expect(bundle.body.identityKey).toBe(second.body.identityKey);
    expect(bundle.body.oneTimePreKey.keyId).toBe(50);
  });
});

describe('encrypted messages', () => {
  it('are stored and relayed as the opaque ciphertext the client sent, over socket and REST', async () => {
    const alice = await server.register('Alice Cipher');
    const bob = await server.register('Bob Cipher');
    const chat = await server.directChat(alice, bob);
    const bobSocket = await server.socket(bob.token);
    const aliceSocket = await server.socket(alice.token);
    const ciphertext = b64(crypto.randomBytes(180));
    const arriving = next(bobSocket, 'message:new');
    const ack = await emit(aliceSocket, 'message:send', {
      conversationId: chat,
      text: ciphertext,
      clientMessageId: 'enc-1',
      encrypted: true,
    });
    expect(ack.ok).toBe(true);
    expect(ack.message).toMatchObject({ text: ciphertext, encrypted: true });
    expect((await arriving).message).toMatchObject({ id: ack.message.id, text: ciphertext, encrypted: true });

    const viaRest = b64(crypto.randomBytes(64));
    const sent = await server.api('POST', `/conversations/${chat}/messages`, {
      token: bob.token,
      body: { text: viaRest, encrypted: true },
    });
    expect(sent.status).toBe(201);
    const history = await server.api('GET', `/conversations/${chat}/messages`, { token: alice.token });
    expect(history.body.messages.map((m: any) => [m.text, m.encrypted])).toEqual([
      [ciphertext, true],
      [viaRest, true],
    ]);
  });
});

describe('property: key payloads', () => {
  it('any validly signed bundle round-trips exactly; any mangled one is a 400 or 422, never a 5xx', async () => {
    const owner = await server.register('Property Keys');
    const fetcher = await server.register('Property Fetcher');
    const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
    const mangle = fc.oneof(
      fc.constant((s: string) => s.slice(1)),
      fc.constant((s: string) => `${s}A`),
      fc.constant((s: string) => s.replace(/=+$/, '')),
      fc.constant((s: string) => Buffer.from(s, 'base64').toString('base64url')),
      fc.constant((s: string) => s.toLowerCase()),
      fc.constant(() => ''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          spkLength: fc.constantFrom(32, 33),
          spkSeed: bytes(33, 33),
          spkKeyId: fc.integer({ min: 0, max: 2_147_483_647 }),
          otks: fc.uniqueArray(fc.record({ keyId: fc.integer({ min: 0, max: 2_147_483_647 }), key: bytes(32, 33) }), {
            maxLength: 5,
            selector: (k) => k.keyId,
          }),
          breakField: fc.option(fc.constantFrom('identityKey', 'publicKey', 'signature', 'otk'), { freq: 2 }),
          how: mangle,
        }),
        async ({ spkLength, spkSeed, spkKeyId, otks, breakField, how }) => {
          const identity = crypto.generateKeyPairSync('ed25519');
          const spk = Buffer.from(spkSeed.subarray(0, spkLength));
          const body = {
            identityKey: b64(rawPublic(identity.publicKey)),
            signedPreKey: { keyId: spkKeyId, publicKey: b64(spk), signature: b64(crypto.sign(null, spk, identity.privateKey)) },
            oneTimePreKeys: otks.map((k) => ({ keyId: k.keyId, publicKey: b64(k.key) })),
          };
          const original = JSON.stringify(body);
          if (breakField === 'identityKey') body.identityKey = how(body.identityKey);
          if (breakField === 'publicKey') body.signedPreKey.publicKey = how(body.signedPreKey.publicKey);
          if (breakField === 'signature') body.signedPreKey.signature = how(body.signedPreKey.signature);
          if (breakField === 'otk' && body.oneTimePreKeys[0]) body.oneTimePreKeys[0].publicKey = how(body.oneTimePreKeys[0].publicKey);
          const res = await publish(owner, body);
          const info = `${breakField} ${JSON.stringify(res.body)}`;
          if (JSON.stringify(body) === original || breakField === 'otk') {
            // Intact (or only a one-time prekey changed, which no signature covers): stored when well-formed.
            expect([200, 400], info).toContain(res.status);
            if (res.status === 400) return;
            expect(res.status, info).toBe(200);
            const bundle = await claim(fetcher, owner);
            expect(bundle.body.identityKey).toBe(body.identityKey);
            expect(bundle.body.signedPreKey).toEqual(body.signedPreKey);
            if (body.oneTimePreKeys.length) expect(body.oneTimePreKeys).toContainEqual(bundle.body.oneTimePreKey);
          } else {
            // Any change to a signed part is refused: malformed → 400, well-formed but not verifying → 422.
            expect([400, 422], info).toContain(res.status);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
