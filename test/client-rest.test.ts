import crypto from 'node:crypto';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestClient, ParleyError, unwrap, uploadMedia, type RestAuth } from '@parley/client';
import { elfBytes, fetchBytes, mp4Bytes, pdfBytes, photo, sha256, tusHeaders } from './helpers/media.js';
import { newAccount, sdkClient } from './helpers/sdk.js';
import { TestServer, type TestUser } from './helpers/server.js';

// The server signs with a key this test knows, so it can mint a token that has already expired.
const { privateKey } = crypto.generateKeyPairSync('ed25519');
const JWT_PRIVATE_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

let server: TestServer;
let ann: TestUser;
let bob: TestUser;
let chatId: string;

beforeAll(async () => {
  server = await TestServer.start({ JWT_PRIVATE_KEY, TUS_MAX_PENDING_PER_USER: '100' });
  [ann, bob] = await server.registerAll('Ann Rest', 'Bob Rest');
  chatId = await server.directChat(ann, bob);
});
afterAll(() => server?.close());

/** An access token of `user`'s session that expired half an hour ago. */
async function expiredToken(user: TestUser): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new jose.SignJWT({ sid: jose.decodeJwt(user.token).sid })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer('parley')
    .setIssuedAt(now - 3600)
    .setExpirationTime(now - 1800)
    .sign(privateKey);
}

/** Each user's latest tokens: a refresh token works once, so every RestAuth of a user shares them. */
const sessions = new Map<string, { token: string; refreshToken: string; refreshing?: Promise<string> }>();

/** A RestAuth over `user`'s session, as the SDK's session keeps it: one refresh shared by everyone who found the same token stale. */
function sessionAuth(user: TestUser) {
  if (!sessions.has(user.id)) sessions.set(user.id, { token: user.token, refreshToken: user.refreshToken });
  const session = sessions.get(user.id)!;
  const counts = { refreshed: 0, refreshes: 0 };
  const refresh = async () => {
    counts.refreshes++;
    const res = await server.api('POST', '/auth/refresh-token', { body: { refreshToken: session.refreshToken } });
    if (res.status !== 200) throw new Error(`refresh failed: ${res.status} ${JSON.stringify(res.body)}`);
    ({ accessToken: session.token, refreshToken: session.refreshToken } = res.body);
    return session.token;
  };
  const auth: RestAuth = {
    accessToken: async () => session.token,
    refreshed: async (stale) => {
      counts.refreshed++;
      if (stale !== session.token) return session.token;
      return (session.refreshing ??= refresh().finally(() => (session.refreshing = undefined)));
    },
  };
  return { auth, counts, expire: async () => void (session.token = await expiredToken(user)) };
}

const rest = (auth?: RestAuth) => createRestClient({ url: server.url, ...(auth ? { auth } : {}) });

