import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

// A small group cap, so a broadcast group "beyond it" stays quick to build.
const GROUP_MAX = 5;
const BROADCAST_MAX = 300;
let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ GROUP_MAX_MEMBERS: String(GROUP_MAX), BROADCAST_MAX_MEMBERS: String(BROADCAST_MAX) });
});
afterAll(() => server?.close());

async function broadcastGroup() {
  const [owner, admin, member] = await server.registerAll('Channel Owner', 'Channel Admin', 'Channel Reader');
  const res = await server.api('POST', '/groups', {
    token: owner.token,
    body: { name: 'Announcements', postPermission: 'admins', memberIds: [admin.id, member.id] },
  });
  expect(res.status).toBe(201);
  expect(res.body.group).toMatchObject({ postPermission: 'admins' });
  const id = res.body.group.id as string;
  expect((await server.api('PATCH', `/groups/${id}/members/${admin.id}`, { token: owner.token, body: { role: 'admin' } })).status).toBe(
    200,
  );
  return { owner, admin, member, id };
}

const post = (u: TestUser, id: string, text: string) =>
  server.api('POST', `/conversations/${id}/messages`, { token: u.token, body: { text } });

describe('broadcast groups (postPermission: admins)', () => {
  it("a member's post is refused (REST and socket: message.post_forbidden); an admin's is delivered", async () => {
    const { owner, admin, member, id } = await broadcastGroup();
    expectProblem(await post(member, id, 'may I?'), 403, 'message.post_forbidden');
    const memberSock = await server.socket(member.token);
    const ack = await emit(memberSock, 'message:send', { conversationId: id, text: 'please?', clientMessageId: 'm-1' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'message.post_forbidden' } });

    const arrives = next(memberSock, 'message:new', (p) => p.message.conversationId === id && p.message.type === 'text');
    const sent = await post(admin, id, 'Hello, readers');
    expect(sent.status).toBe(201);
    expect((await arrives).message).toMatchObject({ text: 'Hello, readers', senderId: admin.id });
    expect((await post(owner, id, 'From the owner')).status).toBe(201);
    // Opening it to every member lets them post.
    expect((await server.api('PATCH', `/groups/${id}`, { token: owner.token, body: { postPermission: 'members' } })).status).toBe(200);
    expect((await post(member, id, 'now I can')).status).toBe(201);
    memberSock.disconnect();
  });

  it('members react and read; their read marks are not fanned out to the group, admins see them in the receipts', async () => {
    const { owner, admin, member, id } = await broadcastGroup();
    const msg = (await post(admin, id, 'React to this')).body.message;
    const [ownerSock, memberSock, memberOther] = await Promise.all([
      server.socket(owner.token),
      server.socket(member.token),
      server.socket(member.token),
    ]);
    const ownerHeard = collect(ownerSock, 'message:status');
    const reacted = next(ownerSock, 'reaction:updated', (p) => p.messageId === msg.id);
    expect(await emit(memberSock, 'reaction:set', { messageId: msg.id, emoji: '👍' })).toMatchObject({ ok: true });
    expect((await reacted).reactions).toEqual([{ emoji: '👍', userId: member.id }]);

    const ownDevice = next(memberOther, 'message:status', (p) => p.status === 'read');
    expect(await emit(memberSock, 'message:read', { conversationId: id, upToSeq: msg.seq })).toMatchObject({ ok: true });
    expect(await ownDevice).toMatchObject({ userId: member.id, upToSeq: msg.seq });
    await settle();
    expect(ownerHeard.filter((p: any) => p.userId === member.id)).toEqual([]);
    const receipts = (await server.api('GET', `/messages/${msg.id}/receipts`, { token: admin.token })).body;
    expect(receipts.read.map((r: any) => r.userId)).toContain(member.id);
    for (const s of [ownerSock, memberSock, memberOther]) s.disconnect();
  });

  it('typing is relayed from admins only', async () => {
    const { admin, member, id } = await broadcastGroup();
    const [adminSock, memberSock] = await Promise.all([server.socket(admin.token), server.socket(member.token)]);
    const adminHeard = collect(adminSock, 'typing');
    const fromAdmin = next(memberSock, 'typing', (p) => p.userId === admin.id);
    adminSock.emit('typing:start', { conversationId: id });
    await fromAdmin;
    memberSock.emit('typing:start', { conversationId: id });
    await settle();
    expect(adminHeard.filter((p: any) => p.userId === member.id)).toEqual([]);
    adminSock.disconnect();
    memberSock.disconnect();
  });

  it('holds more than GROUP_MAX_MEMBERS, up to BROADCAST_MAX_MEMBERS; its members page through GET /groups/:id/members', async () => {
    const { owner, admin, id } = await broadcastGroup();
    const crowd = await server.seedUsers(250, 'Reader');
    for (let i = 0; i < crowd.length; i += 200) {
      const res = await server.api('POST', `/groups/${id}/members`, { token: owner.token, body: { userIds: crowd.slice(i, i + 200) } });
      expect(res.status).toBe(200);
    }
    const details = (await server.api('GET', `/groups/${id}`, { token: owner.token })).body;
    expect(details.memberCount).toBe(253);
    expect(details.members).toHaveLength(100);
    expect(details.members.slice(0, 2).map((m: any) => m.role)).toEqual(['owner', 'admin']);
    expect(details.membersNextCursor).toEqual(expect.any(String));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=90&cursor=${cursor}` : '?limit=90';
      const page: any = (await server.api('GET', `/groups/${id}/members${q}`, { token: owner.token })).body;
      seen.push(...page.members.map((m: any) => m.user.id));
      cursor = page.nextCursor;
      expect(page.hasMore).toBe(cursor !== null);
    } while (cursor);
    expect(new Set(seen).size).toBe(253);
    expect(seen).toEqual(expect.arrayContaining([owner.id, admin.id, ...crowd]));

    const watcher = await server.socket(admin.token);
    const arrives = next(watcher, 'message:new', (p) => p.message.conversationId === id && p.message.type === 'text');
    expect((await post(owner, id, 'to all 253')).status).toBe(201);
    await arrives;
    watcher.disconnect();

    // Past BROADCAST_MAX_MEMBERS: group.full; nor may it become a group where everyone posts.
    const more = await server.seedUsers(BROADCAST_MAX - 253 + 1, 'Too Many');
    expectProblem(await server.api('POST', `/groups/${id}/members`, { token: owner.token, body: { userIds: more } }), 409, 'group.full');
    expectProblem(
      await server.api('PATCH', `/groups/${id}`, { token: owner.token, body: { postPermission: 'members' } }),
      409,
      'group.full',
    );
    // An ordinary group stays within GROUP_MAX_MEMBERS.
    expectProblem(
      await server.api('POST', '/groups', { token: owner.token, body: { name: 'Chatty', memberIds: crowd.slice(0, GROUP_MAX) } }),
      409,
      'group.full',
    );
  });
});
