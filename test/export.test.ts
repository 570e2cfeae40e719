import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, photo, uploadFile } from './helpers/media.js';
import { pair, send } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { TestServer } from './helpers/server.js';
import { unzip } from './helpers/zip.js';

const jsonOf = (entries: Map<string, Buffer>, name: string) => JSON.parse(entries.get(name)!.toString('utf8'));

describe('GET /users/me/export', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ RATE_LIMIT_MESSAGES_PER_USER: '1000/1m' });
  });
  afterAll(() => server.close());

  it('streams a zip of the profile, conversations, own messages (over several pages) and own media', async () => {
    const { a, b, chatId } = await pair(server, ['Exporting Erin', 'Other Oscar']);
    const image = await photo(64, 48);
    const upload = await uploadFile(server, a.token, image, { name: 'holiday.jpg', type: 'image/jpeg' });
    expect(upload.status).toBe(201);
    const mediaId = upload.body.media.id;
    await send(server, a, chatId, 'with a picture', { mediaIds: [mediaId] });
    // More than one page (500) of a's messages, sent in parallel bursts; b's and a deleted one stay out.
    for (let i = 0; i < 6; i++) await Promise.all(Array.from({ length: 100 }, (_, j) => send(server, a, chatId, `m${i * 100 + j}`)));
    await send(server, b, chatId, 'not mine');
    const regret = await send(server, a, chatId, 'deleted later');
    expect((await server.api('DELETE', `/messages/${regret.id}?for=everyone`, { token: a.token })).status).toBeLessThan(300);

    const res = await fetchBytes(server, '/users/me/export', a.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="parley-export-\d{4}-\d\d-\d\d\.zip"$/);
    const entries = await unzip(res.bytes);

    expect(entries.get('README.txt')!.toString()).toContain('profile.json');
    expect(jsonOf(entries, 'profile.json')).toMatchObject({ id: a.id, name: 'Exporting Erin', email: a.email });
    const conversations = jsonOf(entries, 'conversations.json');
    expect(conversations.map((c: any) => c.id)).toContain(chatId);
    const mine = jsonOf(entries, `messages/${chatId}.json`);
    expect(mine).toHaveLength(601);
    expect(mine[0]).toMatchObject({ text: 'with a picture', mediaIds: [mediaId], type: 'image' });
    expect(mine.map((m: any) => m.seq)).toEqual([...mine.map((m: any) => m.seq)].sort((x, y) => x - y));
    const texts = new Set(mine.map((m: any) => m.text));
    expect(texts.has('not mine')).toBe(false);
    expect(texts.has('deleted later')).toBe(false);
    const described = jsonOf(entries, 'media.json');
    expect(described).toEqual([expect.objectContaining({ id: mediaId, kind: 'image', file: expect.stringMatching(/^media\//) })]);
    expect(described[0]).not.toHaveProperty('storageKey');
    const stored = entries.get(described[0].file)!;
    expect(stored.length).toBe(described[0].size);

    // The other person's archive has their message and none of a's media.
    const theirs = await unzip((await fetchBytes(server, '/users/me/export', b.token)).bytes);
    expect(jsonOf(theirs, `messages/${chatId}.json`).map((m: any) => m.text)).toEqual(['not mine']);
    expect(jsonOf(theirs, 'media.json')).toEqual([]);
    expect(jsonOf(theirs, 'profile.json')).not.toHaveProperty('email', a.email);
  });

  it('needs a session', async () => {
    expectProblem(await server.api('GET', '/users/me/export'), 401, 'auth.unauthorized');
  });
});
