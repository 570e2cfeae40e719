import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elfBytes, fetchBytes, filesUnder, mp4Bytes, pdfBytes, photo, sha256, uploadFile } from './helpers/media.js';
import { emit, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;
let outsider: TestUser;
let chatId: string;

beforeAll(async () => {
  server = await TestServer.start();
  [alice, bob, outsider] = await Promise.all([
    server.register('Alice Media'),
    server.register('Bob Media'),
    server.register('Olive Outsider'),
  ]);
  chatId = await server.directChat(alice, bob);
});
afterAll(() => server?.close());

const storedFiles = () => filesUnder(path.join(server.dataDir, 'media', 'files'));
const incomingFiles = () => filesUnder(path.join(server.dataDir, 'media', 'incoming'));

describe('uploading images', () => {
  it('bounds the display variant to 1600 px, makes a 320 px WebP thumbnail and strips EXIF and GPS', async () => {
    const original = await photo(4000, 3000);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const up = await uploadFile(server, alice.token, original, { name: 'holiday.jpg', type: 'image/jpeg' });
    expect(up.status).toBe(201);
    const m = up.body.media;
    expect(m).toMatchObject({
      kind: 'image',
      mimeType: 'image/jpeg',
      width: 1600,
      height: 1200,
      name: 'holiday.jpg',
      url: `/api/v1/media/${m.id}`,
      thumbnailUrl: `/api/v1/media/${m.id}/thumbnail`,
    });

    const display = await fetchBytes(server, m.url, alice.token);
    expect(display.status).toBe(200);
    expect(display.headers.get('content-type')).toBe('image/jpeg');
    expect(Number(display.headers.get('content-length'))).toBe(m.size);
    const dm = await sharp(display.bytes).metadata();
    expect([dm.format, dm.width, dm.height]).toEqual(['jpeg', 1600, 1200]);
    expect(dm.exif).toBeUndefined();
    expect(display.bytes.includes('ParleyCam')).toBe(false);
    expect(display.bytes.includes('SecretModel')).toBe(false);

    const thumb = await fetchBytes(server, m.thumbnailUrl, alice.token);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const tm = await sharp(thumb.bytes).metadata();
    expect([tm.format, tm.width, tm.height]).toEqual(['webp', 320, 240]);
    expect(tm.exif).toBeUndefined();
  });

  it('turns the picture upright by its EXIF orientation and records the upright size', async () => {
    // Stored 400×200 landscape, tagged "rotate 90° clockwise to display".
    const up = await uploadFile(server, alice.token, await photo(400, 200, 6), { name: 'portrait.jpg', type: 'image/jpeg' });
    expect(up.status).toBe(201);
    expect(up.body.media).toMatchObject({ width: 200, height: 400 });
    const display = await fetchBytes(server, up.body.media.url, alice.token);
    const dm = await sharp(display.bytes).metadata();
    expect([dm.width, dm.height, dm.orientation]).toEqual([200, 400, undefined]);
  });

  it('keeps small images at their size, and PNG as PNG', async () => {
    const png = await sharp({ create: { width: 120, height: 80, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const up = await uploadFile(server, alice.token, png, { name: 'dot.png', type: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body.media).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 120, height: 80 });
    const thumb = await sharp((await fetchBytes(server, up.body.media.thumbnailUrl, alice.token)).bytes).metadata();
    expect([thumb.width, thumb.height, thumb.hasAlpha]).toEqual([120, 80, true]);
  });

  it('refuses an image whose bytes cannot be decoded (422)', async () => {
    const broken = (await photo(300, 300)).subarray(0, 600);
    const up = await uploadFile(server, alice.token, broken, { name: 'broken.jpg', type: 'image/jpeg' });
    expect(up.status).toBe(422);
    expect(up.body.code).toBe('media.invalid');
  });
});

describe('what is accepted', () => {
  it('sniffs the type from the bytes: an executable sent as image/png is refused (415), leaving no file and no row', async () => {
    const before = storedFiles().length;
    const up = await uploadFile(server, alice.token, elfBytes(), { name: 'cute-cat.png', type: 'image/png' });
    expect(up.status).toBe(415);
    expect(up.headers.get('content-type')).toContain('application/problem+json');
    expect(up.body.code).toBe('media.unsupported_type');
    expect(storedFiles().length).toBe(before);
    expect(incomingFiles()).toEqual([]);
  });

  it('refuses bytes no sniffer recognises, whatever the name (415)', async () => {
    const up = await uploadFile(server, alice.token, Buffer.from('<svg onload="alert(1)"></svg>'), {
      name: 'x.svg',
      type: 'image/svg+xml',
    });
    expect(up.status).toBe(415);
    expect(up.body.code).toBe('media.unsupported_type');
  });

  it('files video and audio by the sniffed type, and a voice note in WebM as audio when declared so', async () => {
    const video = await uploadFile(server, alice.token, mp4Bytes(50_000), { name: 'clip.mp4', type: 'video/mp4' });
    expect(video.status).toBe(201);
    expect(video.body.media).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      width: null,
      height: null,
      thumbnailUrl: null,
      size: 50_000,
    });
    const webm = Buffer.concat([
      Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102', 'hex'),
      Buffer.alloc(3000, 1),
    ]);
    const voice = await uploadFile(server, alice.token, webm, { name: 'voice', type: 'audio/webm' });
    expect(voice.status).toBe(201);
    expect(voice.body.media).toMatchObject({ kind: 'audio', mimeType: 'audio/webm', name: 'voice.weba' });
  });

  it('needs the multipart field "file" and a token', async () => {
    const wrongField = await uploadFile(server, alice.token, pdfBytes(2000), { field: 'document' });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.code).toBe('validation.failed');
    const json = await server.api('POST', '/media/upload', { token: alice.token, body: { file: 'x' } });
    expect(json.status).toBe(415);
    const anonymous = await uploadFile(server, undefined, pdfBytes(2000));
    expect(anonymous.status).toBe(401);
  });
});

