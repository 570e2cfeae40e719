import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, pdfBytes, photo, uploadFile } from './helpers/media.js';
import { TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  server = await TestServer.start();
  [alice, bob] = await Promise.all([server.register('Alice Avatar'), server.register('Bob Avatar')]);
});
afterAll(() => server?.close());

const setAvatar = (user: TestUser | undefined, data: Buffer, opts: { name?: string; type?: string; field?: string } = {}) =>
  uploadFile(server, user?.token, data, { path: '/users/me/avatar', field: 'avatar', name: 'me.jpg', type: 'image/jpeg', ...opts });

describe('avatars', () => {
  it('makes a 256 px square WebP without metadata, public at avatarUrl', async () => {
    const res = await setAvatar(alice, await photo(1200, 800, 6));
    expect(res.status).toBe(200);
    const { avatarUrl } = res.body;
    expect(avatarUrl).toMatch(/^\/api\/v1\/avatars\/[0-9a-f-]{36}\.webp$/);

    // No token needed.
    const img = await fetchBytes(server, avatarUrl);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/webp');
    expect(img.headers.get('cache-control')).toContain('public');
    expect(img.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(img.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 256, 256, undefined]);
    expect(img.bytes.includes('ParleyCam')).toBe(false);

    const me = await server.api('GET', '/users/me', { token: alice.token });
    expect(me.body.user.avatarUrl).toBe(avatarUrl);
    const seen = await server.api('GET', `/users/${alice.id}`, { token: bob.token });
    expect(seen.body.user.avatarUrl).toBe(avatarUrl);
  });

  it('replaces the previous avatar, which is then gone', async () => {
    const first = (await setAvatar(bob, await photo(300, 300))).body.avatarUrl;
    const png = await sharp({ create: { width: 100, height: 400, channels: 3, background: 'teal' } })
      .png()
      .toBuffer();
    const second = await setAvatar(bob, png, { name: 'tall.png', type: 'image/png' });
    expect(second.status).toBe(200);
    expect(second.body.avatarUrl).not.toBe(first);
    expect((await fetchBytes(server, first)).status).toBe(404);
    const meta = await sharp((await fetchBytes(server, second.body.avatarUrl)).bytes).metadata();
    expect([meta.width, meta.height]).toEqual([256, 256]);
  });

  it('refuses what is not an image (415), a missing field (400) and no token (401)', async () => {
    const pdf = await setAvatar(alice, pdfBytes(5000), { name: 'face.jpg' });
    expect(pdf.status).toBe(415);
    expect(pdf.body.code).toBe('media.unsupported_type');
    const field = await setAvatar(alice, await photo(50, 50), { field: 'file' });
    expect(field.status).toBe(400);
    expect((await setAvatar(undefined, await photo(50, 50))).status).toBe(401);
    expect((await fetchBytes(server, '/avatars/not-an-avatar.png')).status).toBe(400);
    expect((await fetchBytes(server, '/avatars/01900000-0000-7000-8000-000000000000.webp')).status).toBe(404);
  });
});
