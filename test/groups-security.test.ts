import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGroups } from '../src/features/groups/defaults.js';
import { emit, TestServer, type ApiResponse, type TestUser } from './helpers/server.js';
import { expectProblem } from './helpers/problems.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

async function privateGroup(owner: TestUser, memberIds: string[] = []): Promise<string> {
  const res = await server.api('POST', '/groups', { token: owner.token, body: { name: 'Private Club', memberIds } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.group.id;
}

const pendingInvitations = async (u: TestUser) => (await server.api('GET', '/invitations', { token: u.token })).body.invitations as any[];

describe('old invitations (item 5)', () => {
  it('a removed member cannot get back in by accepting an invitation sent before the removal', async () => {
    const [owner, dora] = await server.registerAll('Owner Ola', 'Dora Dropped');
    const g = await privateGroup(owner);
    const inv = await server.api('POST', `/groups/${g}/invitations`, { token: owner.token, body: { userId: dora.id } });
    expect(inv.status).toBe(201);
    expect((await server.api('POST', `/groups/${g}/members`, { token: owner.token, body: { userIds: [dora.id] } })).status).toBe(200);
    expect(await pendingInvitations(dora)).toEqual([]); // being added closed it
    expect((await server.api('DELETE', `/groups/${g}/members/${dora.id}`, { token: owner.token })).status).toBe(200);
    expectProblem(
      await server.api('POST', `/invitations/${inv.body.invitation.id}/accept`, { token: dora.token }),
      404,
      'invitation.not_found',
    );
    expectProblem(await server.api('GET', `/groups/${g}`, { token: dora.token }), 404, 'group.not_found');
  });

  it('joining a public group closes a pending invitation to it', async () => {
    const [owner, pub] = await server.registerAll('Owner Oz', 'Public Pia');
    const open = await server.api('POST', '/groups', { token: owner.token, body: { name: 'Open House', visibility: 'public' } });
    const pubInv = await server.api('POST', `/groups/${open.body.group.id}/invitations`, { token: owner.token, body: { userId: pub.id } });
    expect(pubInv.status).toBe(201);
    expect((await server.api('POST', `/groups/${open.body.group.id}/join`, { token: pub.token })).status).toBe(200);
    expect(await pendingInvitations(pub)).toEqual([]);
    expectProblem(
      await server.api('POST', `/invitations/${pubInv.body.invitation.id}/accept`, { token: pub.token }),
      404,
      'invitation.not_found',
    );
  });

  it('accepting re-checks that the inviter is still an admin of the private group', async () => {
    const [owner, admin, guest] = await server.registerAll('Owner Omar', 'Admin Ada', 'Guest Gus');
    const g = await privateGroup(owner, [admin.id]);
    await server.api('PATCH', `/groups/${g}/members/${admin.id}`, { token: owner.token, body: { role: 'admin' } });
    const inv = await server.api('POST', `/groups/${g}/invitations`, { token: admin.token, body: { userId: guest.id } });
    expect(inv.status).toBe(201);
    await server.api('PATCH', `/groups/${g}/members/${admin.id}`, { token: owner.token, body: { role: 'member' } });
    expectProblem(
      await server.api('POST', `/invitations/${inv.body.invitation.id}/accept`, { token: guest.token }),
      404,
      'invitation.not_found',
    );
    expectProblem(await server.api('GET', `/groups/${g}`, { token: guest.token }), 404, 'group.not_found');
    expect(await pendingInvitations(guest)).toEqual([]);
    // A fresh invitation from a current admin still works.
    const again = await server.api('POST', `/groups/${g}/invitations`, { token: owner.token, body: { userId: guest.id } });
    expect((await server.api('POST', `/invitations/${again.body.invitation.id}/accept`, { token: guest.token })).status).toBe(200);
  });
});

describe('blocked users and groups (item 7)', () => {
  it('a blocked user cannot put the blocker into a new group: 403 user.blocked and no group is made', async () => {
    const [blocker, blocked, bystander] = await server.registerAll('Blocker Bianca', 'Blocked Boris', 'Bystander Ben');
    expect((await server.api('POST', `/users/${blocked.id}/block`, { token: blocker.token })).status).toBe(200);
    expectProblem(
      await server.api('POST', '/groups', { token: blocked.token, body: { name: 'Trap', memberIds: [bystander.id, blocker.id] } }),
      403,
      'user.blocked',
    );
    expect((await server.api('GET', '/groups', { token: blocked.token })).body.joined).toEqual([]);
    expect((await server.api('GET', '/conversations', { token: bystander.token })).body.conversations).toEqual([]);
    // The blocker cannot pull the blocked user in either: a block stands between them.
    expectProblem(
      await server.api('POST', '/groups', { token: blocker.token, body: { name: 'Other way', memberIds: [blocked.id] } }),
      403,
      'user.blocked',
    );
  });

  it('a blocked user cannot add the blocker to an existing group, and nobody else in the request is added', async () => {
    const [blocker, blocked, bystander] = await server.registerAll('Blocker Bella', 'Blocked Bart', 'Bystander Bo');
    const g = await privateGroup(blocked);
    await server.api('POST', `/users/${blocked.id}/block`, { token: blocker.token });
    expectProblem(
      await server.api('POST', `/groups/${g}/members`, { token: blocked.token, body: { userIds: [bystander.id, blocker.id] } }),
      403,
      'user.blocked',
    );
    const roster = (await server.api('GET', `/groups/${g}`, { token: blocked.token })).body.members.map((m: any) => m.user.id);
    expect(roster).toEqual([blocked.id]);
    expect((await server.api('POST', `/groups/${g}/members`, { token: blocked.token, body: { userIds: [bystander.id] } })).status).toBe(
      200,
    );
  });
});

describe('big member lists (item 10)', () => {
  let crowd: string[] = [];
  beforeAll(async () => {
    crowd = await server.seedUsers(520, 'Crowd');
  });

  it('refuses more than 256 ids in one request with 400 validation.failed', async () => {
    const [owner] = await server.registerAll('Too Many');
    const ids = crowd.slice(0, 257);
    expectProblem(
      await server.api('POST', '/groups', { token: owner.token, body: { name: 'Too big', memberIds: ids } }),
      400,
      'validation.failed',
    );
    const g = await privateGroup(owner);
    expectProblem(
      await server.api('POST', `/groups/${g}/members`, { token: owner.token, body: { userIds: ids } }),
      400,
      'validation.failed',
    );
    expect((await server.api('GET', `/groups/${g}`, { token: owner.token })).body.memberCount).toBe(1);
  });

  /**
   * Sends in a direct chat every 100 ms while `work` runs. If `work` holds what a send needs (a
   * lock, the one connection) for its whole run, no send is acked before it ends: so, when it ran
   * long enough to tell (≥ 500 ms), some ack must come first. An order, not a timing threshold.
   */
  const onPostgres = process.env.PARLEY_TEST_DB === 'postgres';
  async function sendsGoOnDuring(work: () => Promise<ApiResponse>): Promise<ApiResponse> {
    const [a, b] = await server.registerAll('Chatty A', 'Chatty B');
    const chat = await server.directChat(a, b);
    const s = await server.socket(a.token);
    const started = Date.now();
    let doneAt = 0;
    const acked: Promise<number>[] = [];
    const running = work().finally(() => (doneAt = Date.now()));
    for (let k = 0; !doneAt || k === 0; k++) {
      await new Promise((r) => setTimeout(r, Math.max(0, started + k * 100 - Date.now())));
      acked.push(
        emit(s, 'message:send', { conversationId: chat, text: `tick ${k}`, clientMessageId: `tick-${k}` }, 60_000).then((ack) => {
          expect(ack.ok).toBe(true);
          return Date.now();
        }),
      );
    }
    const res = await running;
    const ackTimes = await Promise.all(acked);
    // PGlite has one connection: every transaction waits for the one before it, so only PostgreSQL can show this.
    if (onPostgres && doneAt - started >= 500) expect(Math.min(...ackTimes), 'a send acked while the work ran').toBeLessThan(doneAt);
    return res;
  }

  it('a 256-member create and a 256-member add do not hold a concurrent send until they finish', async () => {
    const [owner] = await server.registerAll('Big Owner');
    const created = await sendsGoOnDuring(() =>
      server.api('POST', '/groups', { token: owner.token, body: { name: 'Big', memberIds: crowd.slice(0, 256) } }),
    );
    expect(created.status).toBe(201);
    const g = created.body.group.id;
    const added = await sendsGoOnDuring(() =>
      server.api('POST', `/groups/${g}/members`, { token: owner.token, body: { userIds: crowd.slice(256, 512) } }),
    );
    expect(added.status).toBe(200);
    const details = await server.api('GET', `/groups/${g}`, { token: owner.token });
    expect(details.body.memberCount).toBe(513);
    const history = await server.api('GET', `/conversations/${g}/messages?limit=100`, { token: owner.token });
    expect(history.body.messages.at(-1)).toMatchObject({ type: 'system', system: { action: 'member_added', userId: crowd[511] } });
  }, 60_000);

  it('limits group creation and member adds per user: 429 rate_limited with Retry-After', async () => {
    const own = await TestServer.start({ RATE_LIMIT_GROUPS_PER_USER: '2/1h', RATE_LIMIT_GROUP_MEMBER_ADDS_PER_USER: '2/1h' });
    try {
      const [a, b] = await Promise.all([own.register('Limited A'), own.register('Limited B')]);
      const make = () => own.api('POST', '/groups', { token: a.token, body: { name: 'Again' } });
      expect((await make()).status).toBe(201);
      const g = (await make()).body.group.id;
      const third = await make();
      expectProblem(third, 429, 'rate_limited');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      const add = () => own.api('POST', `/groups/${g}/members`, { token: a.token, body: { userIds: [b.id] } });
      expect((await add()).status).toBe(200);
      expect((await add()).status).toBe(200);
      const over = await add();
      expectProblem(over, 429, 'rate_limited');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another user's budget is their own.
      expect((await own.api('POST', '/groups', { token: b.token, body: { name: 'Mine' } })).status).toBe(201);
    } finally {
      await own.close();
    }
  });
});

describe('group icons (decision)', () => {
  const create = (u: TestUser, body: Record<string, unknown>) =>
    server.api('POST', '/groups', { token: u.token, body: { name: 'Iconic', ...body } });

  it('accepts one emoji as icon, and colours, gradients or utility classes as iconBg', async () => {
    const [u] = await server.registerAll('Icon Ivy');
    for (const icon of ['💬', '👨‍👩‍👧‍👦', '👍🏽', '🇫🇷', '#️⃣', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '❤️', '🧑🏿‍💻']) {
      const res = await create(u, { icon });
      expect(res.status, `${icon} ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.group.icon).toBe(icon);
    }
    for (const iconBg of [
      '#1e40af',
      '#fff',
      'rgb(30, 64, 175)',
      'rgba(30,64,175,0.5)',
      'hsl(220 70% 40%)',
      'linear-gradient(135deg, #60a5fa, #2563eb 100%)',
      'linear-gradient(to right, rgb(1,2,3), hsl(10, 20%, 30%))',
      'bg-gradient-to-br from-blue-400 to-blue-600',
    ]) {
      const res = await create(u, { iconBg });
      expect(res.status, `${iconBg} ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.group.iconBg).toBe(iconBg);
    }
  });

  it('refuses text, several emoji, url(...), quotes and markup with 400 validation.failed, on create and update', async () => {
    const [u] = await server.registerAll('Icon Ian');
    for (const icon of ['abc', 'A', '💬💬', '💬 hi', '<b>', '1', ' ']) {
      expectProblem(await create(u, { icon }), 400, 'validation.failed');
    }
    for (const iconBg of [
      'url(https://evil.example/x.png)',
      'red;background:url(x)',
      '"quoted"',
      "it's",
      '<script>alert(1)</script>',
      'expression(alert(1))',
      'x'.repeat(201),
      'linear-gradient(url(x), red)',
    ]) {
      expectProblem(await create(u, { iconBg }), 400, 'validation.failed');
    }
    const g = await privateGroup(u);
    expectProblem(await server.api('PATCH', `/groups/${g}`, { token: u.token, body: { icon: 'text' } }), 400, 'validation.failed');
    expectProblem(await server.api('PATCH', `/groups/${g}`, { token: u.token, body: { iconBg: 'url(x)' } }), 400, 'validation.failed');
    expect((await server.api('PATCH', `/groups/${g}`, { token: u.token, body: { icon: null, iconBg: null } })).status).toBe(200);
  });

  it('the five default groups’ icons pass the rules', async () => {
    const [u] = await server.registerAll('Icon Default');
    for (const d of defaultGroups) {
      const res = await create(u, { icon: d.icon, iconBg: d.iconBg });
      expect(res.status, `${d.seedKey} ${JSON.stringify(res.body)}`).toBe(201);
    }
  });
});
