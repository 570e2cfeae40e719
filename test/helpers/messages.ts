import { expect } from 'vitest';
import type { TestServer, TestUser } from './server.js';

/** A timestamp as the API writes editedAt and deletedAt. */
export const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Two fresh users and their direct chat. */
export async function pair(server: TestServer, names: [string, string]) {
  const [a, b] = await Promise.all([server.register(names[0]), server.register(names[1])]);
  const chatId = await server.directChat(a, b);
  return { a, b, chatId };
}

/** Sends `text` (and any `extra` fields) as `user` over REST; the stored message. */
export async function send(server: TestServer, user: TestUser, chatId: string, text: string, extra: Record<string, unknown> = {}) {
  const res = await server.api('POST', `/conversations/${chatId}/messages`, { token: user.token, body: { text, ...extra } });
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.message;
}

/** The conversation's messages (up to 100) as `user` sees them. */
export async function history(server: TestServer, user: TestUser, chatId: string): Promise<any[]> {
  const res = await server.api('GET', `/conversations/${chatId}/messages?limit=100`, { token: user.token });
  expect(res.status).toBe(200);
  return res.body.messages;
}

/** The conversation as it stands in `user`'s list of conversations. */
export async function listed(server: TestServer, user: TestUser, chatId: string) {
  const res = await server.api('GET', '/conversations', { token: user.token });
  expect(res.status).toBe(200);
  return res.body.conversations.find((c: any) => c.id === chatId);
}

/** GET /messages/search with this query string, as `user`. */
export async function search(server: TestServer, user: TestUser, query: string): Promise<any> {
  return server.api('GET', `/messages/search?${query}`, { token: user.token });
}
