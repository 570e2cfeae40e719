import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, next, settle, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

async function ok(res: Promise<{ status: number; body: any }>, status = 200) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

const say = async (u: TestUser, g: string, text: string) =>
  (await ok(server.api('POST', `/conversations/${g}/messages`, { token: u.token, body: { text } }), 201)).message;
const edit = (u: TestUser, id: string, text: string) => ok(server.api('PATCH', `/messages/${id}`, { token: u.token, body: { text } }));
const react = (u: TestUser, id: string, emoji: string) =>
  ok(server.api('PUT', `/messages/${id}/reaction`, { token: u.token, body: { emoji } }));
const deleteForEveryone = (u: TestUser, id: string) => ok(server.api('DELETE', `/messages/${id}?for=everyone`, { token: u.token }));

/** Every live event about messages that reaches `s`, as `type:messageId`. */
function aboutMessages(s: Socket) {
  const updated = collect<any>(s, 'message:updated');
  const reacted = collect<any>(s, 'reaction:updated');
  const deleted = collect<any>(s, 'message:deleted');
  return {
    of: (messageId: string) => [
      ...updated.filter((e) => e.message.id === messageId).map(() => 'message:updated'),
      ...reacted.filter((e) => e.messageId === messageId).map(() => 'reaction:updated'),
      ...deleted.filter((e) => e.messageId === messageId).map(() => 'message:deleted'),
    ],
  };
}

/**
 * In a group, A writes m1, then B is added (C was there all along); A edits m1, reacts to it and
 * deletes it for everyone, then writes m2 and edits it. Returns what B and C heard about m1,
 * once B has heard the edit of m2 (so the channel works and anything about m1 would be in).
 */
async function liveAfterJoin(historyVisibility: 'joined' | 'shared') {
  const [a, b, c] = await server.registerAll(`Live A ${historyVisibility}`, `Live B ${historyVisibility}`, `Live C ${historyVisibility}`);
  const g = (
    await ok(server.api('POST', '/groups', { token: a.token, body: { name: 'Live Lines', historyVisibility, memberIds: [c.id] } }), 201)
  ).group.id;
  const m1 = await say(a, g, 'before B came');
  await ok(server.api('POST', `/groups/${g}/members`, { token: a.token, body: { userIds: [b.id] } }));
  const bSocket = await server.socket(b.token);
  const cSocket = await server.socket(c.token);
  const bHeard = aboutMessages(bSocket);
  const cHeard = aboutMessages(cSocket);

  await edit(a, m1.id, 'before B came (edited)');
  await react(a, m1.id, '👍');
  await deleteForEveryone(a, m1.id);
  const m2 = await say(a, g, 'after B came');
  const m2Edited = next(bSocket, 'message:updated', (e: any) => e.message.id === m2.id);
  await edit(a, m2.id, 'after B came (edited)');
  await m2Edited;
  await settle(200);
  return { b: bHeard.of(m1.id), c: cHeard.of(m1.id) };
}

describe('live events agree with sync about what a member may read', () => {
  it("in a 'joined' group a newcomer hears no edit, reaction or deletion of a message from before joining; older members do", async () => {
    const heard = await liveAfterJoin('joined');
    expect(heard.b).toEqual([]);
    expect(heard.c).toEqual(['message:updated', 'reaction:updated', 'message:deleted']);
  });

  it("in a 'shared' group a newcomer hears edits, reactions and deletions of older messages", async () => {
    const heard = await liveAfterJoin('shared');
    expect(heard.b).toEqual(['message:updated', 'reaction:updated', 'message:deleted']);
    expect(heard.c).toEqual(['message:updated', 'reaction:updated', 'message:deleted']);
  });

  it('a member hears nothing more about a message they deleted for themselves', async () => {
    const [a, b, c] = await server.registerAll('Hider A', 'Hider B', 'Hider C');
    const g = (await ok(server.api('POST', '/groups', { token: a.token, body: { name: 'Hidden Things', memberIds: [b.id, c.id] } }), 201))
      .group.id;
    const m1 = await say(a, g, 'B would rather not see this');
    await ok(server.api('DELETE', `/messages/${m1.id}?for=self`, { token: b.token }));
    const bSocket = await server.socket(b.token);
    const cSocket = await server.socket(c.token);
    const bHeard = aboutMessages(bSocket);
    const cHeard = aboutMessages(cSocket);

    await react(a, m1.id, '🔥');
    await edit(a, m1.id, 'B would rather not see this (edited)');
    await deleteForEveryone(a, m1.id);
    const m2 = await say(a, g, 'fine to see');
    const m2Reacted = next(bSocket, 'reaction:updated', (e: any) => e.messageId === m2.id);
    await react(a, m2.id, '👍');
    await m2Reacted;
    await settle(200);
    expect(bHeard.of(m1.id)).toEqual([]);
    expect(cHeard.of(m1.id)).toEqual(['message:updated', 'reaction:updated', 'message:deleted']);
  });
});