describe('downloads', () => {
  let pdf: Buffer;
  let media: any;

  beforeAll(async () => {
    pdf = pdfBytes(10_000);
    const up = await uploadFile(server, alice.token, pdf, { name: '../tmp/résumé.html', type: 'text/html' });
    expect(up.status).toBe(201);
    media = up.body.media;
  });

  it('serves a file with its sniffed type, nosniff and a safe attachment disposition', async () => {
    expect(media).toMatchObject({ kind: 'file', mimeType: 'application/pdf', size: 10_000, name: 'résumé.html.pdf' });
    const res = await fetchBytes(server, media.url, alice.token);
    expect(res.status).toBe(200);
    expect(sha256(res.bytes)).toBe(sha256(pdf));
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="r_sum_.html.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.html.pdf`,
    );
  });

  it('returns exactly the bytes of a Range (206), a suffix range, and 416 beyond the end', async () => {
    const part = await fetchBytes(server, media.url, alice.token, { range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 1000-1999/10000');
    expect(part.headers.get('content-length')).toBe('1000');
    expect(part.bytes.equals(pdf.subarray(1000, 2000))).toBe(true);

    const open = await fetchBytes(server, media.url, alice.token, { range: 'bytes=9990-' });
    expect(open.status).toBe(206);
    expect(open.bytes.equals(pdf.subarray(9990))).toBe(true);

    const suffix = await fetchBytes(server, media.url, alice.token, { range: 'bytes=-16' });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe('bytes 9984-9999/10000');
    expect(suffix.bytes.equals(pdf.subarray(9984))).toBe(true);

    const beyond = await fetchBytes(server, media.url, alice.token, { range: 'bytes=20000-' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */10000');
    expect(beyond.body.code).toBe('media.range_not_satisfiable');

    // An If-Range that no longer matches gets the whole object.
    const stale = await fetchBytes(server, media.url, alice.token, { range: 'bytes=0-9', 'if-range': '"something-else"' });
    expect(stale.status).toBe(200);
    expect(stale.bytes.length).toBe(10_000);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await fetchBytes(server, media.url, alice.token);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetchBytes(server, media.url, alice.token, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('accepts the access token as ?token= (for <img src>) and refuses no token', async () => {
    const viaQuery = await fetchBytes(server, `${media.url}?token=${encodeURIComponent(alice.token)}`);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.bytes.length).toBe(10_000);
    const none = await fetchBytes(server, media.url);
    expect(none.status).toBe(401);
    const bad = await fetchBytes(server, `${media.url}?token=not-a-token`);
    expect(bad.status).toBe(401);
  });

  it('has no thumbnail for a file (404)', async () => {
    const res = await fetchBytes(server, `${media.url}/thumbnail`, alice.token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('media.not_found');
  });
});

describe('attachments and who may read them', () => {
  it('attaches your uploads to a message: the type follows the media, members can read it, outsiders get 404', async () => {
    const up = await uploadFile(server, alice.token, await photo(800, 600), { name: 'cat.jpg', type: 'image/jpeg' });
    const media = up.body.media;

    // Before it is shared, only the uploader sees it.
    expect((await fetchBytes(server, media.url, bob.token)).status).toBe(404);

    const sent = await server.api('POST', `/conversations/${chatId}/messages`, {
      token: alice.token,
      body: { mediaIds: [media.id], text: 'look' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.message.type).toBe('image');
    expect(sent.body.message.media).toEqual([media]);

    const asBob = await fetchBytes(server, media.url, bob.token);
    expect(asBob.status).toBe(200);
    expect((await fetchBytes(server, media.thumbnailUrl, bob.token)).status).toBe(200);
    for (const url of [media.url, media.thumbnailUrl]) {
      const res = await fetchBytes(server, url, outsider.token);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('media.not_found');
    }
    const unknown = await fetchBytes(server, '/media/01900000-0000-7000-8000-000000000000', alice.token);
    expect(unknown.status).toBe(404);

    const page = await server.api('GET', `/conversations/${chatId}/messages?limit=5`, { token: bob.token });
    const listed = page.body.messages.find((m: any) => m.id === sent.body.message.id);
    expect(listed.media).toEqual([media]);
  });

  it('sends several media in order over the socket, typed by the first', async () => {
    const pdf = (await uploadFile(server, alice.token, pdfBytes(3000), { name: 'a.pdf' })).body.media;
    const clip = (await uploadFile(server, alice.token, mp4Bytes(3000), { name: 'b.mp4' })).body.media;
    const s = await server.socket(alice.token);
    const ack = await emit(s, 'message:send', { conversationId: chatId, mediaIds: [clip.id, pdf.id], clientMessageId: 'media-2' });
    expect(ack.ok).toBe(true);
    expect(ack.message.type).toBe('video');
    expect(ack.message.media.map((m: any) => m.id)).toEqual([clip.id, pdf.id]);
    expect(ack.message.text).toBeNull();
  });

  it("refuses someone else's upload, an unknown id, and a repeated id is attached once", async () => {
    const mine = (await uploadFile(server, alice.token, pdfBytes(2000))).body.media;
    const stolen = await server.api('POST', `/conversations/${chatId}/messages`, { token: bob.token, body: { mediaIds: [mine.id] } });
    expect(stolen.status).toBe(422);
    expect(stolen.body.code).toBe('message.media_invalid');
    const unknown = await server.api('POST', `/conversations/${chatId}/messages`, {
      token: alice.token,
      body: { mediaIds: ['01900000-0000-7000-8000-000000000000'] },
    });
    expect(unknown.status).toBe(422);
    expect((await fetchBytes(server, mine.url, bob.token)).status).toBe(404);
    const twice = await server.api('POST', `/conversations/${chatId}/messages`, {
      token: alice.token,
      body: { mediaIds: [mine.id, mine.id] },
    });
    expect(twice.status).toBe(201);
    expect(twice.body.message.media).toHaveLength(1);
  });

  it('forwards one upload to several conversations; deleting a message for everyone hides it there', async () => {
    const up = (await uploadFile(server, alice.token, await photo(640, 480), { name: 'fwd.jpg' })).body.media;
    const withOutsider = await server.directChat(alice, outsider);
    const first = await server.api('POST', `/conversations/${chatId}/messages`, { token: alice.token, body: { mediaIds: [up.id] } });
    const second = await server.api('POST', `/conversations/${withOutsider}/messages`, { token: alice.token, body: { mediaIds: [up.id] } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect((await fetchBytes(server, up.url, outsider.token)).status).toBe(200);
    expect((await fetchBytes(server, up.url, bob.token)).status).toBe(200);

    const del = await server.api('DELETE', `/messages/${first.body.message.id}?for=everyone`, { token: alice.token });
    expect(del.status).toBe(200);
    expect((await fetchBytes(server, up.url, bob.token)).status).toBe(404);
    expect((await fetchBytes(server, up.url, outsider.token)).status).toBe(200);
    expect((await fetchBytes(server, up.url, alice.token)).status).toBe(200);
    const page = await server.api('GET', `/conversations/${chatId}/messages?limit=100`, { token: bob.token });
    expect(page.body.messages.find((m: any) => m.id === first.body.message.id).media).toEqual([]);
  });
});

describe('limits and cleanup', () => {
  let small: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    small = await TestServer.start({ MEDIA_MAX_BYTES: String(256 * 1024), MEDIA_ORPHAN_HOURS: '0.0005', MEDIA_CLEANUP_INTERVAL_MS: '200' });
    user = await small.register('Limited User');
  });
  afterAll(() => small?.close());

  it('refuses a file over MEDIA_MAX_BYTES with 413 and keeps nothing, declared or streamed', async () => {
    const dirOf = (sub: string) => filesUnder(path.join(small.dataDir, 'media', sub));
    // Content-Length already says it: refused before the body is read.
    const big = await uploadFile(small, user.token, mp4Bytes(600 * 1024), { name: 'big.mp4' });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('media.too_large');
    // Just over, within the multipart framing allowance: refused by the streaming count.
    const over = await uploadFile(small, user.token, mp4Bytes(256 * 1024 + 1), { name: 'over.mp4' });
    expect(over.status).toBe(413);
    expect(over.body.code).toBe('media.too_large');
    expect(dirOf('files')).toEqual([]);
    expect(dirOf('incoming')).toEqual([]);
    const exact = await uploadFile(small, user.token, mp4Bytes(256 * 1024), { name: 'exact.mp4' });
    expect(exact.status).toBe(201);
  });

  it('deletes uploads never attached after MEDIA_ORPHAN_HOURS, with their files, and keeps attached ones', async () => {
    const other = await small.register('Other Limited');
    const chat = await small.directChat(user, other);
    const kept = (await uploadFile(small, user.token, await photo(300, 200), { name: 'kept.jpg' })).body.media;
    const orphan = (await uploadFile(small, user.token, await photo(300, 200), { name: 'orphan.jpg' })).body.media;
    const sent = await small.api('POST', `/conversations/${chat}/messages`, { token: user.token, body: { mediaIds: [kept.id] } });
    expect(sent.status).toBe(201);
    const stored = () => filesUnder(path.join(small.dataDir, 'media', 'files'));
    expect(stored().filter((f) => f.includes(orphan.id))).toHaveLength(2);

    const deadline = Date.now() + 10_000;
    // The row goes first, then its files.
    while ((await fetchBytes(small, orphan.url, user.token)).status !== 404 || stored().some((f) => f.includes(orphan.id))) {
      if (Date.now() > deadline) throw new Error('the orphan was not swept');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await fetchBytes(small, kept.url, other.token)).status).toBe(200);
    expect(stored().filter((f) => f.includes(kept.id))).toHaveLength(2);
    // Too late to attach it now.
    const late = await small.api('POST', `/conversations/${chat}/messages`, { token: user.token, body: { mediaIds: [orphan.id] } });
    expect(late.status).toBe(422);
  });
});
