import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './helpers/messages.js';
import { syncEvents, TestServer, type TestUser } from './helpers/server.js';

/*
 * Stored events that carry a copy of a message besides its own (a conversation's lastMessage in
 * `conversation:created` / `conversation:updated`, a reply's snippet inside those) lose its content
 * when it is deleted for everyone, or when its sender deletes their account: sync must not replay it.
 */

const unique = () => crypto.randomBytes(4).toString('hex');
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

async function createGroup(owner: TestUser, memberIds: string[]): Promise<string> {
  const res = await server.api('POST', '/groups', { token: owner.token, body: { name: `Copies ${unique()}`, memberIds } });
  expect(res.status).toBe(201);
  return res.body.group.id;
}

async function addMember(owner: TestUser, groupId: string, userId: string): Promise<void> {
  const res = await server.api('POST', `/groups/${groupId}/members`, { token: owner.token, body: { userIds: [userId] } });
  expect(res.status).toBeLessThan(300);
}

/** A settings change: a `conversation:updated` for the user that carries the conversation as it is now, lastMessage and all. */
async function touchSettings(user: TestUser, conversationId: string): Promise<void> {
  const res = await server.api('PATCH', `/conversations/${conversationId}/settings`, { token: user.token, body: { isPinned: true } });
  expect(res.status).toBe(200);
}

/** Every conversation copy in the user's sync stream, as [type, lastMessage]. */
const lastMessageCopies = (events: any[]) =>
  events
    .filter((e) => e.type === 'conversation:created' || e.type === 'conversation:updated')
    .map((e) => e.payload.conversation?.lastMessage)
    .filter(Boolean);

describe('delete for everyone scrubs the copies of the message', () => {
  it('conversation:created / conversation:updated lastMessage and reply snippets in them: no text left in any sync', async () => {
    const [owner, bob, late] = await server.registerAll('Copy Owner', 'Copy Bob', 'Copy Late');
    const groupId = await createGroup(owner, [bob.id]);
    const secret = `secret-${unique()}`;
    const original = await send(server, owner, groupId, `${secret} in full`);
    // Copies of it: Bob's settings change, and a member added now (their conversation:created).
    await touchSettings(bob, groupId);
    await addMember(owner, groupId, late.id);
    await touchSettings(late, groupId);
    // A reply to it, then a copy whose lastMessage is that reply, carrying its snippet.
    await send(server, bob, groupId, 'a reply to it', { replyToId: original.id });
    await touchSettings(owner, groupId);

    const before = [owner, bob, late].map(async (u) => JSON.stringify(await syncEvents(server, u)));
    // The copies exist (else this test would prove nothing).
    expect((await Promise.all(before)).every((json) => json.includes(secret))).toBe(true);
    const copies = [...lastMessageCopies(await syncEvents(server, bob)), ...lastMessageCopies(await syncEvents(server, owner))];
    expect(copies.some((m) => m.id === original.id && m.text.includes(secret))).toBe(true);
    expect(copies.some((m) => m.replyTo?.id === original.id && m.replyTo.text.includes(secret))).toBe(true);

    const del = await server.api('DELETE', `/messages/${original.id}?for=everyone`, { token: owner.token });
    expect(del.status).toBe(200);

    for (const u of [owner, bob, late]) {
      const events = await syncEvents(server, u);
      expect(JSON.stringify(events)).not.toContain(secret);
      for (const m of lastMessageCopies(events)) {
        if (m.id === original.id) expect(m).toMatchObject({ text: null, deletedAt: expect.any(String), media: [], reactions: [] });
        if (m.replyTo?.id === original.id) expect(m.replyTo.text).toBeNull();
      }
    }
    // The reply itself stays as it was.
    const listed = await server.api('GET', `/conversations/${groupId}/messages?limit=100`, { token: bob.token });
    expect(listed.body.messages.find((m: any) => m.text === 'a reply to it')).toBeTruthy();
  });

  it('a direct chat: the other side’s conversation:updated copy is scrubbed too', async () => {
    const [a, b] = await server.registerAll('Direct A', 'Direct B');
    const chatId = await server.directChat(a, b);
    const secret = `direct-${unique()}`;
    const m = await send(server, a, chatId, secret);
    await touchSettings(b, chatId);
    expect(JSON.stringify(await syncEvents(server, b))).toContain(secret);
    expect((await server.api('DELETE', `/messages/${m.id}?for=everyone`, { token: a.token })).status).toBe(200);
    expect(JSON.stringify(await syncEvents(server, b))).not.toContain(secret);
    expect(JSON.stringify(await syncEvents(server, a))).not.toContain(secret);
  });
});

describe('account deletion scrubs the copies of their messages', () => {
  it('their texts and the system messages naming them are gone from every copy', async () => {
    const name = `Zebulon ${unique()}`;
    const [owner, leaver, late] = await server.registerAll('Del Owner', name, 'Del Late');
    const groupId = await createGroup(owner, [late.id]);
    // "Del Owner added Zebulon …" is the newest message when Late's settings change: Late's copy carries it.
    await addMember(owner, groupId, leaver.id);
    await touchSettings(late, groupId);
    const secret = `farewell-${unique()}`;
    await send(server, leaver, groupId, secret);
    await touchSettings(owner, groupId);
    expect(JSON.stringify(await syncEvents(server, owner))).toContain(secret);
    const lateCopies = lastMessageCopies(await syncEvents(server, late));
    expect(lateCopies.some((m) => m.type === 'system' && m.text.includes(name))).toBe(true);

    const res = await server.api('DELETE', '/users/me', { token: leaver.token, body: { password: leaver.password } });
    expect(res.status).toBe(204);

    for (const u of [owner, late]) {
      const json = JSON.stringify(await syncEvents(server, u));
      expect(json).not.toContain(secret);
      expect(json).not.toContain(name);
    }
  });
});
