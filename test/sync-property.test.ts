import fc from 'fast-check';
import type { ParleyClient, StreamEvent } from '@parley/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyOf, increasing, sdkClient, shown, until, viewOf } from './helpers/sdk.js';
import { emit, TestServer, type TestUser } from './helpers/server.js';

type Step =
  | { kind: 'send'; text: string }
  | { kind: 'retry'; pick: number }
  | { kind: 'edit'; pick: number; text: string }
  | { kind: 'delete'; pick: number; scope: 'self' | 'everyone'; by: 0 | 1 }
  | { kind: 'react'; pick: number }
  | { kind: 'drop'; device: 0 | 1 }
  | { kind: 'reconnect'; device: 0 | 1 };

const word = fc
  .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcdefghij klmnop'.split('')) })
  .filter((s) => s.trim() !== '');
const pick = fc.nat({ max: 1000 });
const device = fc.constantFrom<0 | 1>(0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: word.map((text) => ({ kind: 'send' as const, text })) },
  { weight: 2, arbitrary: pick.map((p) => ({ kind: 'retry' as const, pick: p })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick, text: word }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      pick,
      scope: fc.constantFrom<'self' | 'everyone'>('self', 'everyone'),
      by: device,
    }),
  },
  { weight: 1, arbitrary: pick.map((p) => ({ kind: 'react' as const, pick: p })) },
  { weight: 2, arbitrary: device.map((d) => ({ kind: 'drop' as const, device: d })) },
  { weight: 2, arbitrary: device.map((d) => ({ kind: 'reconnect' as const, device: d })) },
);

/** A code a REST call failed with, or undefined when it succeeded. */
const refusal = async (call: Promise<{ error?: unknown }>): Promise<string | undefined> => ((await call).error as { code?: string })?.code;

/** A new SDK client signed in as `u` (a session of its own), not connected yet. */
const signedIn = (server: TestServer, u: TestUser) =>
  sdkClient(server, { email: u.email, password: u.password, name: u.name }, { signUp: false });

/** One of B's devices: an SDK client, online, and every stream event it delivered through on('event'). */
async function bDevice(server: TestServer, b: TestUser): Promise<{ client: ParleyClient; events: StreamEvent[] }> {
  const client = await signedIn(server, b);
  const events: StreamEvent[] = [];
  client.on('event', (e) => events.push(e));
  client.connect();
  await until(() => client.status.connection === 'online', 'the device to connect');
  return { client, events };
}

/** One run's people: A sends (SDK, plus a raw socket for chosen-clientMessageId retries), B reads on two devices. */
async function world(server: TestServer, run: number) {
  const a = await server.register(`Prop Sender ${run}`);
  const b = await server.register(`Prop Reader ${run}`);
  const chatId = await server.directChat(a, b);
  const sender = await signedIn(server, a);
  sender.connect();
  // Retries with a chosen clientMessageId are below the SDK (its outbox makes them): a raw socket of A's.
  const raw = await server.socket(a.token);
  const devices = [await bDevice(server, b), await bDevice(server, b)] as const;
  const close = async () => {
    raw.disconnect();
    await Promise.all([sender, ...devices.map((d) => d.client)].map((c) => c.close()));
  };
  return { server, b, chatId, sender, raw, devices, sent: [] as { id: string; clientMessageId: string }[], close };
}
type World = Awaited<ReturnType<typeof world>>;

/** A step that acts on a message: a no-op until something was sent. */
async function onMessage(w: World, s: Exclude<Step, { kind: 'send' | 'drop' | 'reconnect' }>): Promise<void> {
  if (!w.sent.length) return;
  const m = w.sent[s.pick % w.sent.length]!;
  const path = { id: m.id };
  if (s.kind === 'retry') {
    const ack = await emit(w.raw, 'message:send', { conversationId: w.chatId, text: 'retry', clientMessageId: m.clientMessageId });
    // Always the original, even if that message was since deleted.
    expect(ack.message.id).toBe(m.id);
  } else if (s.kind === 'edit') {
    const code = await refusal(w.sender.rest.PATCH('/messages/{id}', { params: { path }, body: { text: s.text } }));
    if (code) expect(['message.deleted', 'message.not_found']).toContain(code);
  } else if (s.kind === 'delete') {
    const by = s.by === 0 ? w.sender : w.devices[0].client;
    const code = await refusal(by.rest.DELETE('/messages/{id}', { params: { path, query: { for: s.scope } } }));
    // B may not delete A's message for everyone, and a message B hid is gone for B.
    if (code) expect(['forbidden', 'message.not_found']).toContain(code);
  } else {
    const code = await refusal(w.devices[1].client.rest.PUT('/messages/{id}/reaction', { params: { path }, body: { emoji: '👍' } }));
    if (code) expect(['message.deleted', 'message.not_found']).toContain(code);
  }
}

async function perform(w: World, s: Step): Promise<void> {
  if (s.kind === 'send') {
    const message = await w.sender.send(w.chatId, { text: s.text });
    w.sent.push({ id: message.id, clientMessageId: message.clientMessageId! });
  } else if (s.kind === 'drop') w.devices[s.device].client.disconnect();
  else if (s.kind === 'reconnect') {
    const d = w.devices[s.device].client;
    d.disconnect();
    d.connect();
    await until(() => d.status.connection === 'online', 'the device to reconnect');
  } else await onMessage(w, s);
}

/** Both of B's devices, back online, show the server's history of the chat, built from their events, each event once in order. */
async function expectBothShowTheHistory(w: World): Promise<void> {
  const truth = (await historyOf(w.server, w.b.token, w.chatId)).map(shown);
  // Seqs are gap-free across everyone's view: hidden messages are only missing from B's.
  const seqs = truth.map((m) => m.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  for (const d of w.devices) {
    d.client.connect();
    // Caught up once its view is the server's; if it never gets there, the comparison below shows how it differs.
    const same = () => JSON.stringify(viewOf(d.events, w.chatId)) === JSON.stringify(truth);
    await until(same, 'the device to catch up').catch(() => {});
    expect(viewOf(d.events, w.chatId)).toEqual(truth);
    const ids = d.events.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(increasing(ids)).toBe(true);
  }
}

describe('delivery property', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server?.close());

  it('any mix of send, retry, edit, delete, react, disconnect and reconnect+sync rebuilds the server history on both devices', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 30 }), async (steps) => {
        const w = await world(server, ++run);
        try {
          for (const s of steps) await perform(w, s);
          await expectBothShowTheHistory(w);
        } finally {
          await w.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
