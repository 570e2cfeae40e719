import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo, uploadFile } from './helpers/media.js';
import { ResponseChecker } from './helpers/openapi.js';
import { TestServer, type TestUser } from './helpers/server.js';

/** The media and tus operations as the OpenAPI document shows them: multipart and chunk bodies, headers, binary responses. */
let server: TestServer;
let alice: TestUser;
let doc: any;
beforeAll(async () => {
  server = await TestServer.start();
  alice = await server.register('Alice Docs');
  doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
});
afterAll(() => server?.close());

const op = (method: string, path: string) => doc.paths[`/api/v1${path}`]?.[method];
const tus = { 'Tus-Resumable': '1.0.0' };

describe('the document of the media operations', () => {
  it('documents the multipart bodies, though the handlers stream them', () => {
    for (const [path, field] of [
      ['/media/upload', 'file'],
      ['/users/me/avatar', 'avatar'],
    ] as const) {
      const schema = op('post', path).requestBody.content['multipart/form-data'].schema;
      expect(schema.properties[field]).toMatchObject({ type: 'string', format: 'binary' });
      expect(schema.required).toEqual([field]);
    }
    expect(op('patch', '/media/tus/{id}').requestBody.content['application/offset+octet-stream'].schema.format).toBe('binary');
  });

  it('lists OPTIONS /media/tus and HEAD /media/tus/{id} with their headers, and what tus really answers', () => {
    expect(op('options', '/media/tus')).toMatchObject({ operationId: 'getTusCapabilities', security: [] });
    expect(Object.keys(op('options', '/media/tus').responses[204].headers)).toEqual(
      expect.arrayContaining(['Tus-Version', 'Tus-Extension', 'Tus-Max-Size']),
    );
    expect(op('head', '/media/tus/{id}').operationId).toBe('getTusUploadOffset');
    expect(Object.keys(op('head', '/media/tus/{id}').responses[200].headers)).toEqual(
      expect.arrayContaining(['Upload-Offset', 'Upload-Length']),
    );
    expect(Object.keys(op('post', '/media/tus').responses)).toContain('201');
    expect(op('post', '/media/tus').responses[201].headers.Location).toBeDefined();
    for (const method of ['patch', 'delete', 'post']) expect(Object.keys(op(method, '/media/tus/{id}').responses)).toContain('204');
    expect(op('patch', '/media/tus/{id}').parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Tus-Resumable', 'Upload-Offset']),
    );
  });

  it('documents the bytes of downloads, with 206, 304 and 416', () => {
    for (const path of ['/media/{id}', '/media/{id}/thumbnail', '/avatars/{file}']) {
      const responses = op('get', path).responses;
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '206', '304', '404', '416']));
      expect(responses[304].content).toBeUndefined();
      expect(responses[416].content['application/problem+json']).toBeDefined();
    }
    expect(Object.keys(op('get', '/media/{id}/thumbnail').responses[200].content)).toEqual(['image/webp']);
    expect(Object.keys(op('get', '/media/{id}').responses[206].content)).toContain('image/*');
  });
});

describe('documentation-only schemas validate nothing', () => {
  it('still answers a JSON body to a multipart route and a tus request without its headers as before', async () => {
    const json = await fetch(`${server.url}/api/v1/media/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'x' }),
    });
    expect(json.status).toBe(415);
    const noVersion = await fetch(`${server.url}/api/v1/media/tus`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(noVersion.status).toBe(412);
    const noLength = await fetch(`${server.url}/api/v1/media/tus`, {
      method: 'POST',
      headers: { ...tus, authorization: `Bearer ${alice.token}` },
    });
    expect(noLength.status).toBe(400);
    expect((await noLength.json()).errors).toEqual([{ path: 'headers.upload-length', message: 'a non-negative integer' }]);
  });

  it('checks a HEAD of a download against its GET (Fastify answers HEAD for every GET)', async () => {
    const up = await uploadFile(server, alice.token, await photo(64, 48), { name: 'p.jpg', type: 'image/jpeg' });
    const head = await fetch(`${server.url}/api/v1/media/${up.body.media.id}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(head.status).toBe(200);
    const checker = new ResponseChecker(doc);
    expect(checker.check('HEAD', `/api/v1/media/${up.body.media.id}`, 200, head.headers.get('content-type'), '')).toEqual([]);
    expect(checker.check('HEAD', `/api/v1/media/${up.body.media.id}`, 418, null, '')).toHaveLength(1);
  });
});
