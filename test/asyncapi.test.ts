import { Parser } from '@asyncapi/parser';
import { clientEventNames, serverEventSchemas } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './helpers/server.js';

let server: TestServer;
let doc: any;
beforeAll(async () => {
  server = await TestServer.start();
  const res = await fetch(`${server.url}/api/v1/asyncapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(() => server.close());

describe('the AsyncAPI document (GET /api/v1/asyncapi.json)', () => {
  it('validates with the AsyncAPI parser: no errors, no warnings', async () => {
    const diagnostics = await new Parser().validate(JSON.stringify(doc));
    // Severity 0 is an error, 1 a warning; 2 and 3 are hints (such as "3.1.0 is out": the contract asks for 3.0).
    const problems = diagnostics.filter((d) => Number(d.severity) <= 1);
    expect(problems.map((d) => `${d.severity} ${d.code}: ${d.message} (${d.path.join('.')})`)).toEqual([]);
  });

  it('has every protocol event: client events as operations the server receives, with their ack as reply', () => {
    const names = Object.values(doc.components.messages as Record<string, { name: string }>).map((m) => m.name);
    for (const event of clientEventNames) expect(names).toEqual(expect.arrayContaining([event, `${event} ack`]));
    for (const event of Object.keys(serverEventSchemas)) expect(names).toContain(event);
    const send = doc.operations['message.send'];
    expect(send.action).toBe('receive');
    expect(send.reply.messages).toEqual([{ $ref: '#/channels/socket/messages/message.send.ack' }]);
    expect(doc.operations['message.new'].action).toBe('send');
  });

  it('uses the server limits and carries the delivery rules', () => {
    const text = doc.components.messages['message.send'].payload.properties.text;
    expect(text.maxLength).toBe(10_000);
    expect(doc.info.description).toContain('An acked message is committed');
  });
});
