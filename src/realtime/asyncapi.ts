import { clientEventSchemas, serverEventSchemas, type Limits } from '@parley/protocol';
import { z } from 'zod';

/** AsyncAPI component keys allow no ':' (event names have them): `message:send` → `message.send`. */
const key = (event: string) => event.replace(/:/g, '.');

/**
 * A payload's JSON Schema. The protocol's named objects (Message, User, …) go to `components.schemas` once,
 * referenced from every payload that carries them.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', named: Record<string, unknown>) {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _drop, definitions, ...payload } = json;
  Object.assign(named, definitions as Record<string, unknown> | undefined);
  return payload;
}

/** zod writes refs to its `definitions`; in the document they live in components.schemas. */
const pointRefsAtComponents = <T>(doc: T): T =>
  JSON.parse(JSON.stringify(doc).replace(/"#\/definitions\//g, '"#/components/schemas/')) as T;

const deliveryRules = `Socket.IO v4 (Engine.IO 4) at \`/socket.io/\`, over WebSocket or HTTP long-polling. Authenticate in the handshake:
\`io(url, { auth: { token: accessToken } })\`; a bad or expired token fails with a \`connect_error\` whose message is the error code.
With \`auth.echo: true\` the socket also hears the stored events it causes (else only the user's other sockets do).
On connect the server joins the socket to the rooms of all the user's conversations and keeps that true as membership changes.

Every client event takes an ack callback: \`{ ok: true, ...data }\` or \`{ ok: false, error: { code, message, retryAfter? } }\`, with the
same codes as REST.

Delivery promises:
1. An acked message is committed: it survives a crash of the node right after the ack.
2. Within a conversation \`seq\` has no gaps and no reordering.
3. Retrying with the same \`clientMessageId\` never creates a second message.
4. Every event that carries an \`eventId\` is also in the user's ordered event stream; \`sync:request\` with the last \`eventId\` seen
   returns exactly the events missed since, in order, across reconnects, server restarts and a lost node.
5. Nothing is emitted for a change that did not commit.
6. \`typing\` and presence are ephemeral: never stored as events, never replayed.`;

/** The AsyncAPI 3.0 document of the socket API, generated from the protocol module (@parley/protocol). */
export function asyncApiDocument(opts: { version: string; limits: Limits }) {
  const client = clientEventSchemas(opts.limits);
  const messages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const channelMessages: Record<string, unknown> = {};
  const named: Record<string, unknown> = {};
  const ref = (name: string) => ({ $ref: `#/channels/socket/messages/${name}` });
  for (const [event, spec] of Object.entries(client)) {
    const name = key(event);
    messages[name] = { name: event, title: event, summary: spec.summary, payload: jsonSchema(spec.payload, 'input', named) };
    messages[`${name}.ack`] = {
      name: `${event} ack`,
      summary: `The ack of ${event}: { ok: true, ...this } or { ok: false, error }.`,
      payload: jsonSchema(spec.ack, 'output', named),
    };
    channelMessages[name] = { $ref: `#/components/messages/${name}` };
    channelMessages[`${name}.ack`] = { $ref: `#/components/messages/${name}.ack` };
    operations[name] = {
      action: 'receive',
      channel: { $ref: '#/channels/socket' },
      summary: spec.summary,
      messages: [ref(name)],
      reply: { channel: { $ref: '#/channels/socket' }, messages: [ref(`${name}.ack`)] },
    };
  }
  for (const [event, spec] of Object.entries(serverEventSchemas)) {
    const name = key(event);
    const note = spec.stored ? 'Stored: carries an eventId and is replayed by sync:request.' : 'Ephemeral: never stored, never replayed.';
    messages[name] = {
      name: event,
      title: event,
      summary: spec.summary,
      description: note,
      payload: jsonSchema(spec.payload, 'output', named),
    };
    channelMessages[name] = { $ref: `#/components/messages/${name}` };
    operations[name] = { action: 'send', channel: { $ref: '#/channels/socket' }, summary: spec.summary, messages: [ref(name)] };
  }
  return pointRefsAtComponents({
    asyncapi: '3.0.0',
    info: { title: 'Parley socket API', version: opts.version, description: deliveryRules, license: { name: 'MIT' } },
    defaultContentType: 'application/json',
    servers: {
      parley: {
        host: 'localhost:3000',
        protocol: 'ws',
        pathname: '/socket.io/',
        description: 'The Parley serving this document (Socket.IO; its REST API is /api/v1/openapi.json).',
        security: [{ $ref: '#/components/securitySchemes/accessToken' }],
      },
    },
    channels: { socket: { address: '/', title: "The user's connection", messages: channelMessages } },
    operations,
    components: {
      schemas: named,
      messages,
      securitySchemes: {
        accessToken: {
          type: 'httpApiKey',
          name: 'auth.token',
          in: 'query',
          description: 'The access token, in the handshake auth payload.',
        },
      },
    },
  });
}
