import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepOrphanMedia } from '../src/features/media/orphans.js';
import { pdfBytes, photo, tusCreate, tusHeaders, uploadFile } from './helpers/media.js';
import { TestServer, type TestUser } from './helpers/server.js';

const servers: TestServer[] = [];
const start = async (env: Record<string, string> = {}) => {
  const s = await TestServer.start(env);
  servers.push(s);
  return s;
};
afterAll(() => Promise.all(servers.map((s) => s.close())));

const own = async (server: TestServer, user: TestUser) => {
  const res = await server.api('GET', '/users/me', { token: user.token });
  expect(res.status).toBe(200);
  return res.body.user;
};

describe('storageUsed and storageQuota on your own profile', () => {
  const QUOTA = 300_000;

  it('go up on upload and tus creation, down on termination and on the cleanup of an upload no message took', async () => {
    const server = await start({ MEDIA_QUOTA_BYTES_PER_USER: String(QUOTA) });
    const [erin, frank] = await server.registerAll('Erin Counter', 'Frank Looker');
    expect(await own(server, erin)).toMatchObject({ storageUsed: 0, storageQuota: QUOTA });

    const pdf = await uploadFile(server, erin.token, pdfBytes(100_000), { name: 'a.pdf' });
    expect(pdf.status).toBe(201);
    expect((await own(server, erin)).storageUsed).toBe(pdf.body.media.size);
    const image = await uploadFile(server, erin.token, await photo(320, 240), { name: 'b.jpg' });
    const withImage = (await own(server, erin)).storageUsed;
    // The image counts with its thumbnail: more than its display variant alone.
    expect(withImage).toBeGreaterThan(pdf.body.media.size + image.body.media.size);

    // A tus creation reserves its whole Upload-Length at once.
    const reserved = await tusCreate(server, erin.token, 50_000);
    expect(reserved.status).toBe(201);
    expect((await own(server, erin)).storageUsed).toBe(withImage + 50_000);
    // The PATCH reply is your own profile too.
    expect((await server.api('PATCH', '/users/me', { token: erin.token, body: { bio: 'counting' } })).body.user.storageUsed).toBe(
      withImage + 50_000,
    );
    const terminated = await fetch(`${server.url}${reserved.headers.get('location')}`, {
      method: 'DELETE',
      headers: tusHeaders(erin.token),
    });
    expect(terminated.status).toBe(204);
    expect((await own(server, erin)).storageUsed).toBe(withImage);

    // Nobody else sees them.
    const seen = await server.api('GET', `/users/${erin.id}`, { token: frank.token });
    expect(seen.status).toBe(200);
    expect(seen.body.user).not.toHaveProperty('storageUsed');
    expect(seen.body.user).not.toHaveProperty('storageQuota');

    // The pdf was never sent: once MEDIA_ORPHAN_HOURS have passed (its upload time moved back), the cleanup frees its room.
    await server.app.ctx.db.execute(sql`update media set created_at = now() - interval '2 days' where id = ${pdf.body.media.id}`);
    expect(await sweepOrphanMedia(server.app.ctx)).toMatchObject({ media: 1 });
    expect((await own(server, erin)).storageUsed).toBe(withImage - pdf.body.media.size);
  });

  it('an upload past the quota is refused with 413 media.quota_exceeded and counts nothing', async () => {
    const server = await start({ MEDIA_QUOTA_BYTES_PER_USER: String(QUOTA) });
    const gina = await server.register('Gina Full');
    expect((await uploadFile(server, gina.token, pdfBytes(250_000), { name: 'big.pdf' })).status).toBe(201);
    const used = (await own(server, gina)).storageUsed;
    const multipart = await uploadFile(server, gina.token, pdfBytes(60_000), { name: 'more.pdf' });
    expect(multipart.status).toBe(413);
    expect(multipart.body.code).toBe('media.quota_exceeded');
    // tus: refused at creation, from Upload-Length, before a byte is sent.
    const tus = await tusCreate(server, gina.token, QUOTA - used + 1);
    expect(tus.status).toBe(413);
    expect((await tus.json()).code).toBe('media.quota_exceeded');
    expect((await tusCreate(server, gina.token, QUOTA - used)).status).toBe(201);
    expect((await own(server, gina)).storageUsed).toBe(QUOTA);
  });

  it('MEDIA_QUOTA_BYTES_PER_USER=0: no quota, storageQuota null', async () => {
    const server = await start({ MEDIA_QUOTA_BYTES_PER_USER: '0' });
    const hank = await server.register('Hank Unbounded');
    expect((await own(server, hank)).storageQuota).toBeNull();
    // Three 2 GiB uploads announced: past the 5 GiB default quota, all accepted.
    const created = await Promise.all([1, 2, 3].map(() => tusCreate(server, hank.token, 2 * 1024 ** 3)));
    expect(created.map((r) => r.status)).toEqual([201, 201, 201]);
    expect((await own(server, hank)).storageUsed).toBe(6 * 1024 ** 3);
  });
});
