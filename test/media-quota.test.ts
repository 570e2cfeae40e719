import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4Bytes, pdfBytes, photo, tusCreate, tusHeaders, uploadFile } from './helpers/media.js';
import { TestServer, type TestUser } from './helpers/server.js';

const GiB = 1024 ** 3;
const servers: TestServer[] = [];
const start = async (env: Record<string, string> = {}) => {
  const s = await TestServer.start(env);
  servers.push(s);
  return s;
};
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function problemOf(res: Response) {
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

const statusCounts = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('tus uploads in progress, per user', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    // The defaults: TUS_MAX_PENDING_PER_USER 10, MEDIA_QUOTA_BYTES_PER_USER 5 GiB, TUS_MAX_BYTES 2 GiB.
    server = await start();
    [alice, bob] = await Promise.all([server.register('Alice Hoarder'), server.register('Bob Bystander')]);
  });

  it('lets 10 of 100 concurrent creations by one user through; the other 90 get 429 media.too_many_uploads', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, () => tusCreate(server, alice.token, 1000)));
    expect(statusCounts(responses.map((r) => r.status))).toEqual({ 201: 10, 429: 90 });
    const refused = await problemOf(responses.find((r) => r.status === 429)!);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 429, code: 'media.too_many_uploads' });
    expect(refused.body.detail).toMatch(/10 unfinished/);
    // Someone else's budget is their own.
    expect((await tusCreate(server, bob.token, 1000)).status).toBe(201);
  });

  it('reserves at most MEDIA_QUOTA_BYTES_PER_USER: 100 concurrent 2 GiB creations, 2 pass, 98 get 413 media.quota_exceeded', async () => {
    const carol = await server.register('Carol Gigabytes');
    const responses = await Promise.all(Array.from({ length: 100 }, () => tusCreate(server, carol.token, 2 * GiB)));
    expect(statusCounts(responses.map((r) => r.status))).toEqual({ 201: 2, 413: 98 });
    const refused = await problemOf(responses.find((r) => r.status === 413)!);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 413, code: 'media.quota_exceeded' });
  });
});

describe('room frees up', () => {
  let server: TestServer;
  let dave: TestUser;

  beforeAll(async () => {
    server = await start({ TUS_MAX_PENDING_PER_USER: '2' });
    dave = await server.register('Dave Finisher');
  });

  it('after an unfinished upload is terminated or finished, the next creation is accepted', async () => {
    const video = mp4Bytes(5000);
    const first = await tusCreate(server, dave.token, video.length, undefined, { filename: 'a.mp4', filetype: 'video/mp4' });
    const second = await tusCreate(server, dave.token, 1000);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await tusCreate(server, dave.token, 1000)).status).toBe(429);

    // Terminated: its slot is free.
    const del = await fetch(`${server.url}${second.headers.get('location')}`, { method: 'DELETE', headers: tusHeaders(dave.token) });
    expect(del.status).toBe(204);
    const third = await tusCreate(server, dave.token, 1000);
    expect(third.status).toBe(201);
    expect((await tusCreate(server, dave.token, 1000)).status).toBe(429);

    // Finished: it is a Media now, no longer an upload in progress.
    const done = await fetch(`${server.url}${first.headers.get('location')}`, {
      method: 'PATCH',
      headers: tusHeaders(dave.token, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
      body: video as Uint8Array<ArrayBuffer>,
    });
    expect(done.status).toBe(204);
    expect(done.headers.get('media-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await tusCreate(server, dave.token, 1000)).status).toBe(201);
  });
});

describe('storage quota', () => {
  const QUOTA = 300_000;

  it('counts stored media and reserved tus bytes against MEDIA_QUOTA_BYTES_PER_USER: 413 media.quota_exceeded past it', async () => {
    const server = await start({ MEDIA_QUOTA_BYTES_PER_USER: String(QUOTA) });
    const [erin, frank] = await Promise.all([server.register('Erin Filer'), server.register('Frank Other')]);

    expect((await uploadFile(server, erin.token, pdfBytes(200_000), { name: 'a.pdf' })).status).toBe(201);
    const over = await uploadFile(server, erin.token, pdfBytes(150_000), { name: 'b.pdf' });
    expect(over.status).toBe(413);
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(over.body).toMatchObject({ status: 413, code: 'media.quota_exceeded' });
    expect(over.body.detail).toContain(String(QUOTA));

    // A creation reserves its whole length at once.
    expect((await tusCreate(server, erin.token, 150_000)).status).toBe(413);
    const reserved = await tusCreate(server, erin.token, 90_000);
    expect(reserved.status).toBe(201);
    // 200 000 stored + 90 000 reserved: 20 000 more does not fit.
    expect((await uploadFile(server, erin.token, pdfBytes(20_000), { name: 'c.pdf' })).body.code).toBe('media.quota_exceeded');
    // Terminating the upload gives its reservation back.
    await fetch(`${server.url}${reserved.headers.get('location')}`, { method: 'DELETE', headers: tusHeaders(erin.token) });
    expect((await uploadFile(server, erin.token, pdfBytes(20_000), { name: 'c.pdf' })).status).toBe(201);

    // Per user.
    expect((await uploadFile(server, frank.token, pdfBytes(200_000), { name: 'f.pdf' })).status).toBe(201);
  });

  it('frees the room of an upload no message took once MEDIA_ORPHAN_HOURS have passed', async () => {
    const server = await start({
      MEDIA_QUOTA_BYTES_PER_USER: String(QUOTA),
      MEDIA_ORPHAN_HOURS: '0.0005',
      MEDIA_CLEANUP_INTERVAL_MS: '200',
    });
    const gina = await server.register('Gina Forgetful');
    expect((await uploadFile(server, gina.token, pdfBytes(200_000), { name: 'a.pdf' })).status).toBe(201);
    expect((await uploadFile(server, gina.token, pdfBytes(200_000), { name: 'b.pdf' })).status).toBe(413);
    // 0.0005 h = 1.8 s, swept every 200 ms.
    await new Promise((r) => setTimeout(r, 2600));
    expect((await uploadFile(server, gina.token, pdfBytes(200_000), { name: 'b.pdf' })).status).toBe(201);
  });
});

describe('upload rate per user', () => {
  it('counts uploads, tus creations and avatars in RATE_LIMIT_UPLOADS_PER_USER: past it, 429 rate_limited with Retry-After', async () => {
    const server = await start({ RATE_LIMIT_UPLOADS_PER_USER: '3/1h' });
    const [hank, iris] = await Promise.all([server.register('Hank Hasty'), server.register('Iris Calm')]);
    const image = await photo(64, 64);

    expect((await uploadFile(server, hank.token, pdfBytes(1000), { name: 'a.pdf' })).status).toBe(201);
    expect((await tusCreate(server, hank.token, 1000)).status).toBe(201);
    expect((await uploadFile(server, hank.token, image, { field: 'avatar', path: '/users/me/avatar', name: 'me.jpg' })).status).toBe(200);

    for (const attempt of [
      () => uploadFile(server, hank.token, pdfBytes(1000), { name: 'b.pdf' }),
      async () => {
        const res = await tusCreate(server, hank.token, 1000);
        return { status: res.status, headers: res.headers, body: await res.json() };
      },
      () => uploadFile(server, hank.token, image, { field: 'avatar', path: '/users/me/avatar', name: 'me.jpg' }),
    ]) {
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await uploadFile(server, iris.token, pdfBytes(1000), { name: 'i.pdf' })).status).toBe(201);
  });
});
