import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchIndexed } from './helpers/messages.js';
import { emit, TestServer, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

async function say(u: TestUser, conversationId: string, text: string) {
  const res = await server.api('POST', `/conversations/${conversationId}/messages`, { token: u.token, body: { text } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.message;
}

const texts = (messages: any[]) => messages.filter((m) => m.type === 'text').map((m) => m.text);

/** What `u` can read of the group through each door: history (both routes), search, message reads, sync. */
async function whatReads(u: TestUser, g: string, word: string) {
  const page = await server.api('GET', `/conversations/${g}`, { token: u.token });
  const history = await server.api('GET', `/conversations/${g}/messages?limit=100`, { token: u.token });
  await searchIndexed(server);
  const search = await server.api('GET', `/messages/search?q=${word}`, { token: u.token });
  const s = await server.socket(u.token);
  const sync = await emit(s, 'sync:request', { cursor: 0, limit: 1000 });
  s.disconnect();
  const syncTexts = sync.events
    .filter((e: any) => e.payload.message?.conversationId === g && e.payload.message.type === 'text')
    .map((e: any) => `${e.type}:${e.payload.message.text}`);
  return {
    conversation: page.body.conversation,
    page: texts(page.body.messages),
    history: texts(history.body.messages),
    search: texts(search.body.messages),
    sync: syncTexts,
  };
}

describe("group history visibility 'joined' (the default)", () => {
  it('a new member reads only what came after they joined: history, search, single messages and sync agree', async () => {
    const [owner, newbie] = await server.registerAll('History Owner', 'History Newbie');
    const created = await server.api('POST', '/groups', { token: owner.token, body: { name: 'Old Secrets' } });
    expect(created.body.group.historyVisibility).toBe('joined');
    const g = created.body.group.id;
    const old = await say(owner, g, 'zebra before you came');
    expect((await server.api('POST', `/groups/${g}/members`, { token: owner.token, body: { userIds: [newbie.id] } })).status).toBe(200);
    await say(owner, g, 'zebra after you came');
    // An edit of the old message after the newcomer joined must not bring its text to them either.
    expect(
      (await server.api('PATCH', `/messages/${old.id}`, { token: owner.token, body: { text: 'zebra before you came (edited)' } })).status,
    ).toBe(200);

    const seen = await whatReads(newbie, g, 'zebra');
    expect(seen.conversation).toMatchObject({ historyVisibility: 'joined', unreadCount: 2 });
    expect(seen.page).toEqual(['zebra after you came']);
    expect(seen.history).toEqual(['zebra after you came']);
    expect(seen.search).toEqual(['zebra after you came']);
    expect(seen.sync).toEqual(['message:new:zebra after you came']);
    expectProblem(await server.api('GET', `/messages/${old.id}/receipts`, { token: newbie.token }), 404, 'message.not_found');
    expectProblem(await server.api('POST', `/messages/${old.id}/read`, { token: newbie.token }), 404, 'message.not_found');
    expectProblem(
      await server.api('PUT', `/messages/${old.id}/reaction`, { token: newbie.token, body: { emoji: '👍' } }),
      404,
      'message.not_found',
    );
    // Replying to it would quote its text back in the ack.
    expectProblem(
      await server.api('POST', `/conversations/${g}/messages`, { token: newbie.token, body: { text: 're', replyToId: old.id } }),
      422,
      'message.reply_invalid',
    );
    // The owner, there from the start, reads everything.
    expect((await whatReads(owner, g, 'zebra')).history).toEqual(['zebra before you came (edited)', 'zebra after you came']);
  });

  it('a member who leaves and is added again reads only from the latest join', async () => {
    const [owner, rejoiner] = await server.registerAll('Rejoin Owner', 'Rejoin Rita');
    const g = (await server.api('POST', '/groups', { token: owner.token, body: { name: 'Revolving Door', memberIds: [rejoiner.id] } })).body
      .group.id;
    await say(owner, g, 'yak first stay');
    await server.api('POST', `/groups/${g}/leave`, { token: rejoiner.token });
    await say(owner, g, 'yak while away');
    await server.api('POST', `/groups/${g}/members`, { token: owner.token, body: { userIds: [rejoiner.id] } });
    await say(owner, g, 'yak second stay');
    const seen = await whatReads(rejoiner, g, 'yak');
    expect(seen.history).toEqual(['yak second stay']);
    expect(seen.search).toEqual(['yak second stay']);
    expect(seen.sync).toEqual(['message:new:yak second stay']);
  });
});

describe("group history visibility 'shared'", () => {
  it('a new member reads the whole history, and admins switch it with PATCH /groups/:id', async () => {
    const [owner, member, newbie] = await server.registerAll('Shared Owner', 'Shared Member', 'Shared Newbie');
    const created = await server.api('POST', '/groups', {
      token: owner.token,
      body: { name: 'Open Book', historyVisibility: 'shared', memberIds: [member.id] },
    });
    expect(created.status).toBe(201);
    expect(created.body.group.historyVisibility).toBe('shared');
    const g = created.body.group.id;
    const old = await say(owner, g, 'llama long ago');
    await server.api('POST', `/groups/${g}/members`, { token: owner.token, body: { userIds: [newbie.id] } });
    const seen = await whatReads(newbie, g, 'llama');
    expect(seen.history).toEqual(['llama long ago']);
    expect(seen.search).toEqual(['llama long ago']);
    expect((await server.api('GET', `/messages/${old.id}/receipts`, { token: newbie.token })).status).toBe(200);

    expectProblem(
      await server.api('PATCH', `/groups/${g}`, { token: member.token, body: { historyVisibility: 'joined' } }),
      403,
      'group.not_admin',
    );
    expectProblem(
      await server.api('PATCH', `/groups/${g}`, { token: owner.token, body: { historyVisibility: 'everyone' } }),
      400,
      'validation.failed',
    );
    const patched = await server.api('PATCH', `/groups/${g}`, { token: owner.token, body: { historyVisibility: 'joined' } });
    expect(patched.status).toBe(200);
    expect(patched.body.group.historyVisibility).toBe('joined');
    expect((await whatReads(newbie, g, 'llama')).history).toEqual([]);
    const details = await server.api('GET', `/groups/${g}`, { token: newbie.token });
    expect(details.body.group.historyVisibility).toBe('joined');
    expectProblem(
      await server.api('POST', '/groups', { token: owner.token, body: { name: 'x', historyVisibility: 'all' } }),
      400,
      'validation.failed',
    );
  });

  it('direct chats show historyVisibility null', async () => {
    const [a, b] = await server.registerAll('Direct A', 'Direct B');
    const res = await server.api('POST', '/conversations', { token: a.token, body: { userId: b.id } });
    expect(res.body.conversation.historyVisibility).toBeNull();
  });
});