describe('createRestClient: typed REST with the bearer token', () => {
  it('sends a message and lists conversations, with typed bodies', async () => {
    const client = rest(sessionAuth(ann).auth);
    const sent = unwrap(
      await client.POST('/conversations/{id}/messages', { params: { path: { id: chatId } }, body: { text: 'typed hello' } }),
    );
    const seq: number = sent.message.seq;
    expect(seq).toBeGreaterThan(0);
    const { conversations } = unwrap(await client.GET('/conversations'));
    expect(conversations.find((c) => c.id === chatId)?.lastMessage?.text).toBe('typed hello');

    // Compile-time only: a body field of the wrong type, or a missing path parameter, is a type error.
    const wrongBodies = () => [
      // @ts-expect-error `text` is a string
      client.POST('/conversations/{id}/messages', { params: { path: { id: chatId } }, body: { text: 42 } }),
      // @ts-expect-error the path needs its `id`
      client.POST('/conversations/{id}/messages', { params: { path: {} }, body: { text: 'no id' } }),
    ];
    void wrongBodies;
  });

  it('refuses with the typed problem: error.code, and unwrap throws it as a ParleyError', async () => {
    const client = rest(sessionAuth(ann).auth);
    const nobody = '00000000-0000-7000-8000-000000000000';
    const missing = await client.GET('/conversations/{id}', { params: { path: { id: nobody } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('conversation.not_found');
    // @ts-expect-error the codes are a union of the operation's documented ones: this one is not among them
    expect(missing.error?.code === 'no.such_code').toBe(false);
    const thrown = await client
      .GET('/conversations/{id}', { params: { path: { id: nobody } } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Error);
    await expect(Promise.reject(thrown)).rejects.toMatchObject({ code: 'conversation.not_found', status: 404 });
    await expect(rest().GET('/auth/me').then(unwrap)).rejects.toMatchObject({
      name: 'ParleyError',
      code: 'auth.unauthorized',
      status: 401,
    });
  });

  it('with `url` a function, each request goes where it names now (body included)', async () => {
    let origin = 'http://127.0.0.1:9';
    const client = createRestClient({ url: () => origin, auth: sessionAuth(ann).auth });
    origin = server.url;
    const sent = await client.POST('/conversations/{id}/messages', { params: { path: { id: chatId } }, body: { text: 'moved' } });
    expect(sent.data?.message.text).toBe('moved');
  });

  it('a fetch that cannot reach the server rejects with ParleyError network.failed', async () => {
    const offline = createRestClient({ url: 'http://127.0.0.1:9', auth: sessionAuth(ann).auth });
    const err = await offline.GET('/auth/me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParleyError);
    expect(err).toMatchObject({ code: 'network.failed', retryable: true });
  });
});

describe('createRestClient: an expired token', () => {
  it('is refreshed once and the request (with its body) sent again', async () => {
    const session = sessionAuth(ann);
    await session.expire();
    const client = rest(session.auth);
    const sent = await client.POST('/conversations/{id}/messages', { params: { path: { id: chatId } }, body: { text: 'after refresh' } });
    expect(sent.error).toBeUndefined();
    expect(sent.data?.message.text).toBe('after refresh');
    expect(session.counts).toEqual({ refreshed: 1, refreshes: 1 });
    expect(unwrap(await client.GET('/auth/me')).user.id).toBe(ann.id);
    expect(session.counts).toEqual({ refreshed: 1, refreshes: 1 });
  });

  it('two requests at once: each asks `refreshed` once, the session refreshes once, both succeed', async () => {
    const session = sessionAuth(bob);
    await session.expire();
    const client = rest(session.auth);
    const [me, list] = await Promise.all([client.GET('/auth/me'), client.GET('/conversations')]);
    expect(me.data?.user.id).toBe(bob.id);
    expect(list.data?.conversations.map((c) => c.id)).toContain(chatId);
    expect(session.counts).toEqual({ refreshed: 2, refreshes: 1 });
  });

  it('is retried only once: a refresh that gives an expired token again ends with auth.token_expired', async () => {
    let refreshed = 0;
    const stale = await expiredToken(ann);
    const client = rest({ accessToken: async () => stale, refreshed: async () => (refreshed++, expiredToken(ann)) });
    const me = await client.GET('/auth/me');
    expect(me.error?.code).toBe('auth.token_expired');
    expect(refreshed).toBe(1);
  });
});

describe('uploadMedia: resumable uploads over tus', () => {
  const MB = 1_048_576;

  it('uploads 3 MB in chunks, reports progress up to the total, and the media is sendable', async () => {
    const data = mp4Bytes(3 * MB);
    const progress: number[] = [];
    const session = sessionAuth(ann);
    const media = await uploadMedia({
      url: server.url,
      auth: session.auth,
      data: new Blob([new Uint8Array(data)], { type: 'video/mp4' }),
      name: 'clip.mp4',
      chunkSize: 512 * 1024,
      onProgress: (sent, total) => {
        expect(total).toBe(data.length);
        progress.push(sent);
      },
    });
    expect(progress.length).toBeGreaterThanOrEqual(6);
    expect(progress.every((p, i) => i === 0 || p > progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(data.length);
    expect(media).toMatchObject({ kind: 'video', mimeType: 'video/mp4', size: data.length, name: 'clip.mp4' });

    const sent = unwrap(
      await rest(session.auth).POST('/conversations/{id}/messages', { params: { path: { id: chatId } }, body: { mediaIds: [media.id] } }),
    );
    expect(sent.message.media).toEqual([media]);
    expect(sha256((await fetchBytes(server, media.url, bob.token)).bytes)).toBe(sha256(data));
  });

  it('client.upload of a photo resolves with its Media, dimensions and thumbnail included (GET /media/:id/info)', async () => {
    const client = await sdkClient(server, newAccount('Photo Pam'), { signUp: true });
    const media = await client.upload(new Uint8Array(await photo(640, 480)), { name: 'beach.jpg', type: 'image/jpeg' });
    expect(media).toMatchObject({ kind: 'image', width: 640, height: 480, name: 'beach.jpg', thumbnailUrl: `${media.url}/thumbnail` });
    expect(unwrap(await client.rest.GET('/media/{id}/info', { params: { path: { id: media.id } } })).media).toEqual(media);
    // Someone who may not read it: 404, as for its download.
    const stranger = await rest(sessionAuth(bob).auth).GET('/media/{id}/info', { params: { path: { id: media.id } } });
    expect(stranger.error?.code).toBe('media.not_found');
    await client.close();
  });

  it('describes a file as the server does, and refreshes an expired token on the way', async () => {
    const session = sessionAuth(ann);
    await session.expire();
    const media = await uploadMedia({
      url: server.url,
      auth: session.auth,
      data: new Uint8Array(pdfBytes(200_000)),
      name: 'Bericht ä.pdf',
    });
    expect(session.counts.refreshes).toBe(1);
    const sent = unwrap(
      await rest(session.auth).POST('/conversations/{id}/messages', { params: { path: { id: chatId } }, body: { mediaIds: [media.id] } }),
    );
    expect(sent.message.media).toEqual([media]);
    expect(media).toMatchObject({ kind: 'file', mimeType: 'application/pdf', name: 'Bericht ä.pdf', thumbnailUrl: null });
  });

  it('rejects with the refusal’s code: an executable is media.unsupported_type', async () => {
    const refused = uploadMedia({ url: server.url, auth: sessionAuth(ann).auth, data: elfBytes(), type: 'image/png' });
    await expect(refused).rejects.toBeInstanceOf(ParleyError);
    await expect(refused).rejects.toMatchObject({ code: 'media.unsupported_type' });
  });

  it('an abort through the signal rejects with upload.aborted', async () => {
    const controller = new AbortController();
    const upload = uploadMedia({
      url: server.url,
      auth: sessionAuth(ann).auth,
      data: mp4Bytes(2 * MB),
      chunkSize: 256 * 1024,
      signal: controller.signal,
      onProgress: (sent) => sent >= 512 * 1024 && controller.abort(),
    });
    await expect(upload).rejects.toMatchObject({ name: 'ParleyError', code: 'upload.aborted' });
    await expect(
      uploadMedia({ url: server.url, auth: sessionAuth(ann).auth, data: mp4Bytes(1000), signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'upload.aborted' });
  });

  it('resumes from the upload URL of an aborted attempt: only the rest is sent', async () => {
    const data = mp4Bytes(3 * MB);
    const auth = sessionAuth(ann).auth;
    const controller = new AbortController();
    let uploadUrl: string | undefined;
    const first = uploadMedia({
      url: server.url,
      auth,
      data,
      chunkSize: 256 * 1024,
      signal: controller.signal,
      onUploadUrl: (url) => (uploadUrl = url),
      onProgress: (sent) => sent >= MB && controller.abort(),
    });
    await expect(first).rejects.toMatchObject({ code: 'upload.aborted' });
    expect(uploadUrl).toMatch(/\/api\/v1\/media\/tus\/[0-9a-f-]{36}$/);
    const head = await fetch(uploadUrl!, { method: 'HEAD', headers: tusHeaders(ann.token) });
    const kept = Number(head.headers.get('upload-offset'));
    expect(kept).toBeGreaterThanOrEqual(512 * 1024);
    expect(kept).toBeLessThan(data.length);

    const progress: number[] = [];
    const created: string[] = [];
    const media = await uploadMedia({
      url: server.url,
      auth,
      data,
      chunkSize: 256 * 1024,
      resumeFrom: uploadUrl!,
      onUploadUrl: (url) => created.push(url),
      onProgress: (sent) => progress.push(sent),
    });
    // No new upload was created, and the first progress is where the server already was.
    expect(created).toEqual([]);
    expect(progress[0]).toBeGreaterThanOrEqual(kept);
    expect(progress.at(-1)).toBe(data.length);
    expect(sha256((await fetchBytes(server, media.url, ann.token)).bytes)).toBe(sha256(data));
  });
});
