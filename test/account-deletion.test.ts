import crypto from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/connect.js';
import { filesUnder, pdfBytes, photo, uploadFile } from './helpers/media.js';
import { history, send } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { next, syncEvents, TestServer } from './helpers/server.js';

const DEV_CODE = '246810';
const phone = () => `+1415555${crypto.randomInt(1000, 10_000)}${crypto.randomInt(0, 10)}`.slice(0, 13);

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ OTP_DEV_CODE: DEV_CODE, OTP_COOLDOWN_SECONDS: '0', RATE_LIMITS: 'off' });
});
afterAll(() => server?.close());

const deleteMe = (u: { token: string }, body?: unknown) => server.api('DELETE', '/users/me', { token: u.token, body });

/** Every text, varchar and jsonb value in the database, cast to text, that contains `needle`: `table.column` of each. */
async function findAnywhere(needle: string): Promise<string[]> {
  const columns = await rows<{ table_name: string; column_name: string }>(
    server.app.ctx.db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
        order by table_name, column_name`,
  );
  const hits: string[] = [];
  for (const c of columns) {
    const [hit] = await rows<{ n: number }>(
      server.app.ctx.db,
      sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)}::text ilike ${'%' + needle + '%'}`,
    );
    if (Number(hit!.n) > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

describe('DELETE /users/me', () => {
  it('needs the right password: a wrong or missing one is 403 auth.reauth_required and changes nothing', async () => {
    const u = await server.register('Wendy Wrong');
    expectProblem(await deleteMe(u, { password: 'not-the-password' }), 403, 'auth.reauth_required');
    expectProblem(await deleteMe(u), 403, 'auth.reauth_required');
    expectProblem(await deleteMe(u, { password: 7 }), 400, 'validation.failed');
    const me = await server.api('GET', '/users/me', { token: u.token });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: u.id, name: 'Wendy Wrong', email: u.email });
    expect((await server.api('POST', '/auth/login', { body: { login: u.email, password: u.password, deviceId: 'd1' } })).status).toBe(200);
  });

  it('erases the account: sessions, sign-in, search, messages, groups and every trace of its email, phone and texts', async () => {
    const [gone, friend, member] = await server.registerAll('Zelda Gone', 'Fred Friend', 'Greta Member');
    const number = phone();
    expect(
      (await server.api('PATCH', '/users/me', { token: gone.token, body: { phoneNumber: number, bio: 'my secret bio' } })).status,
    ).toBe(200);
    expect((await server.api('POST', '/auth/request-otp', { body: { phoneNumber: number } })).status).toBe(200);
    expect(
      (await server.api('POST', '/users/me/phone/verify', { token: gone.token, body: { phoneNumber: number, otp: DEV_CODE } })).status,
    ).toBe(200);
    // A pending code for their number, which must go too.
    expect((await server.api('POST', '/auth/request-otp', { body: { phoneNumber: number } })).status).toBe(200);

    const chatId = await server.directChat(gone, friend);
    const secret = `unique-${crypto.randomBytes(6).toString('hex')}`;
    const mine = await send(server, gone, chatId, `${secret} in the chat`);
    const reply = await send(server, friend, chatId, 'a reply', { replyToId: mine.id });
    await server.api('PUT', `/messages/${reply.id}/reaction`, { token: gone.token, body: { emoji: '👍' } });

    const group = await server.api('POST', '/groups', {
      token: gone.token,
      body: { name: 'Gone’s club', memberIds: [friend.id, member.id] },
    });
    expect(group.status).toBe(201);
    const groupId = group.body.group.id as string;
    expect(
      (await server.api('PATCH', `/groups/${groupId}/members/${member.id}`, { token: gone.token, body: { role: 'admin' } })).status,
    ).toBe(200);
    await send(server, gone, groupId, `${secret} in the group`);
    expect((await server.api('POST', `/users/${member.id}/block`, { token: gone.token })).status).toBe(200);

    // An avatar and an upload: their stored bytes go after the commit.
    const stored = () => filesUnder(path.join(server.dataDir, 'media', 'files'));
    const before = stored().length;
    expect(
      (
        await uploadFile(server, gone.token, await photo(64, 64), {
          path: '/users/me/avatar',
          field: 'avatar',
          name: 'me.jpg',
          type: 'image/jpeg',
        })
      ).status,
    ).toBe(200);
    expect((await uploadFile(server, gone.token, pdfBytes(2048), { name: 'notes.pdf', type: 'application/pdf' })).status).toBe(201);
    expect(stored().length).toBeGreaterThan(before + 1);

    const socket = await server.socket(gone.token);
    const disconnected = new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
    const friendSocket = await server.socket(friend.token);
    const reactionGone = next(friendSocket, 'reaction:updated', (p) => p.messageId === reply.id);
    const wiped = next(friendSocket, 'message:deleted', (p) => p.messageId === mine.id);

    const res = await deleteMe(gone, { password: gone.password });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    await disconnected;
    expect((await reactionGone).reactions).toEqual([]);
    await wiped;
    expect(stored()).toHaveLength(before);

    // The old tokens are refused, and so is signing in with the old email.
    expect((await server.api('GET', '/users/me', { token: gone.token })).status).toBe(401);
    expect((await server.api('POST', '/auth/refresh-token', { body: { refreshToken: gone.refreshToken } })).status).toBe(401);
    expectProblem(
      await server.api('POST', '/auth/login', { body: { login: gone.email, password: gone.password, deviceId: 'd2' } }),
      401,
      'auth.invalid_credentials',
    );
    expectProblem(
      await server.api('POST', '/auth/login', { body: { login: gone.username, password: gone.password, deviceId: 'd2' } }),
      401,
      'auth.invalid_credentials',
    );

    // The username (and email) can be taken by someone else.
    const again = await server.api('POST', '/auth/register', {
      body: { email: gone.email, password: 'another-long-password', name: 'New Person', username: gone.username },
    });
    expect(again.status).toBe(201);
    expect(again.body.user.id).not.toBe(gone.id);

    // Nobody finds the account; its profile is the anonymous tombstone.
    const found = await server.api('GET', '/users?search=Zelda', { token: friend.token });
    expect(found.body.users.map((x: any) => x.id)).toEqual([again.body.user.id]); // the new holder of the username
    const deletedSearch = await server.api('GET', '/users?search=Deleted', { token: friend.token });
    expect(deletedSearch.body.users.map((x: any) => x.id)).not.toContain(gone.id);
    const contacts = await server.api('POST', '/users/contacts/sync', { token: friend.token, body: { phoneNumbers: [number] } });
    expect(contacts.body.users).toEqual([]);
    const profile = await server.api('GET', `/users/${gone.id}`, { token: friend.token });
    expect(profile.status).toBe(200);
    expect(profile.body.user).toMatchObject({ id: gone.id, name: 'Deleted account', avatarUrl: null, bio: null });
    expect(profile.body.user.username).not.toBe(gone.username);
    expectProblem(await server.api('POST', `/users/${gone.id}/block`, { token: friend.token }), 404, 'user.not_found');

    // The other person's history keeps tombstones; the direct chat stays.
    const seen = await history(server, friend, chatId);
    const tomb = seen.find((m) => m.id === mine.id);
    expect(tomb).toMatchObject({ senderId: gone.id, text: null });
    expect(tomb.deletedAt).toEqual(expect.any(String));
    expect(seen.find((m) => m.id === reply.id)).toMatchObject({ text: 'a reply', reactions: [] });
    const events = await syncEvents(server, friend);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(events.some((e) => e.type === 'message:deleted' && e.payload.messageId === mine.id)).toBe(true);

    // The group they owned has a new owner (its admin, as when an owner leaves), and they are not in it.
    const details = await server.api('GET', `/groups/${groupId}`, { token: friend.token });
    expect(new Map(details.body.members.map((m: any) => [m.user.id, m.role]))).toEqual(
      new Map([
        [friend.id, 'member'],
        [member.id, 'owner'],
      ]),
    );

    // Nowhere in the database: not the email, the phone number, the bio, nor the texts.
    expect(await findAnywhere(gone.email)).toEqual(['users.email']); // the new account that took it
    expect(await findAnywhere(number)).toEqual([]);
    expect(await findAnywhere(secret)).toEqual([]);
    expect(await findAnywhere('my secret bio')).toEqual([]);
    expect(await findAnywhere('Zelda Gone')).toEqual([]); // their name, in the group's system messages too
    // What remains is the id, on the tombstone account and its messages.
    const [left] = await rows<{ n: number }>(server.app.ctx.db, sql`select count(*)::int as n from users where id = ${gone.id}`);
    expect(Number(left!.n)).toBe(1);
  });

  it('an account without a password needs a fresh sign-in (within 10 minutes)', async () => {
    const number = phone();
    await server.api('POST', '/auth/request-otp', { body: { phoneNumber: number } });
    const signedIn = await server.api('POST', '/auth/verify-otp', {
      body: { phoneNumber: number, otp: DEV_CODE, deviceId: 'otp-dev', name: 'Otto Phone' },
    });
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.accessToken as string;
    const sessionId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;
    // The same session, as if it had signed in 11 minutes ago.
    await rows(server.app.ctx.db, sql`update sessions set created_at = now() - interval '11 minutes' where id = ${sessionId}`);
    expectProblem(await deleteMe({ token }), 403, 'auth.reauth_required');
    await rows(server.app.ctx.db, sql`update sessions set created_at = now() where id = ${sessionId}`);
    expect((await deleteMe({ token })).status).toBe(204);
    expect(await findAnywhere(number)).toEqual([]);
  });
});
