import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device, serverHistory } from './helpers/device.js';
import { emit, TestServer } from './helpers/server.js';

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
        run++;
        const a = await server.register(`Prop Sender ${run}`);
        const b = await server.register(`Prop Reader ${run}`);
        const chatId = await server.directChat(a, b);
        const sender = await server.socket(a.token);
        const devices = [new Device(server, b.token), new Device(server, b.token)] as const;
        for (const d of devices) await d.connect();
        const sent: { id: string; clientMessageId: string }[] = [];
        const choose = (p: number) => sent[p % sent.length]!;

        for (const s of steps) {
          switch (s.kind) {
            case 'send': {
              const clientMessageId = `c-${sent.length}`;
              const ack = await emit(sender, 'message:send', { conversationId: chatId, text: s.text, clientMessageId });
              expect(ack.ok).toBe(true);
              sent.push({ id: ack.message.id, clientMessageId });
              break;
            }
            case 'retry': {
              if (!sent.length) break;
              const m = choose(s.pick);
              const ack = await emit(sender, 'message:send', { conversationId: chatId, text: 'retry', clientMessageId: m.clientMessageId });
              // Always the original, even if that message was since deleted.
              expect(ack.message.id).toBe(m.id);
              break;
            }
            case 'edit': {
              if (!sent.length) break;
              const ack = await emit(sender, 'message:edit', { messageId: choose(s.pick).id, text: s.text });
              if (!ack.ok) expect(['message.deleted', 'message.not_found']).toContain(ack.error.code);
              break;
            }
            case 'delete': {
              if (!sent.length) break;
              const payload = { messageId: choose(s.pick).id, for: s.scope };
              if (s.by === 1 && !devices[0].socket) break;
              const ack = s.by === 0 ? await emit(sender, 'message:delete', payload) : await devices[0].act('message:delete', payload);
              // B may not delete A's message for everyone, and a message B hid is gone for B.
              if (!ack.ok) expect(['forbidden', 'message.not_found']).toContain(ack.error.code);
              break;
            }
            case 'react': {
              if (!sent.length || !devices[1].socket) break;
              const ack = await devices[1].act('reaction:set', { messageId: choose(s.pick).id, emoji: '👍' });
              if (!ack.ok) expect(['message.deleted', 'message.not_found']).toContain(ack.error.code);
              break;
            }
            case 'drop':
              devices[s.device].disconnect();
              break;
            case 'reconnect':
              devices[s.device].disconnect();
              await devices[s.device].connect();
              break;
          }
        }
        sender.disconnect();
        const truth = await serverHistory(server, b.token, chatId);
        // Seqs are gap-free across everyone's view: hidden messages are only missing from B's.
        const seqs = truth.map((m) => m.seq);
        expect(new Set(seqs).size).toBe(seqs.length);
        for (const d of devices) {
          if (!d.socket) await d.connect();
          else await d.sync();
          expect(d.view()).toEqual(truth);
          const ids = d.applied.map((e) => e.eventId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids).toEqual([...ids].sort((x, y) => x - y));
          d.disconnect();
        }
      }),
      { numRuns: 25 },
    );
  });
});
