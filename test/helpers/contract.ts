import { ackError, clientEventSchemas, serverEventSchemas, type ClientEventName, type ServerEventName } from '@parley/protocol';
import { z } from 'zod';
import { errorStatus } from '../../src/lib/errors.js';

/**
 * What tests received that the contract does not allow: responses that do not match the OpenAPI
 * document (test/setup/openapi.ts), acks and server events that do not match the protocol module.
 * test/setup/openapi.ts fails the test that collected any.
 */
export const mismatches: string[] = [];

const acks = clientEventSchemas();
const strict = (schema: z.ZodType) => (schema instanceof z.ZodObject ? schema.strict() : schema);
const errorAck = z.object({ ok: z.literal(false), error: ackError.strict() }).strict();

function describeIssues(where: string, error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((i) => `${where}: ${i.path.join('.') || '(root)'} ${i.message}`);
}

/** An ack of a client event: `{ ok: true, ...the protocol's ack }` or `{ ok: false, error }` with a real code. */
export function checkAck(event: string, ack: unknown): void {
  if (!Object.hasOwn(acks, event)) return; // an unknown event gets no ack: nothing to check
  const where = `ack of ${event}`;
  const body = ack as { ok?: unknown; error?: { code?: string } };
  if (body?.ok === false) {
    const parsed = errorAck.safeParse(ack);
    if (!parsed.success) mismatches.push(...describeIssues(where, parsed.error));
    else if (!Object.hasOwn(errorStatus, body.error!.code!)) mismatches.push(`${where}: unknown error code ${body.error!.code}`);
    return;
  }
  const { ok, ...data } = (ack ?? {}) as Record<string, unknown>;
  if (ok !== true) return void mismatches.push(`${where}: neither ok: true nor ok: false`);
  const parsed = strict(acks[event as ClientEventName].ack).safeParse(data);
  if (!parsed.success) mismatches.push(...describeIssues(where, parsed.error));
}

/** A server → client event: a known name with the protocol's payload. */
export function checkServerEvent(event: string, payload: unknown): void {
  if (!Object.hasOwn(serverEventSchemas, event)) return void mismatches.push(`server event ${event}: not in the protocol`);
  const parsed = strict(serverEventSchemas[event as ServerEventName].payload).safeParse(payload);
  if (!parsed.success) mismatches.push(...describeIssues(`server event ${event}`, parsed.error));
}
