import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './helpers/server.js';

/**
 * A client developer's path: generate types from GET /api/v1/openapi.json with openapi-typescript,
 * write a session against them with openapi-fetch, type-check it, run it. Nothing here is Parley's.
 */
const session = `
import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

const client = createClient<paths>({ baseUrl: process.argv[2] });
const tag = Math.random().toString(36).slice(2, 10);

async function register(name: string) {
  const { data, error } = await client.POST('/api/v1/auth/register', {
    body: { email: name + tag + '@example.test', password: 'pw-' + tag + '-long-secret', name },
  });
  if (error) throw new Error('register: ' + error.code);
  return data;
}

const ann = await register('Ann');
const bob = await register('Bob');
const auth = { headers: { authorization: 'Bearer ' + ann.accessToken } };

const opened = await client.POST('/api/v1/conversations', { ...auth, body: { userId: bob.user.id } });
if (opened.error) throw new Error('open: ' + opened.error.code);
const chatId: string = opened.data.conversation.id;

for (const text of ['one', 'two', 'three']) {
  const sent = await client.POST('/api/v1/conversations/{id}/messages', { ...auth, params: { path: { id: chatId } }, body: { text } });
  if (sent.error) throw new Error('send: ' + sent.error.code);
  const seq: number = sent.data.message.seq;
  void seq;
}

const page = await client.GET('/api/v1/conversations/{id}/messages', { ...auth, params: { path: { id: chatId }, query: { limit: 2 } } });
if (page.error) throw new Error('page: ' + page.error.code);
const older = await client.GET('/api/v1/conversations/{id}/messages', {
  ...auth,
  params: { path: { id: chatId }, query: { limit: 2, before: Number(page.data.nextCursor) } },
});
if (older.error) throw new Error('older page: ' + older.error.code);
const texts = [...older.data.messages, ...page.data.messages].map((m) => m.text);

const nobody = '00000000-0000-7000-8000-000000000000';
const missing = await client.GET('/api/v1/conversations/{id}', { ...auth, params: { path: { id: nobody } } });
const code: string | undefined = missing.error?.code;

const form = new FormData();
// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
form.append('file', new Blob([png], { type: 'image/png' }), 'dot.png');
const upload = await client.POST('/api/v1/media/upload', { ...auth, body: form as never, bodySerializer: () => form });
if (upload.error) throw new Error('upload: ' + upload.error.code);
const mediaId: string = upload.data.media.id;

console.log(JSON.stringify({ texts, code, status: missing.response.status, mediaId: typeof mediaId }));
`;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await TestServer.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-typed-client-'));
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  fs.writeFileSync(path.join(dir, 'schema.d.ts'), astToString(await openapiTS(doc)));
  fs.writeFileSync(path.join(dir, 'session.ts'), session);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    skipLibCheck: true,
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, types: ['node'] } }));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a typed client generated from the OpenAPI document (openapi-typescript + openapi-fetch)', () => {
  it('type-checks a whole session: register, open a chat, send, page, read error.code on a 404, upload', () => {
    const tsc = spawnSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs that session against the server', async () => {
    // Not spawnSync: the server answering it runs in this process.
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(dir, 'session.ts'), server.url], {
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      texts: ['one', 'two', 'three'],
      code: 'conversation.not_found',
      status: 404,
      mediaId: 'string',
    });
  });
});
