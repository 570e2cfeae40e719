import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows } from '../../src/db/connect.js';
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

/**
 * GET /messages/search with this query string, as `user`, once the search index has caught up with what was
 * committed before the call (search is behind the sends by up to SEARCH_INDEX_INTERVAL_MS: searchIndexer.ts).
 */
export async function search(server: TestServer, user: TestUser, query: string): Promise<any> {
  await searchIndexed(server);
  return server.api('GET', `/messages/search?${query}`, { token: user.token });
}

/** Waits (a few seconds at most) until the search indexer's position has passed every event committed so far. */
export async function searchIndexed(server: TestServer): Promise<void> {
  const db = server.app.ctx.db;
  const [head] = await rows<{ id: number }>(db, sql`select coalesce(max(id), 0) as id from events`);
  const position = async () => {
    const [row] = await rows<{ last_id: number }>(db, sql`select last_id from event_exports where name = 'search-index'`);
    return Number(row?.last_id ?? 0);
  };
  await expect.poll(position, { timeout: 5000, interval: 20 }).toBeGreaterThanOrEqual(Number(head!.id));
}
