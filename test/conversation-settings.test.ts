import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listed, pair, send } from './helpers/messages.js';
import { collect, next, settle, TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

describe('conversation settings', () => {
  it('mutes and pins per member; pinned lists first; the other device hears conversation:updated', async () => {
    const [jo, kim, lee] = await Promise.all([server.register('Jo Pinner'), server.register('Kim Pinned'), server.register('Lee Newer')]);
    const pinned = await server.directChat(jo, kim);
    await send(server, kim, pinned, 'older activity');
    const newer = await server.directChat(jo, lee);
    await send(server, lee, newer, 'newer activity');
    const before = await server.api('GET', '/conversations', { token: jo.token });
    expect(before.body.conversations.map((c: any) => c.id)).toEqual([newer, pinned]);

    const device = await server.socket(jo.token);
    const ks = await server.socket(kim.token);
    const kimSaw = collect(ks, 'conversation:updated');
    const updated = next(device, 'conversation:updated', (p) => p.conversation.id === pinned);
    const res = await server.api('PATCH', `/conversations/${pinned}/settings`, {
      token: jo.token,
      body: { isMuted: true, isPinned: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ settings: { isMuted: true, isArchived: false, isPinned: true, notifications: 'all', mutedUntil: null } });
    const ev = await updated;
    expect(ev.conversation).toMatchObject({ id: pinned, isMuted: true, isPinned: true, isArchived: false });
    expect(typeof ev.eventId).toBe('number');

    const after = await server.api('GET', '/conversations', { token: jo.token });
    expect(after.body.conversations.map((c: any) => c.id)).toEqual([pinned, newer]);
    expect(after.body.conversations[0]).toMatchObject({ isMuted: true, isPinned: true, isArchived: false });
    expect(after.body.conversations[1]).toMatchObject({ isMuted: false, isPinned: false, isArchived: false });

    const archived = await server.api('PATCH', `/conversations/${pinned}/settings`, { token: jo.token, body: { isArchived: true } });
    expect(archived.body).toEqual({
      settings: { isMuted: true, isArchived: true, isPinned: true, notifications: 'all', mutedUntil: null },
    });
    expect(await listed(server, jo, pinned)).toMatchObject({ isMuted: true, isArchived: true, isPinned: true });

    // Kim's view of the same conversation is unaffected, and she heard nothing.
    expect(await listed(server, kim, pinned)).toMatchObject({ isMuted: false, isArchived: false, isPinned: false });
    await settle();
    expect(kimSaw).toEqual([]);
  });

  it('validates the body and hides conversations you are not in', async () => {
    const { a, chatId } = await pair(server, ['Set Tings', 'Val Idate']);
    const invalid = [
      {},
      { isMuted: true, colour: 'red' },
      { isMuted: 'yes' },
      { notifications: 'some' },
      { notifications: null },
      { mutedUntil: 'tomorrow' },
      { mutedUntil: 1764590400000 },
      { isMuted: true, mutedUntil: null },
    ];
    for (const body of invalid) {
      const res = await server.api('PATCH', `/conversations/${chatId}/settings`, { token: a.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
    const outsider = await server.register('Not Amember');
    const res = await server.api('PATCH', `/conversations/${chatId}/settings`, { token: outsider.token, body: { isMuted: true } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('conversation.not_found');
    expect(await listed(server, a, chatId)).toMatchObject({ isMuted: false });
  });

  it('chooses what notifies you: notifications and a timed mute, in the reply, the lists and the other device', async () => {
    const { a, b, chatId } = await pair(server, ['Noti Fied', 'Quiet Please']);
    const patch = (body: Record<string, unknown>) => server.api('PATCH', `/conversations/${chatId}/settings`, { token: a.token, body });
    expect(await listed(server, a, chatId)).toMatchObject({ notifications: 'all', mutedUntil: null, isMuted: false });

    const device = await server.socket(a.token);
    const heard = next(device, 'conversation:updated', (p) => p.conversation.id === chatId);
    const mentionsOnly = await patch({ notifications: 'mentions' });
    expect(mentionsOnly.body.settings).toEqual({
      isMuted: false,
      mutedUntil: null,
      notifications: 'mentions',
      isArchived: false,
      isPinned: false,
    });
    expect((await heard).conversation).toMatchObject({ notifications: 'mentions', mutedUntil: null });

    const until = new Date(Date.now() + 3_600_000);
    const timed = await patch({ mutedUntil: until.toISOString().replace('Z', '+00:00') });
    expect(timed.body.settings).toMatchObject({ isMuted: true, mutedUntil: until.toISOString(), notifications: 'mentions' });
    expect(await listed(server, a, chatId)).toMatchObject({ isMuted: true, mutedUntil: until.toISOString(), notifications: 'mentions' });
    expect(await listed(server, b, chatId)).toMatchObject({ isMuted: false, mutedUntil: null, notifications: 'all' });

    // Muting without an end replaces the timed mute; unmuting ends both.
    expect((await patch({ isMuted: true })).body.settings).toMatchObject({ isMuted: true, mutedUntil: null });
    expect((await patch({ mutedUntil: until.toISOString() })).body.settings).toMatchObject({
      isMuted: true,
      mutedUntil: until.toISOString(),
    });
    expect((await patch({ isMuted: false })).body.settings).toMatchObject({ isMuted: false, mutedUntil: null });
    // A time already past ends a timed mute (as null does) rather than failing.
    await patch({ mutedUntil: until.toISOString() });
    expect((await patch({ mutedUntil: '2020-01-01T00:00:00Z' })).body.settings).toMatchObject({ isMuted: false, mutedUntil: null });
    await patch({ mutedUntil: until.toISOString() });
    expect((await patch({ mutedUntil: null, notifications: 'none' })).body.settings).toMatchObject({
      isMuted: false,
      mutedUntil: null,
      notifications: 'none',
    });
    expect(await listed(server, a, chatId)).toMatchObject({ isMuted: false, mutedUntil: null, notifications: 'none' });
  });
});
