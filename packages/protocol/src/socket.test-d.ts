// Type tests (as Socket.IO's test/socket.io.test-d.ts): `npm run typecheck` fails if the maps drift.
import { expectTypeOf } from 'vitest';
import type {
  Ack,
  AckData,
  ClientPayload,
  ClientToServerEvents,
  Message,
  ServerPayload,
  ServerToClientEvents,
  StoredEventType,
  StoredPayload,
} from './index.js';

// A send takes a conversation, a clientMessageId and text or media; the ack carries the stored message.
expectTypeOf<ClientPayload<'message:send'>>().toMatchTypeOf<{ conversationId: string; clientMessageId: string; text?: string }>();
expectTypeOf<AckData<'message:send'>>().toEqualTypeOf<{ message: Message }>();
expectTypeOf<Parameters<ClientToServerEvents['message:send']>[1]>().toEqualTypeOf<(response: Ack<{ message: Message }>) => void>();
// @ts-expect-error clientMessageId is required on the socket
const noId: ClientPayload<'message:send'> = { conversationId: 'c', text: 'hi' };
void noId;

// An ack is either ok with its data or an error with a code; never both.
declare const ack: Ack<AckData<'message:read'>>;
if (ack.ok) expectTypeOf(ack.lastReadSeq).toBeNumber();
else expectTypeOf(ack.error.code).toBeString();

// Stored events carry an eventId; ephemeral ones do not.
expectTypeOf<ServerPayload<'message:new'>>().toEqualTypeOf<{ message: Message; eventId: number }>();
expectTypeOf<ServerPayload<'typing'>>().not.toHaveProperty('eventId');
expectTypeOf<StoredPayload<'message:new'>>().toEqualTypeOf<{ message: Message }>();
expectTypeOf<'typing'>().not.toMatchTypeOf<StoredEventType>();
expectTypeOf<'keys:identity-changed'>().toMatchTypeOf<StoredEventType>();
expectTypeOf<Parameters<ServerToClientEvents['user:offline']>[0]>().toEqualTypeOf<{ userId: string; lastActive: string | null }>();
