import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './helpers/problems.js';
import { collect, emit, next, settle, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

/** A private group with an owner, an admin and a member, plus an outsider. */
async function cast(visibility: 'public' | 'private' = 'private') {
  const [owner, admin, member, outsider] = await Promise.all(
    ['Olive Owner', 'Adam Admin', 'Mia Member', 'Otto Outsider'].map((n) => server.register(n)),
  );
  const created = await server.api('POST', '/groups', {
    token: owner!.token,
    body: { name: 'Book Club', icon: '📚', about: 'Reading together', visibility, memberIds: [admin!.id, member!.id] },
  });
  expect(created.status).toBe(201);
  const id = created.body.group.id;
  expect((await server.api('PATCH', `/groups/${id}/members/${admin!.id}`, { token: owner!.token, body: { role: 'admin' } })).status).toBe(
    200,
  );
  return { id, owner: owner!, admin: admin!, member: member!, outsider: outsider! };
}

describe('creating and reading groups', () => {
  it('makes the creator owner, adds members, records a system message, and lists members with roles', async () => {
    const { id, owner, admin, member } = await cast();
    const details = await server.api('GET', `/groups/${id}`, { token: member.token });
    expect(details.status).toBe(200);
    expect(details.body.memberCount).toBe(3);
    expect(details.body.members.map((m: any) => [m.user.id, m.role])).toEqual([
      [owner.id, 'owner'],
      [admin.id, 'admin'],
      [member.id, 'member'],
    ]);
    expect(details.body.group).toMatchObject({ id, type: 'group', name: 'Book Club', icon: '📚', visibility: 'private', role: 'member' });
    const history = await server.api('GET', `/conversations/${id}/messages`, { token: member.token });
    expect(history.body.messages[0]).toMatchObject({
      seq: 1,
      type: 'system',
      system: { action: 'group_created', actorId: owner.id, name: 'Book Club' },
    });
    const mine = await server.api('GET', '/groups', { token: member.token });
    expect(mine.body.joined.map((g: any) => g.id)).toContain(id);
  });

  it('rejects bad input with clear codes and writes nothing', async () => {
    const u = await server.register('Bad Input');
    expectProblem(await server.api('POST', '/groups', { token: u.token, body: {} }), 400, 'validation.failed');
    expectProblem(await server.api('POST', '/groups', { token: u.token, body: { name: '' } }), 400, 'validation.failed');
    expectProblem(await server.api('POST', '/groups', { token: u.token, body: { name: 'x'.repeat(101) } }), 400, 'validation.failed');
    expectProblem(
      await server.api('POST', '/groups', { token: u.token, body: { name: 'x', visibility: 'secret' } }),
      400,
      'validation.failed',
    );
    expectProblem(
      await server.api('POST', '/groups', { token: u.token, body: { name: 'x', memberIds: ['nope'] } }),
      400,
      'validation.failed',
    );
    expectProblem(await server.api('POST', '/groups', { token: u.token, body: { name: 'x', extra: 1 } }), 400, 'validation.failed');
    expectProblem(
      await server.api('POST', '/groups', {
        token: u.token,
        body: { name: 'Ghosts', memberIds: ['01890000-0000-7000-8000-000000000000'] },
      }),
      404,
      'user.not_found',
    );
    expect((await server.api('GET', '/groups', { token: u.token })).body.joined).toEqual([]);
    expectProblem(await server.api('GET', '/groups/not-a-uuid', { token: u.token }), 400, 'validation.failed');
    expectProblem(await server.api('GET', '/groups/01890000-0000-7000-8000-000000000000', { token: u.token }), 404, 'group.not_found');
    expectProblem(
      await server.api('POST', '/groups/01890000-0000-7000-8000-000000000000/join', { token: u.token }),
      404,
      'group.not_found',
    );
    expectProblem(
      await server.api('POST', '/invitations/01890000-0000-7000-8000-000000000000/accept', { token: u.token }),
      404,
      'invitation.not_found',
    );
    expectProblem(await server.api('POST', '/groups', { body: { name: 'x' } }), 401, 'auth.unauthorized');
  });

  it('enforces GROUP_MAX_MEMBERS', async () => {
    const small = await TestServer.start({ GROUP_MAX_MEMBERS: '3' });
    try {
      const [a, b, c, d] = await Promise.all(['A', 'B', 'C', 'D'].map((n) => small.register(`Cap ${n}`)));
      const g = await small.api('POST', '/groups', { token: a!.token, body: { name: 'Tiny', memberIds: [b!.id, c!.id] } });
      expect(g.status).toBe(201);
      expectProblem(
        await small.api('POST', `/groups/${g.body.group.id}/members`, { token: a!.token, body: { userIds: [d!.id] } }),
        409,
        'group.full',
      );
      expectProblem(
        await small.api('POST', '/groups', { token: a!.token, body: { name: 'Big', memberIds: [b!.id, c!.id, d!.id] } }),
        409,
        'group.full',
      );
    } finally {
      await small.close();
    }
  });
});

describe('permission matrix', () => {
  type Who = 'owner' | 'admin' | 'member' | 'outsider';
  const roles: Who[] = ['owner', 'admin', 'member', 'outsider'];

  const matrix: {
    action: string;
    expect: Record<Who, [number, string?]>;
    run: (c: Awaited<ReturnType<typeof cast>>, who: TestUser, extra: TestUser) => Promise<any>;
  }[] = [
    {
      action: 'rename the group',
      expect: { owner: [200], admin: [200], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: (c, who) => server.api('PATCH', `/groups/${c.id}`, { token: who.token, body: { name: `Renamed by ${who.name}` } }),
    },
    {
      action: 'add a member',
      expect: { owner: [200], admin: [200], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: (c, who, extra) => server.api('POST', `/groups/${c.id}/members`, { token: who.token, body: { userIds: [extra.id] } }),
    },
    {
      action: 'remove a plain member',
      expect: { owner: [200], admin: [200], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: async (c, who, extra) => {
        await server.api('POST', `/groups/${c.id}/members`, { token: c.owner.token, body: { userIds: [extra.id] } });
        return server.api('DELETE', `/groups/${c.id}/members/${extra.id}`, { token: who.token });
      },
    },
    {
      action: 'remove the owner',
      expect: { owner: [200], admin: [403, 'group.owner_protected'], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      // The owner removing themselves is leaving.
      run: (c, who) => server.api('DELETE', `/groups/${c.id}/members/${c.owner.id}`, { token: who.token }),
    },
    {
      action: 'remove an admin',
      // The admin removing itself is leaving.
      expect: { owner: [200], admin: [200], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: (c, who) => server.api('DELETE', `/groups/${c.id}/members/${c.admin.id}`, { token: who.token }),
    },
    {
      action: 'remove another admin',
      expect: { owner: [200], admin: [403, 'group.not_admin'], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: async (c, who, extra) => {
        await server.api('POST', `/groups/${c.id}/members`, { token: c.owner.token, body: { userIds: [extra.id] } });
        await server.api('PATCH', `/groups/${c.id}/members/${extra.id}`, { token: c.owner.token, body: { role: 'admin' } });
        return server.api('DELETE', `/groups/${c.id}/members/${extra.id}`, { token: who.token });
      },
    },
    {
      action: 'promote a member to admin',
      expect: { owner: [200], admin: [200], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: (c, who) => server.api('PATCH', `/groups/${c.id}/members/${c.member.id}`, { token: who.token, body: { role: 'admin' } }),
    },
    {
      action: 'demote an admin',
      // The admin here demotes itself (stepping down is allowed).
      expect: { owner: [200], admin: [200], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: (c, who) => server.api('PATCH', `/groups/${c.id}/members/${c.admin.id}`, { token: who.token, body: { role: 'member' } }),
    },
    {
      action: 'demote another admin',
      expect: { owner: [200], admin: [403, 'group.not_admin'], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: async (c, who, extra) => {
        await server.api('POST', `/groups/${c.id}/members`, { token: c.owner.token, body: { userIds: [extra.id] } });
        await server.api('PATCH', `/groups/${c.id}/members/${extra.id}`, { token: c.owner.token, body: { role: 'admin' } });
        return server.api('PATCH', `/groups/${c.id}/members/${extra.id}`, { token: who.token, body: { role: 'member' } });
      },
    },
    {
      action: "change the owner's role",
      expect: {
        owner: [403, 'group.owner_protected'],
        admin: [403, 'group.owner_protected'],
        member: [403, 'group.not_admin'],
        outsider: [404, 'group.not_found'],
      },
      run: (c, who) => server.api('PATCH', `/groups/${c.id}/members/${c.owner.id}`, { token: who.token, body: { role: 'member' } }),
    },
    {
      action: 'invite to a private group',
      expect: { owner: [201], admin: [201], member: [403, 'group.not_admin'], outsider: [404, 'group.not_found'] },
      run: (c, who, extra) => server.api('POST', `/groups/${c.id}/invitations`, { token: who.token, body: { userId: extra.id } }),
    },
    {
      action: 'read the group',
      expect: { owner: [200], admin: [200], member: [200], outsider: [404, 'group.not_found'] },
      run: (c, who) => server.api('GET', `/groups/${c.id}`, { token: who.token }),
    },
    {
      action: 'read its messages',
      expect: { owner: [200], admin: [200], member: [200], outsider: [404, 'conversation.not_found'] },
      run: (c, who) => server.api('GET', `/conversations/${c.id}/messages`, { token: who.token }),
    },
    {
      action: 'join a private group',
      expect: { owner: [200], admin: [200], member: [200], outsider: [404, 'group.not_found'] },
      run: (c, who) => server.api('POST', `/groups/${c.id}/join`, { token: who.token }),
    },
    {
      action: 'leave',
      expect: { owner: [200], admin: [200], member: [200], outsider: [404, 'group.not_found'] },
      run: (c, who) => server.api('POST', `/groups/${c.id}/leave`, { token: who.token }),
    },
  ];

  for (const row of matrix) {
    for (const who of roles) {
      const [status, code] = row.expect[who];
      it(`${who} tries to ${row.action} → ${status}${code ? ` ${code}` : ''}`, async () => {
        const c = await cast();
        const extra = await server.register('Extra Person');
        const res = await row.run(c, c[who], extra);
        if (code) expectProblem(res, status, code);
        else expect(res.status, JSON.stringify(res.body)).toBe(status);
      });
    }
  }

  it('in a public group, outsiders may read, join and be invited by members, but not administer', async () => {
    const c = await cast('public');
    expect((await server.api('GET', `/groups/${c.id}`, { token: c.outsider.token })).body.group).toMatchObject({
      id: c.id,
      memberCount: 3,
    });
    expectProblem(await server.api('PATCH', `/groups/${c.id}`, { token: c.outsider.token, body: { name: 'x' } }), 403, 'forbidden');
    const extra = await server.register('Public Invitee');
    expect((await server.api('POST', `/groups/${c.id}/invitations`, { token: c.member.token, body: { userId: extra.id } })).status).toBe(
      201,
    );
    const joined = await server.api('POST', `/groups/${c.id}/join`, { token: c.outsider.token });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ success: true, conversation: { id: c.id, role: 'member' } });
  });
});

describe('ownership', () => {
  it('passes to the longest-standing admin, else the longest-standing member, when the owner leaves', async () => {
    const c = await cast();
    const later = await server.register('Later Admin');
    await server.api('POST', `/groups/${c.id}/members`, { token: c.owner.token, body: { userIds: [later.id] } });
    await server.api('PATCH', `/groups/${c.id}/members/${later.id}`, { token: c.owner.token, body: { role: 'admin' } });
    expect((await server.api('POST', `/groups/${c.id}/leave`, { token: c.owner.token })).status).toBe(200);
    let roster = (await server.api('GET', `/groups/${c.id}`, { token: c.member.token })).body.members;
    expect(roster.find((m: any) => m.role === 'owner').user.id).toBe(c.admin.id);
    await server.api('POST', `/groups/${c.id}/leave`, { token: c.admin.token });
    roster = (await server.api('GET', `/groups/${c.id}`, { token: c.member.token })).body.members;
    expect(roster.find((m: any) => m.role === 'owner').user.id).toBe(later.id);
    await server.api('POST', `/groups/${c.id}/leave`, { token: later.token });
    roster = (await server.api('GET', `/groups/${c.id}`, { token: c.member.token })).body.members;
    expect(roster).toEqual([expect.objectContaining({ role: 'owner', user: expect.objectContaining({ id: c.member.id }) })]);
  });
});

describe('invitations', () => {
  it('reach the invitee live, list, decline, and accept into a private group', async () => {
    const c = await cast();
    const guest = await server.register('Guest Invitee');
    const s = await server.socket(guest.token);
    const live = next(s, 'invitation:new');
    const sent = await server.api('POST', `/groups/${c.id}/invitations`, { token: c.admin.token, body: { userId: guest.id } });
    expect(sent.status).toBe(201);
    const got = await live;
    expect(got.invitation).toMatchObject({
      id: sent.body.invitation.id,
      conversationId: c.id,
      status: 'pending',
      inviter: { id: c.admin.id },
      group: { name: 'Book Club' },
    });
    expect(typeof got.eventId).toBe('number');
    const again = await server.api('POST', `/groups/${c.id}/invitations`, { token: c.owner.token, body: { userId: guest.id } });
    expect(again.status).toBe(200);
    expect(again.body.invitation.id).toBe(sent.body.invitation.id);
    expect((await server.api('GET', '/invitations', { token: guest.token })).body.invitations.map((i: any) => i.id)).toEqual([
      sent.body.invitation.id,
    ]);

    const joinedLive = next(s, 'group:member-joined');
    const accepted = await server.api('POST', `/invitations/${sent.body.invitation.id}/accept`, { token: guest.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.conversation).toMatchObject({ id: c.id, role: 'member' });
    expect((await joinedLive).user.id).toBe(guest.id);
    expectProblem(
      await server.api('POST', `/invitations/${sent.body.invitation.id}/accept`, { token: guest.token }),
      404,
      'invitation.not_found',
    );
    expect((await server.api('GET', '/invitations', { token: guest.token })).body.invitations).toEqual([]);
    expectProblem(
      await server.api('POST', `/groups/${c.id}/invitations`, { token: c.owner.token, body: { userId: guest.id } }),
      409,
      'group.already_member',
    );

    const other = await server.register('Says No');
    const inv = await server.api('POST', `/groups/${c.id}/invitations`, { token: c.owner.token, body: { userId: other.id } });
    expectProblem(
      await server.api('POST', `/invitations/${inv.body.invitation.id}/decline`, { token: guest.token }),
      404,
      'invitation.not_found',
    );
    expect((await server.api('POST', `/invitations/${inv.body.invitation.id}/decline`, { token: other.token })).body).toEqual({
      success: true,
    });
    expectProblem(await server.api('GET', `/groups/${c.id}`, { token: other.token }), 404, 'group.not_found');
  });
});

describe('live membership', () => {
  it('joins every device of an added member to the room, and a removed member receives nothing more', async () => {
    const c = await cast();
    const newbie = await server.register('New Member');
    const phone = await server.socket(newbie.token);
    const laptop = await server.socket(newbie.token);
    const ownerSock = await server.socket(c.owner.token);
    const memberSock = await server.socket(c.member.token);

    const created = next(phone, 'conversation:created');
    const joinedSeen = next(memberSock, 'group:member-joined', (p) => p.user.id === newbie.id);
    await server.api('POST', `/groups/${c.id}/members`, { token: c.admin.token, body: { userIds: [newbie.id] } });
    expect((await created).conversation).toMatchObject({ id: c.id, type: 'group', role: 'member' });
    await joinedSeen;

    const onPhone = next(phone, 'message:new', (p) => p.message.text === 'welcome');
    const onLaptop = next(laptop, 'message:new', (p) => p.message.text === 'welcome');
    await emit(ownerSock, 'message:send', { conversationId: c.id, text: 'welcome', clientMessageId: 'w-1' });
    await Promise.all([onPhone, onLaptop]);
    // The newcomer can type into the room, and write.
    const typing = next(memberSock, 'typing');
    phone.emit('typing:start', { conversationId: c.id });
    expect((await typing).userId).toBe(newbie.id);

    const left = next(laptop, 'group:member-left');
    const afterRemoval = collect(laptop, 'message:new');
    const typingAfter = collect(phone, 'typing');
    await server.api('DELETE', `/groups/${c.id}/members/${newbie.id}`, { token: c.owner.token });
    expect((await left).userId).toBe(newbie.id);
    const seenBefore = afterRemoval.length; // the "removed" system message precedes the removal
    await emit(ownerSock, 'message:send', { conversationId: c.id, text: 'after you left', clientMessageId: 'w-2' });
    memberSock.emit('typing:start', { conversationId: c.id });
    await settle(400);
    expect(afterRemoval.slice(seenBefore)).toEqual([]);
    expect(typingAfter).toEqual([]);
    const send = await emit(phone, 'message:send', { conversationId: c.id, text: 'still here?', clientMessageId: 'w-3' });
    expect(send).toMatchObject({ ok: false, error: { code: 'conversation.not_found' } });

    // Sync shows the removed member what happened up to the removal and nothing after.
    const sync = await emit(phone, 'sync:request', { cursor: 0, limit: 1000 });
    const texts = sync.events
      .filter((e: any) => e.type === 'message:new' && e.payload.message.conversationId === c.id)
      .map((e: any) => e.payload.message.text);
    expect(texts).toContain('welcome');
    expect(texts).not.toContain('after you left');
    expect(sync.events.at(-1)).toMatchObject({ type: 'group:member-left', payload: { userId: newbie.id } });
  });

  it("a removal racing a burst of the member's sends: nothing of theirs lands after it", async () => {
    const c = await cast();
    const memberSock = await server.socket(c.member.token);
    const burst = (from: number) =>
      Array.from({ length: 30 }, (_, k) =>
        emit(memberSock, 'message:send', { conversationId: c.id, text: `burst ${from + k}`, clientMessageId: `race-${from + k}` }, 30_000),
      );
    const sends = burst(0);
    const removing = server.api('DELETE', `/groups/${c.id}/members/${c.member.id}`, { token: c.owner.token });
    sends.push(...burst(30));
    expect((await removing).status).toBe(200);
    const acks = await Promise.all(sends);
    for (const a of acks) if (!a.ok) expect(a).toMatchObject({ error: { code: 'conversation.not_found' } });

    const history = (await server.api('GET', `/conversations/${c.id}/messages?limit=100`, { token: c.owner.token })).body.messages as any[];
    const removal = history.find((m) => m.system?.action === 'member_removed')!;
    const fromMember = history.filter((m) => m.senderId === c.member.id && m.type === 'text');
    expect(fromMember.every((m) => m.seq < removal.seq)).toBe(true);
    // What was acked is exactly what was written.
    expect(fromMember.map((m) => m.text).sort()).toEqual(
      acks
        .filter((a) => a.ok)
        .map((a) => a.message.text)
        .sort(),
    );
    expect(history.map((m) => m.seq)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
  });

  it('records joins, leaves, adds, removals and renames as system messages', async () => {
    const c = await cast('public');
    await server.api('PATCH', `/groups/${c.id}`, { token: c.owner.token, body: { name: 'Book Club II' } });
    await server.api('POST', `/groups/${c.id}/join`, { token: c.outsider.token });
    await server.api('POST', `/groups/${c.id}/leave`, { token: c.outsider.token });
    await server.api('DELETE', `/groups/${c.id}/members/${c.member.id}`, { token: c.owner.token });
    const history = await server.api('GET', `/conversations/${c.id}/messages`, { token: c.owner.token });
    const actions = history.body.messages.filter((m: any) => m.type === 'system').map((m: any) => m.system.action);
    expect(actions).toEqual([
      'group_created',
      'member_added',
      'member_added',
      'group_renamed',
      'member_joined',
      'member_left',
      'member_removed',
    ]);
    const seqs = history.body.messages.map((m: any) => m.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  });
});

describe('default groups', () => {
  it('exist once, public, with their icons, and survive restarts without duplicates', async () => {
    const persistent = await TestServer.start({}, { persistent: true });
    try {
      const u = await persistent.register('Discoverer');
      const names = async () =>
        (await persistent.api('GET', '/groups', { token: u.token })).body.discover.map((g: any) => `${g.icon} ${g.name}`).sort();
      const expected = ['💬 General Chat', '💻 Tech Talk', '🎬 Movie Lounge', '📺 TV & Series Hub', '🎮 Pop Culture & Gaming'].sort();
      expect(await names()).toEqual(expected);
      await persistent.restart();
      expect(await names()).toEqual(expected);
      const search = await persistent.api('GET', '/groups?search=tech', { token: u.token });
      expect(search.body.discover.map((g: any) => g.name)).toEqual(['Tech Talk']);
      const general = (await persistent.api('GET', '/groups', { token: u.token })).body.discover.find(
        (g: any) => g.name === 'General Chat',
      );
      expect(general).toMatchObject({
        about: 'General discussions and announcements',
        iconBg: 'bg-gradient-to-br from-blue-400 to-blue-600',
        visibility: 'public',
      });
      const join = await persistent.api('POST', `/groups/${general.id}/join`, { token: u.token });
      expect(join.status).toBe(200);
      const after = await persistent.api('GET', '/groups', { token: u.token });
      expect(after.body.joined.map((g: any) => g.name)).toEqual(['General Chat']);
      expect(after.body.discover).toHaveLength(4);
    } finally {
      await persistent.close();
    }
  });
});

describe('blocking', () => {
  it('stops direct chats both ways, hides the blocker from search and presence both ways, while group messages flow', async () => {
    const [blocker, blocked] = await Promise.all([server.register('Blocker Bea'), server.register('Blocked Bo')]);
    const chat = await server.directChat(blocker, blocked);
    const group = await server.api('POST', '/groups', { token: blocker.token, body: { name: 'Shared', memberIds: [blocked.id] } });

    expect((await server.api('POST', `/users/${blocked.id}/block`, { token: blocker.token })).body).toEqual({ success: true });
    expect((await server.api('POST', `/users/${blocked.id}/block`, { token: blocker.token })).status).toBe(200);
    const list = await server.api('GET', '/users/me/blocks', { token: blocker.token });
    expect(list.body.users.map((u: any) => u.id)).toEqual([blocked.id]);

    expectProblem(await server.api('POST', '/conversations', { token: blocked.token, body: { userId: blocker.id } }), 403, 'user.blocked');
    expectProblem(
      await server.api('POST', `/conversations/${chat}/messages`, { token: blocked.token, body: { text: 'hey' } }),
      403,
      'user.blocked',
    );
    expectProblem(
      await server.api('POST', `/conversations/${chat}/messages`, { token: blocker.token, body: { text: 'hey' } }),
      403,
      'user.blocked',
    );
    const blockedSock = await server.socket(blocked.token);
    expect(await emit(blockedSock, 'message:send', { conversationId: chat, text: 'hey', clientMessageId: 'b-1' })).toMatchObject({
      ok: false,
      error: { code: 'user.blocked' },
    });

    const search = await server.api('GET', `/users?search=${encodeURIComponent('Blocker Bea')}`, { token: blocked.token });
    expect(search.body.users.map((u: any) => u.id)).not.toContain(blocker.id);

    // Presence is hidden both ways, even through the shared group.
    const blockerSock = await server.socket(blocker.token);
    const blockedSaw = collect(blockedSock, 'user:online');
    const third = await server.register('Third Party');
    await server.api('POST', `/groups/${group.body.group.id}/members`, { token: blocker.token, body: { userIds: [third.id] } });
    const thirdSock = await server.socket(third.token);
    const blockerSaw = collect(blockerSock, 'user:offline');
    const other = await server.socket(blocker.token);
    other.disconnect();
    blockedSock.disconnect();
    const thirdSawOffline = next(thirdSock, 'user:offline', (p) => p.userId === blocked.id);
    await thirdSawOffline;
    await settle();
    expect(blockedSaw.filter((p) => p.userId === blocker.id)).toEqual([]);
    expect(blockerSaw.filter((p) => p.userId === blocked.id)).toEqual([]);
    const view = await server.api('GET', `/users/${blocker.id}`, { token: blocked.token });
    expect(view.body.user).toMatchObject({ isOnline: false, lastActive: null });
    const q = await emit(blockerSock, 'presence:query', { userIds: [blocked.id] });
    expect(q.presence).toEqual([{ userId: blocked.id, isOnline: false, lastActive: null }]);

    // Group messages still flow both ways.
    const back = await server.socket(blocked.token);
    const got = next(back, 'message:new', (p) => p.message.text === 'group still works');
    await emit(blockerSock, 'message:send', { conversationId: group.body.group.id, text: 'group still works', clientMessageId: 'g-1' });
    await got;

    expect((await server.api('DELETE', `/users/${blocked.id}/block`, { token: blocker.token })).status).toBe(200);
    expect(
      (await server.api('POST', `/conversations/${chat}/messages`, { token: blocked.token, body: { text: 'friends again' } })).status,
    ).toBe(201);
    expect((await server.api('GET', '/users/me/blocks', { token: blocker.token })).body.users).toEqual([]);
  });

  it('rejects blocking yourself, unknown users and bad ids', async () => {
    const u = await server.register('Self Blocker');
    expectProblem(await server.api('POST', `/users/${u.id}/block`, { token: u.token }), 422, 'user.block_self');
    expectProblem(await server.api('POST', '/users/01890000-0000-7000-8000-000000000000/block', { token: u.token }), 404, 'user.not_found');
    expectProblem(await server.api('POST', '/users/xyz/block', { token: u.token }), 400, 'validation.failed');
  });
});
